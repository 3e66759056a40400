/**
 * Every object a service hands out goes through one Proxy, which counts the call
 * (`Range.setValues`), injects faults, unwraps emulator objects passed back in and wraps the ones
 * returned. Methods the emulator doesn't have throw "emulator: X.y not implemented".
 */

/** Base class of every object the emulated services return; `emuType` names it in call counts. */
export abstract class EmuObject {
  abstract readonly emuType: string;
}

export interface CallStats {
  /** Service calls since the last reset. */
  readonly total: number;
  /** Calls per `Type.method`, e.g. `{ 'Range.setValues': 3 }`. */
  readonly byMethod: Record<string, number>;
  /** Calls to one method (0 when never called). */
  count(method: string): number;
  /** The ordered list of `Type.method` names since the last reset (kept up to 100 000). */
  readonly log: readonly string[];
  reset(): void;
}

export interface Faults {
  /** The k-th service call from now (1 = the next one) throws. Several can be armed. */
  failAt(k: number, message?: string): void;
  /** The n-th call (1 = the next) of one method, e.g. `Range.setValues`, throws. */
  failOn(method: string, nth?: number, message?: string): void;
  clear(): void;
}

export class Instrumentation implements CallStats, Faults {
  total = 0;
  byMethod: Record<string, number> = {};
  log: string[] = [];
  /** Counts calls since creation, never reset: fault positions are absolute on this counter. */
  private seq = 0;
  private atSeq = new Map<number, string | undefined>();
  private onMethod: { method: string; remaining: number; message?: string }[] = [];
  private proxies = new WeakMap<object, object>();
  private targets = new WeakMap<object, object>();
  /** Called on each call, e.g. to advance the clock by a simulated latency. */
  onCall: ((method: string) => void) | undefined;
  /** May throw to refuse a call (e.g. a service not allowed in AuthMode.NONE). */
  guard: ((method: string) => void) | undefined;

  count(method: string): number {
    return this.byMethod[method] ?? 0;
  }

  reset(): void {
    this.total = 0;
    this.byMethod = {};
    this.log = [];
  }

  failAt(k: number, message?: string): void {
    if (!Number.isInteger(k) || k < 1) throw new Error('emulator: failAt(k) needs k ≥ 1');
    this.atSeq.set(this.seq + k, message);
  }

  failOn(method: string, nth = 1, message?: string): void {
    this.onMethod.push({ method, remaining: nth, message });
  }

  clear(): void {
    this.atSeq.clear();
    this.onMethod = [];
  }

  private record(method: string): void {
    this.seq++;
    this.total++;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    if (this.log.length < 100_000) this.log.push(method);
    this.onCall?.(method);
    this.guard?.(method);
    if (this.atSeq.has(this.seq)) {
      const msg = this.atSeq.get(this.seq);
      this.atSeq.delete(this.seq);
      throw new Error(`emulator: injected fault at service call #${this.seq} (${method})${msg ? `: ${msg}` : ''}`);
    }
    for (const f of this.onMethod) {
      if (f.method === method && --f.remaining === 0) {
        this.onMethod = this.onMethod.filter((x) => x !== f);
        throw new Error(`emulator: injected fault on ${method}${f.message ? `: ${f.message}` : ''}`);
      }
    }
  }

  /** The proxy the add-on sees for an emulator object (the same proxy each time). */
  wrap<T>(value: T): T {
    if (value instanceof EmuObject) return this.proxyFor(value) as T;
    if (Array.isArray(value) && value.some((v) => v instanceof EmuObject)) return value.map((v) => this.wrap(v)) as T;
    return value;
  }

  /** The emulator object behind a proxy (anything else unchanged; arrays and plain objects one level deep). */
  unwrap<T>(value: T): T {
    if (value && typeof value === 'object') {
      const target = this.targets.get(value as object);
      if (target) return target as T;
      if (Array.isArray(value) && value.some((v) => v && typeof v === 'object' && this.targets.has(v))) {
        return value.map((v) => this.unwrap(v)) as T;
      }
    }
    return value;
  }

  private proxyFor(target: EmuObject): object {
    const existing = this.proxies.get(target);
    if (existing) return existing;
    const type = target.emuType;
    const cache = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get: (obj, prop, receiver) => {
        if (cache.has(prop)) return cache.get(prop);
        if (typeof prop !== 'string' || prop === 'emuType' || prop.startsWith('_'))
          return Reflect.get(obj, prop, receiver);
        const value = Reflect.get(obj, prop, obj) as unknown;
        if (value === undefined && !(prop in obj)) {
          if (!looksLikeApiMethod(prop)) return undefined;
          const missing = (..._args: unknown[]) => {
            this.record(`${type}.${prop}`);
            throw new Error(`emulator: ${type}.${prop} not implemented`);
          };
          cache.set(prop, missing);
          return missing;
        }
        if (typeof value !== 'function') return value;
        const name = `${type}.${prop}`;
        const wrapped = (...args: unknown[]) => {
          this.record(name);
          const result = (value as (...a: unknown[]) => unknown).apply(
            obj,
            args.map((a) => this.unwrap(a)),
          );
          return this.wrap(result);
        };
        cache.set(prop, wrapped);
        return wrapped;
      },
    });
    this.proxies.set(target, proxy);
    this.targets.set(proxy, target);
    return proxy;
  }
}

const NOT_API = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'constructor',
  'inspect',
  'toString',
  'valueOf',
  'tagName',
  'hasOwnProperty',
]);
const API_VERB =
  /^(get|set|is|has|add|remove|insert|delete|clear|create|new|copy|move|show|hide|auto|sort|find|apply|as|can|check|uncheck|collapse|expand|trim|merge|break|activate|protect|randomize|shift|group|ungroup|update|append|duplicate|with|build|require|when|on|at|every|near|in|for|time|after|try|wait|release|format|compute|base64|parse|sleep|wrap|modify|use|reverse|enable|disable|flush|open|reset|invalidate|uncheck|text|create|alert|prompt|toast|rename|refresh|copy|evaluate|run|load|log)[A-Z0-9_]?/;

function looksLikeApiMethod(prop: string): boolean {
  return !NOT_API.has(prop) && API_VERB.test(prop);
}
