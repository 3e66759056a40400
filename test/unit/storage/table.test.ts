import { decodeTable, encodeRow, headerOf, ownRuns, rowFormats } from '../../../src/core/storage/table';
import { mergeOnBase, sameValue } from '../../../src/core/storage/merge';
import { KPIS, OBJECTIVES } from '../../../src/core/storage/schemas';
import { isoDateFormatter } from '../../../src/core/i18n/dates';
import type { Kpi } from '../../../src/core/kpi/model';

const toIso = isoDateFormatter('Europe/Paris');
const kpi: Kpi = {
  id: 'kpi_abc123',
  name: 'Taux de conversion',
  definition: 'Commandes ÷ visites du site, par mois',
  unit: '%',
  direction: 'higher',
  objectiveId: 'obj_1',
  indicator: 'leading',
  source: { kind: 'range', values: "'Web 2026'!C2:C13", dates: "'Web 2026'!A2:A13" },
  baseline: 0.012,
  target: 0.02,
  deadline: '2026-12-31',
  frequency: 'monthly',
  aggregation: 'average',
  benchmark: null,
  owner: 'Inès',
  level: 'operational',
};

describe('KPI rows', () => {
  const header = headerOf(KPIS as never);
  test('an encoded row decodes to the same KPI', () => {
    const row = encodeRow(KPIS, header, kpi);
    const t = decodeTable(KPIS, [header, row], 'en', toIso);
    expect(t.problems).toEqual([]);
    expect(t.items.map((x) => x.item)).toEqual([kpi]);
    expect(t.items[0].row).toBe(2);
  });

  test('columns are found by header: a reordered sheet still loads', () => {
    const row = encodeRow(KPIS, header, kpi);
    const order = header.map((_, i) => i).reverse();
    const t = decodeTable(KPIS, [order.map((i) => header[i]), order.map((i) => row[i])], 'en', toIso);
    expect(t.items.map((x) => x.item)).toEqual([kpi]);
  });

  test('a sheet written before the aggregation existed still loads: each KPI gets its template or unit default', () => {
    const old = header.filter((h) => h !== 'aggregation' && h !== 'sourceDenominator');
    const rowOf = (k: Kpi) => {
      const full = encodeRow(KPIS, header, k);
      return old.map((h) => full[header.indexOf(h)]);
    };
    const { aggregation: _, ...legacy } = kpi;
    const t = decodeTable(
      KPIS,
      [
        old,
        rowOf(legacy as Kpi),
        rowOf({ ...(legacy as Kpi), id: 'kpi_rev', unit: '€' }),
        rowOf({ ...(legacy as Kpi), id: 'kpi_mrr', unit: '€', templateId: 'finance_mrr' }),
        rowOf({ ...(legacy as Kpi), id: 'kpi_basket', unit: '€', templateId: 'sales_average_basket' }),
        // A ratio template whose formula cannot be computed falls back to its unit's default.
        rowOf({ ...(legacy as Kpi), id: 'kpi_conv', templateId: 'marketing_click_through_rate' }),
      ],
      'en',
      toIso,
    );
    expect(t.problems).toEqual([]);
    expect(t.missingColumns).toEqual([]);
    expect(t.items.map((x) => [x.item.id, x.item.aggregation])).toEqual([
      ['kpi_abc123', 'average'],
      ['kpi_rev', 'sum'],
      ['kpi_mrr', 'last'],
      ['kpi_basket', 'average'],
      ['kpi_conv', 'average'],
    ]);
  });

  test('a ratio keeps its denominators range', () => {
    const ratio: Kpi = {
      ...kpi,
      aggregation: 'ratio',
      source: { kind: 'range', values: 'Web!C2:C', dates: 'Web!A2:A', denominator: 'Web!B2:B' },
    };
    const t = decodeTable(KPIS, [header, encodeRow(KPIS, header, ratio)], 'en', toIso);
    expect(t.items.map((x) => x.item)).toEqual([ratio]);
  });

  test('a date typed over the deadline (Sheets made it a Date) is read in the sheet time zone', () => {
    const row = encodeRow(KPIS, header, kpi);
    row[header.indexOf('deadline')] = new Date('2026-12-30T23:30:00Z'); // 31 Dec 00:30 in Paris
    expect(decodeTable(KPIS, [header, row], 'en', toIso).items[0].item.deadline).toBe('2026-12-31');
  });

  test('blank rows are skipped silently; the next free row follows the last filled one', () => {
    const row = encodeRow(KPIS, header, kpi);
    const blank = header.map(() => '');
    const t = decodeTable(KPIS, [header, blank, row, blank, blank], 'en', toIso);
    expect(t.items[0].row).toBe(3);
    expect(t.problems).toEqual([]);
    expect(t.nextRow).toBe(4);
  });

  test('columns the add-on does not know are rewritten as they were, formulas included', () => {
    const extended = [...header, 'notes'];
    const values = [extended, [...encodeRow(KPIS, header, kpi), 42]];
    const formulas = [extended.map(() => ''), [...header.map(() => ''), '=6*7']];
    const t = decodeTable(KPIS, values, 'en', toIso, formulas);
    const out = encodeRow(KPIS, extended, { ...kpi, target: 0.03 }, t.items[0].cells);
    expect(out[extended.length - 1]).toBe('=6*7');
    expect(out[header.indexOf('target')]).toBe(0.03);
    expect(rowFormats(KPIS as never, extended, ['', '', '', '', '', '', '', '', '', '', '', '', '', '0.00%'])[13]).toBe(
      '0.00%',
    );
  });

  test('text columns are plain text, number columns keep their format', () => {
    const formats = rowFormats(KPIS as never, header);
    expect(formats[header.indexOf('name')]).toBe('@');
    expect(formats[header.indexOf('target')]).toBe('General');
  });

  test('French reasons for a broken row', () => {
    const row = encodeRow(KPIS, header, kpi);
    row[header.indexOf('frequency')] = 'mensuel';
    const t = decodeTable(KPIS, [header, row], 'fr', toIso);
    expect(t.problems).toEqual([
      {
        row: 2,
        id: 'kpi_abc123',
        reason: expect.stringMatching(/^Fréquence\s:\s«\smensuel\s» n'est pas une valeur possible/u),
      },
    ]);
  });
});

test('objective rows round-trip', () => {
  const header = headerOf(OBJECTIVES as never);
  const o = {
    id: 'obj_1',
    title: 'Croître',
    description: '',
    horizon: '2027-01-31',
    level: 'strategic' as const,
    owner: '',
  };
  expect(decodeTable(OBJECTIVES, [header, encodeRow(OBJECTIVES, header, o)], 'fr', toIso).items[0].item).toEqual(o);
});

test('ISO days in a zone across daylight-saving changes', () => {
  expect(toIso(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29'); // UTC+1
  expect(toIso(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25'); // UTC+2
  expect(isoDateFormatter('America/New_York')(new Date('2026-01-01T03:00:00Z'))).toBe('2025-12-31');
});

describe('own columns only (#14, item 2)', () => {
  const header = headerOf(KPIS as never);
  test('one run over adjacent columns; a user column between them splits it; unknown headers are skipped', () => {
    const withUser = [...header.slice(0, 2), 'Commentaire', ...header.slice(2), 'constructor', '__proto__'];
    const runs = ownRuns(KPIS, withUser, kpi);
    expect(runs.map((r) => [r.column, r.values.length])).toEqual([
      [1, 2],
      [4, header.length - 2],
    ]);
    expect(runs[0].values).toEqual([kpi.id, kpi.name]);
    expect(runs[0].formats).toEqual(['@', '@']);
  });
  test('encodeRow keeps columns named like Object.prototype members as they were', () => {
    const extended = [...header, 'constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];
    const previous = [...encodeRow(KPIS, header, kpi), 'a', 'b', 'c', 'd', 'e'];
    expect(encodeRow(KPIS, extended, kpi, previous).slice(header.length)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  test('a duplicated header: the first column is the add-on’s, the second the user’s', () => {
    const dup = [...header, 'name'];
    const row = [...encodeRow(KPIS, header, kpi), 'mine'];
    expect(decodeTable(KPIS, [dup, row], 'en', toIso).items[0].item.name).toBe(kpi.name);
    expect(ownRuns(KPIS, dup, kpi)).toHaveLength(1);
  });
});

describe('saving on an older copy (#14, item 4)', () => {
  const stored = { a: 1, b: 'new name', c: { x: 1 } };
  const base = { a: 1, b: 'old name', c: { x: 1 } };
  test('fields the user did not change keep the stored value; fields only the user changed take theirs', () => {
    expect(mergeOnBase(stored, { a: 2, b: 'old name', c: { x: 1 } }, base, ['a', 'b', 'c'])).toEqual({
      merged: { a: 2, b: 'new name', c: { x: 1 } },
      conflicts: [],
    });
  });
  test('both changed, differently: a conflict naming the stored and the typed values', () => {
    expect(mergeOnBase(stored, { a: 1, b: 'my name', c: { x: 1 } }, base, ['a', 'b', 'c']).conflicts).toEqual([
      { field: 'b', stored: 'new name', mine: 'my name' },
    ]);
  });
  test('both changed to the same value: no conflict', () => {
    expect(mergeOnBase(stored, { ...base, b: 'new name' }, base, ['a', 'b', 'c']).conflicts).toEqual([]);
  });
  test('sameValue: deep, key order free, undefined same as missing', () => {
    expect(sameValue({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});
