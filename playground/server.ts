/**
 * The local sidebar harness: the built sidebar in a browser, with `google.script.run` bridged to
 * the add-on's real server code (src/addon/api.ts) running on the emulator, over a sample French
 * SME workbook. No Google, no network beyond localhost.
 *
 *   npm run sidebar            → http://127.0.0.1:8787/ (PORT env or first argument to change)
 *
 * Pages:  GET /         a page hosting the sidebar in a 300 px iframe, with a selection box
 *         GET /sidebar  the sidebar HTML alone, with the google.script.run shim injected
 * RPC:    POST /rpc     {method, args} → {ok: true, value} | {ok: false, error: {name, message}}
 * Test controls (JSON answers):
 *         GET /test/select?a1='Ventes'!B2:B25    select a range, as the user would in the sheet
 *         GET /test/fail-at?k=1[&message=…]     the k-th service call from now throws
 *         GET /test/fail-on?method=Range.setValues[&nth=1&message=…]   that method's n-th call throws
 *         GET /test/fail-call?method=bootstrap[&message=…]  the first service call of the next
 *                                                call to that server function throws, whatever else
 *                                                the sidebar calls meanwhile (fail-at counts those too)
 *         GET /test/reset[?locale=fr_FR&userLocale=fr&now=2025-01-15]   a fresh emulator and workbook
 *         GET /test/sheet?name=…                 a sheet's values, formulas and displayed text
 *         GET /test/sheets                       the sheet names
 *         GET /test/latency?ms=…                 delay every RPC answer (to see loading states)
 *         GET /test/hold?on=1 | ?on=0            hold every RPC until released (a loading state
 *                                                stays on screen as long as a test looks at it)
 *
 * The emulator's services live on globalThis, where the server code expects Apps Script's: one
 * harness per process at a time.
 */
import { createEmulator, loadWorkbook, type Emulator, type WorkbookData } from '../emulator';
import { serverApi } from '../src/addon/api';
import { clock } from '../src/addon/clock';
import { SERVER_METHODS, type ServerMethod } from '../src/shared/api';
import { buildSidebarHtml } from '../scripts/sidebar-build';
import { json, send, serve } from './http';
import { sampleWorkbook } from './sample-workbook';

export interface EmulatorSetup {
  /** Spreadsheet locale (default 'fr_FR'). */
  locale?: string;
  /** The user's Google locale, which picks the sidebar's language (default: the locale's language). */
  userLocale?: string;
  /** The emulated clock's start (default 2025-01-15T09:00:00Z). */
  now?: string;
  /** The workbook (default: the sample French SME workbook). */
  workbook?: WorkbookData;
}

export interface HarnessOptions extends EmulatorSetup {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** The sidebar HTML; built from src/sidebar with esbuild when absent. */
  sidebarHtml?: string;
  /** Delay before each RPC answer, in ms (default 0). */
  latencyMs?: number;
}

export interface Harness {
  url: string;
  /** The current emulator (replaced by reset()). */
  readonly emu: Emulator;
  /** A fresh emulator with its workbook, installed on globalThis. */
  reset(setup?: EmulatorSetup): Emulator;
  close(): Promise<void>;
}

export class TransportError extends Error {}

/**
 * What survives google.script.run: numbers, strings, booleans, null, arrays and plain objects of
 * them. A Date anywhere makes the real call fail, so it fails here too.
 */
export function checkTransportable(value: unknown, path = 'value'): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value === undefined) return;
  if (typeof value === 'number') return;
  if (value instanceof Date)
    throw new TransportError(`${path} is a Date: google.script.run cannot carry one (send an ISO string)`);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new TransportError(`${path} is a ${typeof value}`);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) checkTransportable(v, `${path}[${i}]`);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new TransportError(`${path} is not a plain object`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) checkTransportable(v, `${path}.${k}`);
}

/** The browser side of the bridge: a google.script.run look-alike that POSTs to /rpc. */
export function scriptRunShim(methods: readonly string[]): string {
  return `(function () {
  var METHODS = ${JSON.stringify(methods)};
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure, userObject); },
      withFailureHandler: function (f) { return runner(success, f, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    METHODS.forEach(function (m) {
      r[m] = function () {
        var args = Array.prototype.slice.call(arguments);
        fetch('/rpc', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: m, args: args }) })
          .then(function (res) { return res.json(); })
          .then(function (out) {
            if (out.ok) { if (success) success(out.value, userObject); return; }
            var e = new Error(out.error.message); e.name = out.error.name || 'ScriptError';
            if (failure) failure(e, userObject); else console.error(e);
          }, function () {
            var e = new Error('NetworkError: Connection failure due to HTTP 0');
            if (failure) failure(e, userObject); else console.error(e);
          });
      };
    });
    return r;
  }
  var noop = function () {};
  window.google = { script: {
    get run() { return runner(null, null, undefined); },
    host: { close: noop, setHeight: noop, setWidth: noop, origin: location.origin, editor: { focus: noop } }
  } };
})();`;
}

