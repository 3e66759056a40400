/*
 * What every screen does through the store: load, call the server, show a failure in the banner,
 * mark an action busy, confirm with a toast, announce, move focus, change screen. The screens'
 * own actions (screens/*, wizard/actions.ts) are built on these.
 */
import type { Bootstrap } from '../shared/api';
import { server as defaultServer, ServerError, type Client } from './client';
import { browserLang, textIn, type Strings } from './i18n';
import { initialFrame, nextSeq, type Ready, type Screen, type State, Store, TITLE_ID } from './store';

const TOAST_MS = 8000;

export class Session {
  readonly store: Store;
  private toastTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(readonly server: Client = defaultServer) {
    this.store = new Store({ ...initialFrame(browserLang()), phase: 'loading' });
  }

  get t(): Strings {
    return textIn(this.store.get().lang);
  }

  /** The first load (and Retry after it failed): Home, or a page saying why with Retry. */
  async start(): Promise<void> {
    this.store.update((s) => ({ ...s, phase: 'loading' }));
    const schedule = this.server.getSchedule().then(
      (value) => ({ status: 'known' as const, value }),
      (e: unknown) => ({ status: 'failed' as const, message: this.messageOf(e) }),
    );
    try {
      const boot = await this.server.bootstrap();
      const sched = await schedule;
      this.store.update((s) => ({
        ...s,
        lang: boot.lang,
        phase: 'ready',
        boot,
        schedule: sched,
        screen: homeScreen(),
        focus: { id: TITLE_ID, seq: nextSeq() },
      }));
    } catch (e) {
      const message = this.messageOf(e);
      this.store.update((s) => ({ ...s, phase: 'fatal', message }));
    }
  }

  /** Re-reads the schedule; a failure is kept for the sections that show it, never fatal. */
  async fetchSchedule(): Promise<void> {
    try {
      const value = await this.server.getSchedule();
      this.store.updateReady((s) => ({ ...s, schedule: { status: 'known', value } }));
    } catch (e) {
      const message = this.messageOf(e);
      this.store.updateReady((s) => ({ ...s, schedule: { status: 'failed', message } }));
    }
  }

  /** The summary a change answered with: what Home shows, in the language it was read in. */
  adopt(summary: Bootstrap | null): void {
    if (summary) {
      this.store.updateReady((s) => ({ ...s, boot: summary, lang: summary.lang }));
      return;
    }
    // The change was committed but its summary could not be read: read it again (never report the
    // change as failed, a retry would make it twice).
    void this.call(this.server.bootstrap()).then((boot) => {
      if (boot) this.adopt(boot);
    });
  }

  /** Another screen: the banner and the toast belong to the one left; focus goes to the new heading. */
  go(screen: Screen): void {
    this.clearToast();
    this.store.updateReady((s) => ({ ...s, screen, banner: null, focus: { id: TITLE_ID, seq: nextSeq() } }));
  }

  home(): void {
    this.go(homeScreen());
  }

  /** Calls the server; a failure becomes a readable message in the banner, and undefined. */
  async call<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      return await p;
    } catch (e) {
      this.showError(this.messageOf(e));
      return undefined;
    }
  }

  messageOf(e: unknown): string {
    const message = e instanceof ServerError || e instanceof Error ? e.message : '';
    return message || this.t.genericError;
  }

  /** A failure's message as a sentence ("…: it failed." rather than "…: it failed"). */
  sentenceOf(e: unknown): string {
    const m = e instanceof Error ? e.message.trim() : '';
    if (!m) return this.t.genericError;
    return /[.!?…]$/.test(m) ? m : `${m}.`;
  }

  showError(message: string): void {
    this.store.update((s) => ({ ...s, banner: message }));
  }

  closeBanner(): void {
    this.store.update((s) => ({ ...s, banner: null }));
  }

  /** Runs `work` with the action `key` busy (its button disabled, saying what it does). */
  async busy<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.store.update((s) => ({ ...s, busy: [...s.busy, key] }));
    try {
      return await work();
    } finally {
      this.store.update((s) => ({ ...s, busy: s.busy.filter((k) => k !== key) }));
    }
  }

  toast(text: string): void {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.store.update((s) => ({ ...s, toast: { text, seq: nextSeq() } }));
    this.toastTimer = setTimeout(() => this.clearToast(), TOAST_MS);
  }

  clearToast(): void {
    if (this.toastTimer) clearTimeout(this.toastTimer);
    this.toastTimer = null;
    this.store.update((s) => (s.toast ? { ...s, toast: null } : s));
  }

  announce(text: string): void {
    this.store.update((s) => ({ ...s, announce: { text, seq: nextSeq() } }));
  }

  focus(id: string): void {
    this.store.update((s) => ({ ...s, focus: { id, seq: nextSeq() } }));
  }

  /** The loaded state, for an action that needs it now (undefined once the sidebar left it). */
  ready(): Ready | undefined {
    const s: State = this.store.get();
    return s.phase === 'ready' ? s : undefined;
  }
}

export const homeScreen = (): Screen => ({ name: 'home', layoutChoice: null, dashNotice: null, confirm: null });
