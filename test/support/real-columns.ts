/** The fixtures of real-data.ts as the core reads them: date cells as day numbers, text as text. */
import type { SourceColumns } from '../../src/core/kpi/aggregation';
import { isoDay } from '../../src/core/kpi/dates';
import { columnIndex, type FixtureCell, type FixtureKpi, type FixtureSet } from './real-data';

const cellOf = (c: FixtureCell): number | string | boolean | null =>
  c !== null && typeof c === 'object' ? (isoDay(c.date) ?? null) : c;

export function columnsOf(set: FixtureSet, k: FixtureKpi): SourceColumns {
  const col = (letter: string | undefined) =>
    letter === undefined ? undefined : set.rows.map((r) => cellOf(r[columnIndex(letter)] ?? null));
  const values = col(k.columns.values)!;
  const out: SourceColumns = { values };
  if (k.columns.dates) out.dates = col(k.columns.dates) as (number | string | null)[];
  if (k.columns.categories) out.categories = col(k.columns.categories);
  if (k.columns.denominator) out.denominators = col(k.columns.denominator);
  return out;
}
