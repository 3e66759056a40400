/**
 * Bad payloads (#14, item 6): every server API method checks its arguments' shape and answers
 * with a message naming the argument, never a TypeError from deep inside, and writes nothing.
 * The cases the campaign found, each of which threw a TypeError (or said nothing useful) before.
 */
import { serverApi } from '../../src/addon/api';
import { PayloadError } from '../../src/addon/payload';
import type { ServerApi } from '../../src/shared/api';
import { addonEnv, salesWorkbook, type AddonEnv } from '../support/addon-env';

let env: AddonEnv;
beforeEach(() => {
  env = addonEnv({}, salesWorkbook());
});
afterEach(() => env.close());

const call = (method: keyof ServerApi, ...args: unknown[]): unknown =>
  (serverApi[method] as (...a: unknown[]) => unknown)(...args);

/** What a call did: an answer, or the error's class and message. */
function outcome(f: () => unknown): { answer?: unknown; error?: { name: string; message: string } } {
  try {
    return { answer: f() };
  } catch (e) {
    return { error: { name: (e as Error).name, message: (e as Error).message } };
  }
}

const sheets = () => env.emu.sheetNames().map((n) => [n, env.emu.sheetValues(n)]);

test.each([
  ['readSource', [null], /^Demande readSource refusée\u00a0: source doit être un objet \(reçu\u00a0: null\)/],
  ['readSource', [{ kind: 'range', values: 12 }], /source\.values doit être un texte \(reçu\u00a0: 12\)/],
  [
    'readSource',
    [{ kind: 'cell', ref: 'A1' }, { frequency: 'yearly' }],
    /options\.frequency doit être l'une des valeurs "daily"/,
  ],
  [
    'generateDashboards',
    ['x', 5],
    /layout doit être l'une des valeurs "by_level", "overall" \(reçu\u00a0: un texte de 1 caractère\)/,
  ],
  ['generateDashboards', ['overall', 5], /smartScores doit être un objet ou absent \(reçu\u00a0: 5\)/],
  ['generateDashboards', ['overall', { kpi_1: 'high' }], /smartScores\["kpi_1"\] doit être un nombre de 0 à 100/],
  [
    'setSchedule',
    [{ kind: 'weekly', hour: 99 }],
    /schedule\.hour doit être une heure entière de 0 à 23 \(reçu\u00a0: 99\)/,
  ],
  ['setSchedule', [{ kind: 'weekly', hour: 8, day: 'FUNDAY' }], /schedule\.day doit être l'une des valeurs "MONDAY"/],
  ['setSchedule', [null], /schedule doit être un objet/],
])('%s(%j) is refused with a message naming the argument', (method, args, message) => {
  const before = sheets();
  const r = outcome(() => call(method as keyof ServerApi, ...(args as unknown[])));
  expect(r.error?.name).toBe(new PayloadError('').name);
  expect(r.error?.message).toMatch(message);
  expect(sheets()).toEqual(before);
});

test.each([
  ['saveSettings', [null], 'settings'],
  ['saveSettings', [{ lang: 'de' }], 'settings.lang'],
  ['saveKpi', [null], 'draft'],
  ['saveKpi', [[1, 2]], 'draft'],
  ['saveKpi', [{ name: 'x' }, { base: 'old' }], 'options.base'],
  ['saveKpi', [{ name: 'x' }, { create: 'yes' }], 'options.create'],
  ['saveObjective', ['title'], 'draft'],
  ['deleteKpi', [{ id: 'kpi_1' }], 'id'],
  ['deleteObjective', [null], 'id'],
  ['deleteObjective', ['obj 1'], 'id'],
])('%s(%j): a refusal naming %s, nothing written', (method, args, path) => {
  const before = sheets();
  const r = call(method as keyof ServerApi, ...(args as unknown[])) as {
    ok: boolean;
    message: string;
    errors: unknown[];
  };
  expect(r).toEqual({
    ok: false,
    message: expect.stringContaining(` ${path} doit être `),
    errors: [{ field: path, code: 'bad_payload', message: r.message }],
  });
  expect(sheets()).toEqual(before);
});

test('in English for an English user; valid calls are untouched', () => {
  env.close();
  env = addonEnv({ locale: 'en_US', userLocale: 'en' }, salesWorkbook());
  expect(outcome(() => serverApi.readSource(null as never)).error?.message).toBe(
    'readSource request refused: source must be an object (got null). Reload the sidebar.',
  );
  expect(serverApi.saveSettings({ lang: 'fr' })).toMatchObject({ ok: true, value: { lang: 'fr' } });
  expect(serverApi.getSchedule().schedule).toEqual({ kind: 'off' });
  expect(serverApi.setSchedule({ kind: 'daily', hour: 7 }).schedule).toEqual({ kind: 'daily', hour: 7 });
});
