/**
 * The campaign's world (#14): a small French company's workbook on the emulator, the add-on's
 * server API called as google.script.run calls it (arguments and answers through JSON), and the
 * whole state a person could see or the add-on keeps — every sheet (values, formulas, formats,
 * metadata, protections), the document and user properties, the triggers — to compare.
 */
import type { SheetSnapshot } from '../../emulator';
import { serverApi } from '../../src/addon/api';
import type { ServerApi } from '../../src/shared/api';
import { addonEnv, salesWorkbook, type AddonEnv } from '../support/addon-env';
import { metadataWithoutIds } from '../unit/dashboard/fixtures';
import { seedIds } from '../unit/history/workbook';

export const USER_SHEETS = ['Ventes', 'Support'] as const;

export function workbook(): Record<string, unknown[][]> {
  return {
    ...salesWorkbook(12),
    Support: [
      ['Semaine', 'Tickets', 'Délai (h)'],
      ['S1', 42, 5.5],
      ['S2', 38, 4.25],
      ['S3', 51, 6],
    ],
  };
}

export interface World {
  env: AddonEnv;
  close(): void;
}

/** A fresh emulator with the workbook, ids from a seeded generator (runs repeated per fault position compare equal). */
export function world(): World {
  const restore = seedIds();
  const env = addonEnv({ now: '2026-06-15T06:00:00Z' }, workbook());
  return {
    env,
    close() {
      env.close();
      restore();
    },
  };
}

/** A server API call as google.script.run makes it: arguments and answer through JSON. */
export function call(method: keyof ServerApi, args: readonly unknown[]): unknown {
  const wire = JSON.parse(JSON.stringify(args, (_k, v) => (v === undefined ? null : v))) as unknown[];
  const answer = (serverApi[method] as (...a: unknown[]) => unknown)(...wire);
  return answer === undefined ? undefined : JSON.parse(JSON.stringify(answer));
}

/** Sheet, metadata and chart ids come from counters: a rebuilt dashboard compares equal to the first one. */
const norm = (s: SheetSnapshot) => ({
  ...s,
  sheetId: 0,
  metadata: metadataWithoutIds(s),
  charts: (s as { charts?: unknown[] }).charts?.map((c) => ({ ...(c as object), chartId: 0 })),
});

/** Everything that can be compared, as one JSON string per part (sheets by name). */
export function stateOf(env: AddonEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of env.emu.sheetNames()) {
    const snap = env.emu.snapshot(n);
    // A chart's ranges name the sheet they are on by its id, drawn afresh when a dashboard is
    // rebuilt: that id reads 0 like the sheet's own (ranges on other sheets keep theirs).
    out[`sheet:${n}`] = JSON.stringify(norm(snap)).replace(
      new RegExp(`"sheetId":${snap.sheetId}\\b`, 'g'),
      '"sheetId":0',
    );
  }
  out.order = JSON.stringify(env.emu.sheetNames());
  out.document = JSON.stringify(sorted(env.emu.properties.document()));
  out.user = JSON.stringify(sorted(env.emu.properties.user()));
  out.triggers = JSON.stringify(
    env.emu.triggers().map((t) => ({ ...t, id: undefined, uniqueId: undefined }) as unknown),
  );
  // Each emulator numbers its spreadsheets from a global counter: the same state compares equal.
  // Trigger ids come from a counter too (a faulted attempt's trigger advances it): the user's
  // `boussole.trigger.<id>` property is compared without the number.
  // The trigger's id in the refresh state (a counter too), and the user's key (made once, from the
  // seeded generator a faulted attempt advanced), are compared as ids.
  const key = env.emu.properties.user()['boussole.userKey'];
  for (const k of Object.keys(out))
    out[k] = (key ? out[k].split(key).join('USERKEY') : out[k])
      .replace(/(\\"trigger\\":\\")\d+/g, '$1N')
      .replace(/emu-spreadsheet-\d+/g, 'SPREADSHEET')
      .replace(/boussole\.trigger\.\d+/g, 'boussole.trigger.N');
  return out;
}

const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

/** The parts that differ between two states. */
export function diff(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
}

/** The drafts the campaign saves: the shell tests' own (test/support/addon-env.ts). */
export { salesKpi as kpi, salesObjective as objective } from '../support/addon-env';

export function accepted<T>(answer: unknown): T {
  const r = answer as { ok?: boolean; value?: T; message?: string };
  if (r?.ok !== true) throw new Error(`refused: ${JSON.stringify(answer)}`);
  return r.value as T;
}
