/** The sidebar as Apps Script will serve it: one HTML file, everything inline, nothing a template or the HTML parser could misread. */
import { buildSidebarHtml, escapeInlineScript } from '../../scripts/sidebar-build';
import { createClient, ServerError, type ScriptRunner } from '../../src/sidebar/client';
import { SERVER_METHODS } from '../../src/shared/api';

jest.setTimeout(60_000);

test('Sidebar.html is one self-contained file with a single classic inline script', async () => {
  const html = await buildSidebarHtml();
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
  expect(scripts).toEqual(['<script>']);
  expect(html.match(/<\/script/gi)).toHaveLength(1);
  expect(html).not.toContain('<?');
  expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(\s*['"]?https?:/i);
  expect(html).not.toMatch(/type=["']?module/i);
  const body = html.slice(html.indexOf('<script>') + 8, html.lastIndexOf('</script>'));
  expect(body).not.toMatch(/<!--|<\/script|<\?/i);
  expect(body).not.toMatch(/\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write/);
  // Classic script, es2019: no top-level import/export.
  expect(body).not.toMatch(/^\s*(import|export)\s/m);
  expect(Buffer.byteLength(html)).toBeLessThan(250_000);
});

test('escapeInlineScript neutralises the sequences that end or confuse an inline script', () => {
  expect(escapeInlineScript('a="</script>";b=/<\\/script/;c="<!--";d="<?x"')).toBe(
    'a="\\x3c/script>";b=/<\\/script/;c="\\x3c!--";d="\\x3c?x"',
  );
  // \x3c means "<" in strings and regular expressions alike.
  // eslint-disable-next-line no-eval
  expect(eval(escapeInlineScript('"</SCRIPT><?"'))).toBe('</SCRIPT><?');
  expect(eval(escapeInlineScript('/a<?b/')).test('ab')).toBe(true);
});

describe('the typed client over google.script.run', () => {
  /** A google.script.run look-alike whose server answers from `impl`. */
  function fakeRunner(
    impl: (method: string, args: unknown[]) => { ok: boolean; value?: unknown; error?: unknown },
  ): () => ScriptRunner {
    return () => {
      const make = (ok?: (v: unknown) => void, ko?: (e: unknown) => void): ScriptRunner => {
        const r: ScriptRunner = {
          withSuccessHandler: (f) => make(f, ko),
          withFailureHandler: (f) => make(ok, f),
        };
        for (const m of SERVER_METHODS) {
          r[m] = function (this: ScriptRunner, ...args: unknown[]) {
            expect(this).toBe(r);
            const out = impl(m, args);
            setTimeout(() => (out.ok ? ok?.(out.value) : ko?.(out.error)), 0);
          };
        }
        return r;
      };
      return make();
    };
  }

  test('a call resolves with the server value, with its arguments passed through', async () => {
    const seen: unknown[] = [];
    const client = createClient(
      fakeRunner((m, args) => {
        seen.push([m, args]);
        return { ok: true, value: { a1: "'Ventes'!B2:B13", rows: 12, columns: 1 } };
      }),
    );
    await expect(client.readSelection()).resolves.toEqual({ a1: "'Ventes'!B2:B13", rows: 12, columns: 1 });
    await client.deleteKpi('kpi_1');
    expect(seen).toEqual([
      ['readSelection', []],
      ['deleteKpi', ['kpi_1']],
    ]);
  });

  test('a server error rejects with its message; a missing google.script.run is an error too', async () => {
    const client = createClient(fakeRunner(() => ({ ok: false, error: new Error('Exception: Service indisponible') })));
    await expect(client.bootstrap()).rejects.toEqual(new ServerError('bootstrap', 'Exception: Service indisponible'));
    const asString = createClient(fakeRunner(() => ({ ok: false, error: 'plain text failure' })));
    await expect(asString.bootstrap()).rejects.toThrow('plain text failure');
    const none = createClient(() => null);
    await expect(none.bootstrap()).rejects.toBeInstanceOf(ServerError);
  });

  test('every server method has its client method', () => {
    const client = createClient(() => null);
    expect(Object.keys(client).sort()).toEqual([...SERVER_METHODS].sort());
  });
});

test('the client is typed from ServerApi: a wrong name or payload does not compile (checked by tsc)', () => {
  const client = createClient(() => null);
  const neverCalled = () => {
    // @ts-expect-error no such server function
    void client.readSelections();
    // @ts-expect-error deleteKpi takes an id string
    void client.deleteKpi(42);
    // @ts-expect-error a Date cannot cross google.script.run: the payload types have none
    void client.saveKpi({ deadline: new Date() });
  };
  expect(typeof neverCalled).toBe('function');
});
