/** PropertiesService: script, user and document stores, with Apps Script's size limits. */
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';

type Props = GoogleAppsScript.Properties.Properties;

/**
 * A property value may hold 9 KB; a store 500 KB (key and value bytes, UTF-8): Google's documented
 * quotas ("Properties value size 9 KB / val", "Properties total storage 500 KB / property store").
 * Enforced pessimistically: a 2023 measurement (tanaikech, "Report: Specification of Properties
 * Service for Google Apps Script") found single values far above 9 KB accepted, the real cap being
 * the store total (keys included). Over the store total Apps Script throws "You have exceeded the
 * property storage quota. Please remove some properties and try again." (seen in the wild). For the
 * per-value and per-key limits no real message was found: "Argument too large: …" is CacheService's
 * wording, borrowed here.
 */
export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class EmuProperties
  extends EmuObject
  implements
    Pick<
      Props,
      | 'getProperty'
      | 'setProperty'
      | 'setProperties'
      | 'getProperties'
      | 'getKeys'
      | 'deleteProperty'
      | 'deleteAllProperties'
    >
{
  readonly emuType = 'Properties';

  constructor(readonly store: Map<string, string>) {
    super();
  }

  private check(next: Map<string, string>): void {
    for (const [k, v] of next) {
      if (bytes(v) > VALUE_LIMIT_BYTES) throw new Error('Argument too large: value');
      if (bytes(k) > VALUE_LIMIT_BYTES) throw new Error('Argument too large: key');
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > STORE_LIMIT_BYTES)
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
  }

  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): Props {
    if (key === null || key === undefined || key === '') throw new Error('Invalid argument: key');
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this.check(next);
    this.store.set(String(key), String(value));
    return this as unknown as Props;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Props {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.check(next);
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this as unknown as Props;
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }

  getKeys(): string[] {
    return [...this.store.keys()];
  }

  deleteProperty(key: string): Props {
    this.store.delete(String(key));
    return this as unknown as Props;
  }

  deleteAllProperties(): Props {
    this.store.clear();
    return this as unknown as Props;
  }
}

export class EmuPropertiesService
  extends EmuObject
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
    >
{
  readonly emuType = 'PropertiesService';
  readonly script = new Map<string, string>();
  /** Per user email. */
  readonly user = new Map<string, Map<string, string>>();
  /** Per spreadsheet id. */
  readonly document = new Map<string, Map<string, string>>();

  constructor(private readonly core: EmulatorCore) {
    super();
  }

  userStore(email = this.core.options.userEmail): Map<string, string> {
    let m = this.user.get(email);
    if (!m) {
      m = new Map();
      this.user.set(email, m);
    }
    return m;
  }

  documentStore(id: string): Map<string, string> {
    let m = this.document.get(id);
    if (!m) {
      m = new Map();
      this.document.set(id, m);
    }
    return m;
  }

  /**
   * The store of the document the code runs for; null when there is none (a time-driven trigger,
   * by default: see Emulator.asTrigger): "When document properties are not available this method
   * returns null" (https://developers.google.com/apps-script/reference/properties/properties-service#getDocumentProperties()).
   */
  getDocumentProperties(): Props {
    const id = this.core.context.documentId;
    return (id ? new EmuProperties(this.documentStore(id)) : null) as unknown as Props;
  }

  getScriptProperties(): Props {
    return new EmuProperties(this.script) as unknown as Props;
  }

  getUserProperties(): Props {
    return new EmuProperties(this.userStore()) as unknown as Props;
  }
}