/** The sidebar with the shim injected before its own script. */
export function withShim(sidebarHtml: string, methods: readonly string[] = SERVER_METHODS): string {
  const shim = `<script>${scriptRunShim(methods).replace(/<(?=\/script|!--)/gi, '\\x3c')}</script>`;
  const at = sidebarHtml.indexOf('</head>');
  return at < 0 ? shim + sidebarHtml : sidebarHtml.slice(0, at) + shim + sidebarHtml.slice(at);
}

const HOST_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Boussole — sidebar harness</title>
<style>
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; background: #f8f9fa; color: #202124; display: flex; height: 100vh; }
  .sheet { flex: 1; padding: 16px; overflow: auto; }
  .sheet h1 { font-size: 16px; font-weight: 500; }
  .sheet form { display: flex; gap: 6px; margin: 8px 0 12px; }
  .sheet input { flex: 1; max-width: 320px; padding: 5px 8px; border: 1px solid #dadce0; border-radius: 4px; font: inherit; }
  .sheet button { padding: 5px 12px; border: 1px solid #dadce0; border-radius: 4px; background: #fff; color: #1a73e8; font: inherit; cursor: pointer; }
  .sheet pre { background: #fff; border: 1px solid #e8eaed; border-radius: 4px; padding: 8px; font-size: 11px; overflow: auto; }
  .panel { width: 300px; flex: none; display: flex; flex-direction: column; background: #fff; border-left: 1px solid #dadce0; box-shadow: -1px 0 4px rgba(60,64,67,.15); }
  .panel header { height: 48px; display: flex; align-items: center; padding: 0 16px; font-size: 16px; border-bottom: 1px solid #e8eaed; }
  .panel iframe { flex: 1; width: 300px; border: 0; }
</style></head>
<body>
  <main class="sheet">
    <h1>Boussole — local sidebar harness</h1>
    <p>The sidebar on the right runs the add-on's server code on the emulator. Select a range here as you would in Sheets, then use "Use the selected range" in the wizard.</p>
    <form id="sel"><input id="a1" value="'Ventes'!F2:F25" aria-label="Range to select"><button>Select</button></form>
    <p id="selected"></p>
    <p><button id="refresh" type="button">Refresh the sheets below</button></p>
    <div id="sheets"></div>
  </main>
  <aside class="panel"><header>Boussole</header><iframe id="sidebar" title="Boussole sidebar" src="/sidebar"></iframe></aside>
<script>
  var out = document.getElementById('selected');
  document.getElementById('sel').addEventListener('submit', function (e) {
    e.preventDefault();
    fetch('/test/select?a1=' + encodeURIComponent(document.getElementById('a1').value)).then(function (r) { return r.json(); })
      .then(function (j) { out.textContent = j.ok ? 'Selected ' + j.a1 : j.error; });
  });
  function show() {
    fetch('/test/sheets').then(function (r) { return r.json(); }).then(function (j) {
      var box = document.getElementById('sheets'); box.textContent = '';
      j.sheets.forEach(function (name) {
        fetch('/test/sheet?name=' + encodeURIComponent(name)).then(function (r) { return r.json(); }).then(function (s) {
          var h = document.createElement('h2'); h.textContent = name; h.style.fontSize = '14px';
          var pre = document.createElement('pre'); pre.textContent = s.display.slice(0, 30).map(function (r) { return r.join('\\t'); }).join('\\n');
          box.appendChild(h); box.appendChild(pre);
        });
      });
    });
  }
  document.getElementById('refresh').addEventListener('click', show);
  show();
</script>
</body></html>`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one server call as Apps Script would: one execution, payloads checked both ways. */
export function runServerCall(
  emu: Emulator,
  method: string,
  args: unknown[],
): { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } } {
  if (!(SERVER_METHODS as readonly string[]).includes(method)) {
    return {
      ok: false,
      error: { name: 'TypeError', message: `google.script.run: ${method} is not a server function` },
    };
  }
  try {
    checkTransportable(args, 'arguments');
    const fn = serverApi[method as ServerMethod] as (...a: unknown[]) => unknown;
    const value = fn(...args);
    checkTransportable(value, `${method}() result`);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return { ok: false, error: { name: err.name, message: err.message } };
  } finally {
    emu.endExecution();
  }
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const html = withShim(options.sidebarHtml ?? (await buildSidebarHtml()));
  let latencyMs = options.latencyMs ?? 0;
  /** RPCs waiting for /test/hold?on=0, while held. */
  let held: (() => void)[] | null = null;
  let failCall: { method: string; message?: string } | null = null;
  let emu!: Emulator;
  let uninstall: (() => void) | null = null;
  const realNow = clock.now;

  const reset = (setup: EmulatorSetup = options): Emulator => {
    if (uninstall) uninstall();
    const locale = setup.locale ?? 'fr_FR';
    emu = createEmulator({
      locale,
      userLocale: setup.userLocale,
      now: setup.now ?? '2025-01-15T09:00:00Z',
      spreadsheetName: 'PME Durand — pilotage',
    });
    loadWorkbook(emu, setup.workbook ?? sampleWorkbook());
    const restoreServices = emu.install();
    // The add-on's one source of time follows the emulator's controllable clock.
    const current = emu;
    clock.now = () => current.clock.now();
    uninstall = () => {
      restoreServices();
      clock.now = realNow;
    };
    return emu;
  };
  reset();

  const served = await serve({
    port: options.port,
    host: options.host,
    sidebarHtml: html,
    errorName: 'HarnessError',
    rpc: async (method, args) => {
      if (latencyMs) await sleep(latencyMs);
      if (held) {
        const queue = held;
        await new Promise<void>((go) => queue.push(go));
      }
      if (failCall && failCall.method === method) {
        emu.faults.failAt(1, failCall.message);
        failCall = null;
      }
      return runServerCall(emu, method, args);
    },
    routes: (req, res, url) => {
      const q = (k: string) => url.searchParams.get(k) ?? undefined;
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, HOST_PAGE, 'text/html');
      if (url.pathname === '/test/select') {
        try {
          const range = emu.select(q('a1') ?? '');
          return json(res, 200, { ok: true, a1: `${range.getSheet().getName()}!${range.getA1Notation()}` });
        } catch (e) {
          return json(res, 400, { ok: false, error: (e as Error).message });
        }
      }
      if (url.pathname === '/test/fail-at') {
        emu.faults.failAt(Number(q('k') ?? '1'), q('message'));
        return json(res, 200, { ok: true });
      }
      if (url.pathname === '/test/fail-on') {
        emu.faults.failOn(q('method') ?? '', Number(q('nth') ?? '1'), q('message'));
        return json(res, 200, { ok: true });
      }
      if (url.pathname === '/test/fail-call') {
        failCall = { method: q('method') ?? '', message: q('message') };
        return json(res, 200, { ok: true });
      }
      if (url.pathname === '/test/hold') {
        const waiting = held ?? [];
        held = q('on') === '1' ? (held ?? []) : null;
        if (!held) for (const go of waiting) go();
        return json(res, 200, { ok: true, held: waiting.length });
      }
      if (url.pathname === '/test/reset') {
        reset({
          ...options,
          locale: q('locale') ?? options.locale,
          userLocale: q('userLocale') ?? options.userLocale,
          now: q('now') ?? options.now,
        });
        return json(res, 200, { ok: true });
      }
      if (url.pathname === '/test/latency') {
        latencyMs = Number(q('ms') ?? '0') || 0;
        return json(res, 200, { ok: true, latencyMs });
      }
      if (url.pathname === '/test/sheets') return json(res, 200, { sheets: emu.sheetNames() });
      if (url.pathname === '/test/sheet') {
        const name = q('name') ?? '';
        if (!emu.sheetNames().includes(name)) return json(res, 404, { error: `no sheet named ${name}` });
        return json(res, 200, {
          name,
          values: emu.sheetValues(name),
          formulas: emu.sheetFormulas(name),
          display: emu.snapshot(name).display,
        });
      }
      return send(res, 404, 'not found', 'text/plain');
    },
    onClose: () => {
      if (uninstall) {
        uninstall();
        uninstall = null;
      }
    },
  });
  return {
    url: served.url,
    get emu() {
      return emu;
    },
    reset,
    close: served.close,
  };
}

/** `npm run sidebar [port]`: the harness on PORT (default 8787) until Ctrl-C. */
async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8787);
  const harness = await startHarness({ port, latencyMs: Number(process.env.LATENCY_MS ?? 120) });
  console.log(`Boussole sidebar harness: ${harness.url}  (sidebar alone: ${harness.url}sidebar)`);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /playground[\\/]server\.ts$/.test(process.argv[1])) void main();
