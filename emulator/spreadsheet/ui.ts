/** Ui: menus, sidebars and dialogs are recorded; alerts and prompts are answered by test responders. */
import type { ButtonName, EmulatorCore, MenuItemRecord, MenuRecord } from '../core';
import { EmuObject } from '../instrument';
import type { EmuHtmlOutput } from '../services/html';

type Menu = GoogleAppsScript.Base.Menu;

export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

export class EmuMenu extends EmuObject implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly emuType = 'Menu';
  readonly items: MenuItemRecord[] = [];

  constructor(
    private readonly core: EmulatorCore,
    readonly kind: 'addon' | 'menu',
    readonly caption: string,
  ) {
    super();
  }

  record(): MenuRecord {
    return {
      kind: this.kind,
      caption: this.caption,
      items: this.items.map((i) =>
        i.submenu ? { ...i, submenu: { ...i.submenu, items: [...i.submenu.items] } } : { ...i },
      ),
    };
  }

  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption, functionName });
    return this as unknown as Menu;
  }

  addSeparator(): Menu {
    this.items.push({ caption: '', separator: true });
    return this as unknown as Menu;
  }

  addSubMenu(menu: Menu): Menu {
    const sub = menu as unknown as EmuMenu;
    this.items.push({ caption: sub.caption, submenu: sub.record() });
    return this as unknown as Menu;
  }

  addToUi(): void {
    const rec = this.record();
    const i = this.core.menus.findIndex((m) => m.kind === rec.kind && m.caption === rec.caption);
    if (i >= 0) this.core.menus[i] = rec;
    else this.core.menus.push(rec);
  }
}

type Ui = GoogleAppsScript.Base.Ui;

export class EmuUi
  extends EmuObject
  implements
    Pick<
      Ui,
      'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog' | 'alert' | 'prompt'
    >
{
  readonly emuType = 'Ui';
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(
    private readonly core: EmulatorCore,
    private readonly addonName: string,
  ) {
    super();
  }

  createAddonMenu(): Menu {
    return new EmuMenu(this.core, 'addon', this.addonName) as unknown as Menu;
  }

  createMenu(caption: string): Menu {
    return new EmuMenu(this.core, 'menu', caption) as unknown as Menu;
  }

  private show(kind: 'sidebar' | 'modal' | 'modeless', output: unknown, title?: string): void {
    const o = output as EmuHtmlOutput;
    this.core.html.push({
      kind,
      title: title ?? o.title ?? '',
      html: o.content ?? String(output),
      width: o.width,
      height: o.height,
    });
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', userInterface);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', userInterface, title);
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', userInterface, title);
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    let title: string | null = null;
    let prompt = a;
    let buttons = 'OK';
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = String(c);
    } else if (b !== undefined) buttons = String(b);
    const answer: ButtonName = this.core.responders.alert({ title, prompt, buttons });
    this.core.alerts.push({ title, prompt, buttons, answer });
    return answer as unknown as GoogleAppsScript.Base.Button;
  }

  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    let title: string | null = null;
    let prompt = a;
    let buttons = 'OK';
    if (c !== undefined) {
      title = a;
      prompt = String(b);
      buttons = String(c);
    } else if (b !== undefined) buttons = String(b);
    const answer = this.core.responders.prompt({ title, prompt, buttons });
    this.core.prompts.push({ title, prompt, buttons, answer });
    return {
      getResponseText: () => answer.text,
      getSelectedButton: () => answer.button,
    } as unknown as GoogleAppsScript.Base.PromptResponse;
  }
}

export type { ButtonName };
