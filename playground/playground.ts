/**
 * The playground: Boussole running locally on a sample workbook, in the browser. One node http
 * server hosts the page (workbook grid, dashboards with their charts, clock and refresh controls),
 * the real sidebar with google.script.run bridged to the add-on's server code on the emulator,
 * and a small JSON API the page uses.
 *
 *   GET  /                 the page           GET /app.js  its script (esbuild, chart.js inside)
 *   GET  /sidebar          the built sidebar, with the google.script.run shim
 *   POST /rpc              google.script.run → serverApi (as the sidebar harness)
 *   GET  /api/state        clock, sheets, language, schedule, last run, notice
 *   GET  /api/sheet?name=  one sheet as drawn (values, formulas, styles, charts, sparklines)
 *   POST /api/select       {a1}                  the selection "Use the selected range" reads
 *   POST /api/edit         {sheet, a1, input}    type into a cell (a value or a formula)
 *   POST /api/activate     {sheet}
 *   POST /api/advance      {by: day|week|month}  the clock; due scheduled runs fire on the way
 *   POST /api/refresh      the scheduled refresh, now
 *   POST /api/generate     {layout}              (re)generate the dashboards
 *   POST /api/lang         {lang: fr|en}
 *   POST /api/reset        back to the sample
 *   POST /api/open?name=   the file's bytes as the body (.xlsx, .csv)
 *   GET  /api/export       the workbook as .xlsx
 *
 * State: `{ base, ops }` (see session.ts) in `<dataDir>/state.json`, written after each change,
 * replayed at start. One playground per process (the emulator's services live on globalThis).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { buildSidebarHtml } from '../scripts/sidebar-build';
import { SERVER_METHODS } from '../src/shared/api';
import { dashboardApi } from './dashboards';
import { exportFileName, FileRefused, loadFailure, readWorkbookFile, writeWorkbookFile } from './files';
import { json, readBody, send, serve } from './http';
import { PAGE_HTML } from './page/html';
import type { PlaygroundState } from './page/types';
import { withShim } from './server';
import { Workbook, type Base, type Op, type SavedState, type Step } from './session';
import { sheetKinds, sheetView } from './view';

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  /** Where state.json lives; null: nothing saved (tests that don't test persistence). */
  dataDir?: string | null;
  /** The sidebar HTML (default: built from src/sidebar). */
  sidebarHtml?: string;
  /** Silence the console notes (tests). */
  quiet?: boolean;
}

export interface Playground {
  url: string;
  readonly workbook: Workbook;
  /** Why the saved state was not restored, if it was not. */
  readonly restoreNote: string | null;
  close(): Promise<void>;
}

const ROOT = resolve(__dirname_safe(), '..');
function __dirname_safe(): string {
  // esbuild bundles to ESM (run-ts) or CJS (jest): find the repo from the working directory.
  return resolve(process.cwd(), 'playground');
}

