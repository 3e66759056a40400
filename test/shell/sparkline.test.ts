/**
 * #9: SPARKLINE is never fed "" padding (how it draws blanks is undocumented): each sparkline on a
 * dashboard reads exactly the numbers of its KPI's periods. The data here has gaps (months with
 * no row, rows with a blank or a text cell), as real data does.
 */
import { serverApi } from '../../src/addon/api';
import { generateDashboards } from '../../src/addon/dashboard';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, saved } from '../unit/dashboard/fixtures';

let env: AddonEnv;
afterEach(() => env?.close());

/** Invoices, several a month, unsorted; March and July 2026 have none; one blank amount, one text. */
const INVOICES: unknown[][] = [
  ['Date', 'Montant'],
  ['2026-05-20', 1200],
  ['2026-01-05', 800],
  ['2026-02-11', 950],
  ['2026-01-28', 400],
  ['2026-04-02', ''],
  ['2026-04-17', 1300],
  ['2026-06-09', 'à facturer'],
  ['2026-06-30', 700],
  ['2026-08-03', 500],
  ['2026-02-27', 150],
].map((r, i) => (i === 0 ? r : [new Date(`${r[0]}T00:00:00Z`), r[1]]));

/** The cells of an A1 range on a sheet of the snapshot (values as Sheets returns them). */
function cellsOf(values: unknown[][], a1: string): unknown[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a range: ${a1}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const out: unknown[] = [];
  for (let r = Number(m[2]); r <= Number(m[4]); r++)
    for (let c = col(m[1] as string); c <= col(m[3] as string); c++) out.push(values[r - 1]?.[c - 1]);
  return out;
}

test('a sparkline over a KPI with gaps reads only numbers: one per month that has one', () => {
  env = addonEnv({ now: '2026-08-20T09:00:00Z', timeZone: 'Europe/Paris' }, { Factures: INVOICES });
  saved(
    serverApi.saveKpi({
      name: 'Facturation',
      definition: 'Montant facturé par mois',
      objectiveId: '',
      unit: '€',
      direction: 'higher',
      indicator: 'lagging',
      source: { kind: 'range', values: 'Factures!B2:B11', dates: 'Factures!A2:A11' },
      baseline: null,
      target: 2000,
      benchmark: null,
      deadline: '2026-12-31',
      frequency: 'monthly',
      owner: 'Claire',
      level: 'tactical',
    }),
  );
  const [dashboard] = generateDashboards(contextOf(env.emu), { layout: 'overall' });
  const snap = env.emu.snapshot(dashboard?.sheetName as string);
  const sparklines = snap.formulas.flat().filter((f) => f.startsWith('=SPARKLINE('));
  expect(sparklines).toHaveLength(1);
  const range = /^=SPARKLINE\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(sparklines[0] as string)?.[1] as string;
  const cells = cellsOf(snap.values, range);
  // By hand: January 1,200; February 1,100; April 1,300; May 1,200; June 700; August 500 (to date).
  // No row in March or July: no cell for them, rather than a blank.
  expect(cells).toEqual([1200, 1100, 1300, 1200, 700, 500]);
});
