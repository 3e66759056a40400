/** HtmlService: HTML outputs from strings or from files of the built bundle (default dist/). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';

const names = <K extends string>(...keys: K[]) =>
  Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P });

export const HTML_ENUMS = {
  SandboxMode: names('EMULATED', 'IFRAME', 'NATIVE'),
  XFrameOptionsMode: names('ALLOWALL', 'DEFAULT'),
};

type Out = GoogleAppsScript.HTML.HtmlOutput;

export class EmuHtmlOutput
  extends EmuObject
  implements
    Pick<
      Out,
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'setSandboxMode'
      | 'setXFrameOptionsMode'
      | 'addMetaTag'
      | 'setFaviconUrl'
    >
{
  readonly emuType = 'HtmlOutput';
  title = '';
  width: number | undefined;
  height: number | undefined;
  sandboxMode = 'IFRAME';
  xFrameOptionsMode = 'DEFAULT';
  metaTags: Record<string, string> = {};
  faviconUrl: string | null = null;

  constructor(public content: string) {
    super();
  }

  setTitle(title: string): Out {
    this.title = String(title);
    return this as unknown as Out;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): Out {
    this.width = width;
    return this as unknown as Out;
  }
  getWidth(): number {
    return this.width as number;
  }
  setHeight(height: number): Out {
    this.height = height;
    return this as unknown as Out;
  }
  getHeight(): number {
    return this.height as number;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): Out {
    this.content = String(content);
    return this as unknown as Out;
  }
  append(addedContent: string): Out {
    this.content += addedContent;
    return this as unknown as Out;
  }
  appendUntrusted(addedContent: string): Out {
    this.content += addedContent
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
    return this as unknown as Out;
  }
  clear(): Out {
    this.content = '';
    return this as unknown as Out;
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): Out {
    this.sandboxMode = String(mode);
    return this as unknown as Out;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): Out {
    this.xFrameOptionsMode = String(mode);
    return this as unknown as Out;
  }
  addMetaTag(name: string, content: string): Out {
    this.metaTags[name] = content;
    return this as unknown as Out;
  }
  setFaviconUrl(iconUrl: string): Out {
    this.faviconUrl = iconUrl;
    return this as unknown as Out;
  }
}

export class EmuHtmlService
  extends EmuObject
  implements Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile'>
{
  readonly emuType = 'HtmlService';

  constructor(private readonly core: EmulatorCore) {
    super();
    Object.assign(this, HTML_ENUMS);
  }

  createHtmlOutput(html?: unknown): Out {
    const text =
      html === undefined
        ? ''
        : typeof html === 'string'
          ? html
          : String((html as { getDataAsString?: () => string }).getDataAsString?.() ?? html);
    return new EmuHtmlOutput(text) as unknown as Out;
  }

  /** Reads `<htmlDir>/<filename>.html` ("Sidebar" or "Sidebar.html"). */
  createHtmlOutputFromFile(filename: string): Out {
    const base = filename.endsWith('.html') ? filename : `${filename}.html`;
    const path = join(this.core.options.htmlDir, base);
    if (!existsSync(path)) throw new Error(`No HTML file named ${filename.replace(/\.html$/, '')} was found.`);
    return new EmuHtmlOutput(readFileSync(path, 'utf8')) as unknown as Out;
  }
}

export class EmuLogger extends EmuObject {
  readonly emuType = 'Logger';

  constructor(private readonly core: EmulatorCore) {
    super();
  }

  log(format: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    let text = String(format);
    if (values.length) {
      let i = 0;
      text = text.replace(/%s/g, () => String(values[i++]));
    }
    this.core.logs.push(text);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    return this.core.logs.join('\n');
  }

  clear(): void {
    this.core.logs.length = 0;
  }
}