export async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [join(ROOT, 'playground/page/main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

const TEXT = {
  restored: {
    fr: (n: number) => `Classeur restauré (${n} action${n > 1 ? 's' : ''} rejouée${n > 1 ? 's' : ''}).`,
    en: (n: number) => `Workbook restored (${n} action${n > 1 ? 's' : ''} replayed).`,
  },
  restoreFailed: {
    fr: (why: string, kept: string) =>
      `L'état enregistré n'a pas pu être restauré (${why}) : le classeur d'exemple est rechargé. L'ancien fichier est conservé sous ${kept}.`,
    en: (why: string, kept: string) =>
      `The saved state could not be restored (${why}): the sample workbook is loaded instead. The old file is kept as ${kept}.`,
  },
  drift: {
    fr: 'Classeur restauré, mais le code du module a changé depuis : certaines valeurs peuvent différer de la dernière session.',
    en: 'Workbook restored, but the add-on code changed since: some values may differ from the last session.',
  },
  opened: {
    fr: (n: string, how: string | null) =>
      `« ${n} » est ouvert${how ? ` (${how})` : ''}. Sélectionnez une plage, puis utilisez le panneau Boussole.`,
    en: (n: string, how: string | null) =>
      `“${n}” is open${how ? ` (${how})` : ''}. Select a range, then use the Boussole panel.`,
  },
  reset: { fr: 'Démo réinitialisée.', en: 'Demo reset.' },
};

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const log = options.quiet ? () => undefined : (m: string) => console.log(m);
  const [sidebarHtml, pageJs] = await Promise.all([options.sidebarHtml ?? buildSidebarHtml(), bundlePage()]);
  const sidebar = withShim(sidebarHtml, SERVER_METHODS);
  const dataDir = options.dataDir === undefined ? resolve(process.cwd(), 'playground-data') : options.dataDir;
  const stateFile = dataDir ? join(dataDir, 'state.json') : null;
  let version = 0;
  let notice: PlaygroundState['notice'] = null;
  /** Counts the notices set, so the page shows each once, even one with the same text as the last. */
  let noticeId = 0;
  const setNotice = (n: NonNullable<PlaygroundState['notice']>) => {
    notice = n;
    noticeId++;
  };
  /**
   * Counts the selections and activations the page sent: the page knows from it whether a state it
   * reads was computed before or after its own latest selection.
   */
  let selectionVersion = 0;
  let restoreNote: string | null = null;

  let saved: SavedState | null = null;
  let unreadable: string | null = null;
  if (stateFile && existsSync(stateFile)) {
    try {
      saved = JSON.parse(readFileSync(stateFile, 'utf8')) as SavedState;
      if (saved?.version !== 1 || !saved.base || !Array.isArray(saved.ops))
        throw new Error('not a playground state file');
    } catch (e) {
      unreadable = e instanceof Error ? e.message : String(e);
      saved = null;
    }
  }
  let wb: Workbook;
  try {
    wb = new Workbook(saved?.base ?? { kind: 'sample' });
  } catch (e) {
    unreadable ??= e instanceof Error ? e.message : String(e);
    saved = null;
    wb = new Workbook({ kind: 'sample' });
  }
  const save = () => {
    version++;
    if (!stateFile || !dataDir) return;
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(wb.saved()));
    renameSync(tmp, stateFile);
  };

  // Restore the last session, or say why not (and keep the file that could not be read).
  const refuse = (why: string) => {
    const kept = `${stateFile}.broken-${Date.now()}`;
    try {
      renameSync(stateFile!, kept);
    } catch {
      /* keep going from the sample */
    }
    restoreNote = why;
    setNotice({ level: 'error', text: TEXT.restoreFailed[wb.lang()](why, kept) });
    console.error(
      `Boussole playground: could not restore ${stateFile}: ${why}; starting from the sample (old file kept as ${kept})`,
    );
  };
  if (unreadable) refuse(unreadable);
  else if (saved) {
    try {
      wb.replay(saved.ops);
      const lang = wb.lang();
      const restored: PlaygroundState['notice'] =
        saved.fingerprint && saved.fingerprint !== wb.fingerprint()
          ? { level: 'info', text: TEXT.drift[lang] }
          : saved.ops.length || saved.base.kind !== 'sample'
            ? { level: 'info', text: TEXT.restored[lang](saved.ops.length) }
            : null;
      if (restored) setNotice(restored);
      log(`Boussole playground: restored ${stateFile} (${saved.ops.length} actions)`);
    } catch (e) {
      wb.build({ kind: 'sample' });
      refuse(e instanceof Error ? e.message : String(e));
    }
  }
  wb.onChange = save;
  if (stateFile) save();

  const state = (): PlaygroundState => {
    const emu = wb.emu;
    const ss = emu.spreadsheet;
    const kinds = sheetKinds(emu);
    const sel = (() => {
      try {
        const r = ss.getActiveRange();
        return r ? `${r.getSheet().getName()}!${r.getA1Notation()}` : null;
      } catch {
        return null;
      }
    })();
    const lang = wb.lang();
    const tz = ss.getSpreadsheetTimeZone();
    const now = emu.clock.now();
    const info = (() => {
      try {
        return dashboardApi.getSchedule();
      } catch {
        return null;
      }
    })();
    emu.endExecution();
    const history = Object.entries(kinds).find(([, k]) => k === 'history')?.[0];
    return {
      lang,
      now: now.toISOString(),
      nowText: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
        timeZone: tz,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(now),
      spreadsheetName: ss.getName(),
      source: wb.base.kind === 'sample' ? { kind: 'sample' } : { kind: 'file', name: wb.base.name },
      sheets: emu.sheetNames().map((name) => ({ name, kind: kinds[name] })),
      active: ss.getActiveSheet().getName(),
      selection: sel,
      selectionVersion,
      schedule: JSON.stringify(info?.schedule ?? { kind: 'off' }),
      lastRun: info?.lastRun
        ? { start: info.lastRun.start, rowsWritten: info.lastRun.rowsWritten, errors: info.lastRun.errors }
        : null,
      historyRows: history ? Math.max(0, emu.sheetValues(history).length - 1) : 0,
      notice,
      noticeId,
      version,
    };
  };

  const act = (op: Op) => {
    const out = wb.apply(op);
    if (!out.ok) return { ok: false, error: out.error };
    return { ok: true, value: out.value };
  };

  const served = await serve({
    port: options.port,
    host: options.host,
    sidebarHtml: sidebar,
    errorName: 'PlaygroundError',
    rpc: (method, args) => {
      const out = wb.apply({ t: 'rpc', method, args });
      return out.ok ? { ok: true, value: out.value ?? null } : { ok: false, error: out.error };
    },
    routes: async (req, res, url) => {
      const path = url.pathname;
      const body = async (): Promise<Record<string, unknown>> => {
        const raw = (await readBody(req, 1024 * 1024)).toString('utf8');
        return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      };
      if (req.method === 'GET' && path === '/') return send(res, 200, PAGE_HTML, 'text/html');
      if (req.method === 'GET' && path === '/app.js') return send(res, 200, pageJs, 'text/javascript');
      if (req.method === 'GET' && path === '/api/state') return json(res, 200, state());
      if (req.method === 'GET' && path === '/api/changed') {
        const changed = wb.changed();
        wb.emu.endExecution();
        return json(res, 200, { changed, spreadsheetName: wb.emu.spreadsheet.getName() });
      }
      if (req.method === 'GET' && path === '/api/sheet') {
        const name = url.searchParams.get('name') ?? '';
        if (!wb.emu.sheetNames().includes(name)) return json(res, 404, { error: `no sheet named ${name}` });
        return json(res, 200, sheetView(wb.emu, name));
      }
      if (req.method === 'GET' && path === '/api/export') {
        const file = await writeWorkbookFile(wb.emu);
        wb.emu.endExecution();
        const name = exportFileName(wb.emu.spreadsheet.getName(), wb.lang());
        return send(res, 200, file, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
          'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        });
      }
      if (req.method !== 'POST') return send(res, 404, 'not found', 'text/plain');
      switch (path) {
        case '/api/select': {
          const { a1 } = await body();
          try {
            const range = wb.emu.select(String(a1));
            selectionVersion++;
            return json(res, 200, {
              ok: true,
              sheet: range.getSheet().getName(),
              a1: `${range.getSheet().getName()}!${range.getA1Notation()}`,
              selectionVersion,
            });
          } catch (e) {
            return json(res, 400, { ok: false, error: { name: 'Error', message: (e as Error).message } });
          }
        }
        case '/api/activate': {
          const { sheet } = await body();
          const ss = wb.emu.spreadsheet;
          const s = ss.getSheetByName(String(sheet));
          if (s) {
            s.activate();
            selectionVersion++;
          }
          const range = ss.getActiveRange();
          wb.emu.endExecution();
          return json(res, 200, {
            ok: Boolean(s),
            sheet: ss.getActiveSheet().getName(),
            a1: range ? `${range.getSheet().getName()}!${range.getA1Notation()}` : null,
            selectionVersion,
          });
        }
        case '/api/edit': {
          const b = await body();
          return json(
            res,
            200,
            act({ t: 'edit', sheet: String(b.sheet), a1: String(b.a1), input: String(b.input ?? '') }),
          );
        }
        case '/api/advance': {
          const { by } = await body();
          if (by !== 'day' && by !== 'week' && by !== 'month')
            return json(res, 400, { ok: false, error: { name: 'Error', message: 'by: day, week or month' } });
          return json(res, 200, act({ t: 'advance', by: by as Step }));
        }
        case '/api/refresh':
          return json(res, 200, act({ t: 'refresh' }));
        case '/api/generate': {
          const { layout } = await body();
          return json(res, 200, act({ t: 'generate', layout: layout === 'overall' ? 'overall' : 'by_level' }));
        }
        case '/api/lang': {
          const { lang } = await body();
          return json(res, 200, act({ t: 'lang', lang: lang === 'en' ? 'en' : 'fr' }));
        }
        case '/api/reset': {
          wb.build({ kind: 'sample' });
          setNotice({ level: 'info', text: TEXT.reset[wb.lang()] });
          save();
          return json(res, 200, { ok: true });
        }
        case '/api/open': {
          const name = url.searchParams.get('name') ?? 'file';
          const lang = wb.lang();
          const locale = wb.emu.spreadsheet.getSpreadsheetLocale();
          let opened: Awaited<ReturnType<typeof readWorkbookFile>>;
          try {
            opened = await readWorkbookFile(
              await readBody(req, undefined, () => new FileRefused('too large')),
              name,
              lang,
              locale,
            );
          } catch (e) {
            const message = e instanceof FileRefused ? e.message : loadFailure(e, name, lang);
            return json(res, 200, { ok: false, error: { name: 'FileRefused', message } });
          }
          const previous: Base = wb.base;
          const previousOps = [...wb.ops];
          try {
            wb.build({ kind: 'file', name, book: opened.book, locale });
          } catch (e) {
            // Nothing already loaded is lost: put the previous workbook back.
            wb.build(previous);
            wb.replay(previousOps);
            return json(res, 200, { ok: false, error: { name: 'FileRefused', message: loadFailure(e, name, lang) } });
          }
          const text = [TEXT.opened[wb.lang()](name, opened.how), ...opened.warnings].join('\n');
          setNotice({ level: opened.warnings.length ? 'warning' : 'info', text });
          save();
          return json(res, 200, {
            ok: true,
            sheets: wb.emu.sheetNames(),
            active: wb.emu.spreadsheet.getActiveSheet().getName(),
          });
        }
      }
      return send(res, 404, 'not found', 'text/plain');
    },
    onClose: () => wb.dispose(),
  });
  return {
    url: served.url,
    get workbook() {
      return wb;
    },
    restoreNote,
    close: served.close,
  };
}
