import fc from 'fast-check';
import * as dashboard from '../../../src/addon/dashboard/history-sheet';
import {
  decodeHistory,
  encodeHistoryRow,
  HISTORY_HEADER,
  HISTORY_KIND,
  HISTORY_SCHEMA_VERSION,
  historyKey,
  roundToUnit,
  STATUSES,
  type HistoryRow,
} from '../../../src/core/history/rows';
import { periodOf } from '../../../src/core/history/periods';
import { dayIso, isoDay } from '../../../src/core/kpi/dates';
import { FREQUENCIES } from '../../../src/core/kpi/model';

const toIso = (d: Date) => d.toISOString().slice(0, 10);
const header = [...HISTORY_HEADER];
/** The layout of sheets written before the name column: still read, by header. */
const v1 = ['kpiId', 'period', 'periodStart', 'value', 'target', 'status', 'takenAt'];
const row = (over: Partial<HistoryRow> = {}): HistoryRow => ({
  kpiId: 'kpi_a',
  period: '2026-W24',
  periodStart: '2026-06-08',
  value: 42,
  target: 20,
  status: 'at_risk',
  takenAt: '2026-06-14T23:00:00+02:00',
  ...over,
});

describe('history row codec', () => {
  test('encodes A..H for a person: the name beside the id, the status in the document language', () => {
    expect(encodeHistoryRow(row({ kpiName: 'Tickets ouverts' }), { lang: 'fr' })).toEqual([
      'kpi_a',
      'Tickets ouverts',
      '2026-W24',
      '2026-06-08',
      42,
      20,
      'À surveiller',
      '2026-06-14T23:00:00+02:00',
    ]);
    expect(encodeHistoryRow(row(), { lang: 'en' })[6]).toBe('At risk');
    expect(encodeHistoryRow(row({ target: null }))[5]).toBe('');
    // In an older sheet's order, without the name.
    expect(encodeHistoryRow(row(), { header: v1 })).toEqual([
      'kpi_a',
      '2026-W24',
      '2026-06-08',
      42,
      20,
      'at_risk',
      '2026-06-14T23:00:00+02:00',
    ]);
  });

  test('status words read back in either language, codes too; ids Sheets turned into numbers or booleans still match', () => {
    const h = decodeHistory(
      [
        header,
        ['kpi_a', 'A', '2026-W24', '2026-06-08', 1, '', 'En bonne voie', '2026-06-14T23:00:00+02:00'],
        ['kpi_a', 'A', '2026-W25', '2026-06-15', 1, '', 'Off track', '2026-06-21T23:00:00+02:00'],
        ['kpi_a', '', '2026-W26', '2026-06-22', 1, '', 'no_target', '2026-06-28T23:00:00+02:00'],
        [true, 'Oui', '2026-W24', '2026-06-08', 1, '', 'Atteint', '2026-06-14T23:00:00+02:00'],
        [1, 'Un', '2026-W24', '2026-06-08', 1, '', 'Pas de données', '2026-06-14T23:00:00+02:00'],
      ],
      'en',
      toIso,
    );
    expect(h.problems).toEqual([]);
    expect(h.rows.map((r) => [r.kpiId, r.kpiName ?? null, r.status])).toEqual([
      ['kpi_a', 'A', 'on_track'],
      ['kpi_a', 'A', 'off_track'],
      ['kpi_a', null, 'no_target'],
      ['TRUE', 'Oui', 'achieved'],
      ['1', 'Un', 'no_data'],
    ]);
  });

  test('values are archived rounded to their unit', () => {
    expect(roundToUnit(32.5 - 2 ** -48, 'days')).toBe(32.5);
    expect(roundToUnit(255 / 10000 + 1e-15, '%')).toBe(0.0255);
    expect(roundToUnit(1234.5678, '€')).toBe(1234.57);
    expect(roundToUnit(100 / 3, 'score')).toBe(33.3);
    expect(roundToUnit(-0.0001, 'ratio')).toBe(0);
  });

  test('round trip (property)', () => {
    const arbRow = fc
      .record({
        kpiId: fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
        day: fc.integer({ min: isoDay('2000-01-01')!, max: isoDay('2060-12-31')! }),
        f: fc.constantFrom(...FREQUENCIES),
        value: fc.double({ noNaN: true, noDefaultInfinity: true }),
        target: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
        status: fc.constantFrom(...STATUSES),
      })
      .map(({ kpiId, day, f, value, target, status }): HistoryRow => {
        const p = periodOf(day, f);
        return {
          kpiId,
          period: p.key,
          periodStart: dayIso(p.start),
          value,
          target,
          status,
          takenAt: `${dayIso(day)}T08:00:00+02:00`,
        };
      });
    fc.assert(
      fc.property(fc.uniqueArray(arbRow, { selector: (r) => historyKey(r.kpiId, r.period), maxLength: 30 }), (rows) => {
        const decoded = decodeHistory([header, ...rows.map((r) => encodeHistoryRow(r))], 'en', toIso);
        expect(decoded.problems).toEqual([]);
        expect(decoded.rows.map(({ row: _r, ...r }) => r)).toEqual(rows);
        expect(decoded.taken.size).toBe(rows.length);
        expect(decoded.nextRow).toBe(rows.length + 2);
      }),
    );
  });

  test('broken rows are reported with their row number, kept out of the clean rows, and still hold their key', () => {
    const values: unknown[][] = [
      v1,
      encodeHistoryRow(row(), { header: v1 }),
      ['kpi_a', '2026-W25', '2026-06-15', 'beaucoup', '', 'on_track', '2026-06-21T23:00:00+02:00'], // value is text
      ['kpi_a', '2026-06', '2026-06-01', 1, '', 'on_track', '2026-06-30T23:00:00+02:00'], // monthly key for the same KPI is fine
      ['', '', '', '', '', '', ''], // blank: skipped
      ['kpi b', '2026-W25', '2026-06-15', 1, 2, 'on_track', '2026-06-21T23:00:00+02:00'], // id with a space
      ['kpi_c', '2026-W25', '2026-06-16', 1, 2, 'great', 'yesterday'], // wrong start, status and takenAt
      encodeHistoryRow(row({ value: 43 }), { header: v1 }), // duplicate of row 2
      ['kpi_d', '2026-13', '2026-12-01', 1, '', 'on_track', '2026-06-21T23:00:00+02:00'],
      ['kpi_e', '2026-06-15', new Date(Date.UTC(2026, 5, 15)), 5, 'x', 'no_data', new Date('2026-06-15T06:00:00Z')], // Dates read back; target text
    ];
    const h = decodeHistory(values, 'en', toIso);
    expect(h.headerOk).toBe(true);
    expect(h.rows.map((r) => [r.row, r.kpiId, r.period])).toEqual([
      [2, 'kpi_a', '2026-W24'],
      [4, 'kpi_a', '2026-06'],
    ]);
    expect(h.problems.map((p) => [p.row, p.kpiId, p.period])).toEqual([
      [3, 'kpi_a', '2026-W25'],
      [6, null, '2026-W25'],
      [7, 'kpi_c', '2026-W25'],
      [8, 'kpi_a', '2026-W24'],
      [9, 'kpi_d', null],
      [10, 'kpi_e', '2026-06-15'],
    ]);
    expect(h.problems[0].reason).toMatch(/column D/);
    expect(h.problems[2].reason).toMatch(/column C.*column F.*column G/);
    expect(h.problems[3].reason).toBe('period already archived on row 2');
    expect(h.problems[5].reason).toBe('target is not a number (column E)'); // the Dates themselves were read
    expect([...h.taken].sort()).toEqual([
      'kpi_a 2026-06',
      'kpi_a 2026-W24',
      'kpi_a 2026-W25',
      'kpi_c 2026-W25',
      'kpi_e 2026-06-15',
    ]);
    expect(h.periodsByKpi.get('kpi_a')!.map((p) => p.key)).toEqual(['2026-W24', '2026-W25', '2026-06']);
    expect(h.nextRow).toBe(11);
  });

  test('messages in French', () => {
    const h = decodeHistory(
      [v1, ['kpi_a', '2026-W25', '2026-06-15', 'x', '', 'on_track', '2026-06-21T23:00:00+02:00']],
      'fr',
      toIso,
    );
    expect(h.problems[0].reason).toBe('valeur non numérique (colonne D)');
    // The column named as it is in the sheet at hand.
    const v2 = decodeHistory(
      [header, ['kpi_a', 'A', '2026-W25', '2026-06-15', 'x', '', 'on_track', '2026-06-21T23:00:00+02:00']],
      'fr',
      toIso,
    );
    expect(v2.problems[0]?.reason).toBe('valeur non numérique (colonne E)');
  });

  test('columns are found by their header: moved ones still read; a missing one stops appends; an empty sheet is fine', () => {
    const moved = ['takenAt', 'kpiId', 'period', 'value', 'periodStart', 'target', 'status'];
    const r = encodeHistoryRow(row(), { header: moved });
    expect(decodeHistory([moved, r], 'en', toIso)).toMatchObject({
      headerOk: true,
      rows: [{ kpiId: 'kpi_a', period: '2026-W24', value: 42, status: 'at_risk' }],
      columns: [...moved, 'kpiName'],
    });
    expect(
      decodeHistory([['kpiId', 'period', 'periodStart', 'target', 'status', 'takenAt']], 'en', toIso).headerOk,
    ).toBe(false);
    expect(decodeHistory([], 'en', toIso)).toMatchObject({ headerOk: true, nextRow: 2, rows: [], problems: [] });
    expect(
      decodeHistory(
        [header, encodeHistoryRow(row()), ['', '', '', '', '', '', '', ''], ['', '', '', '', '', '', '', '']],
        'en',
        toIso,
      ).nextRow,
    ).toBe(3);
  });
});

describe('the contract with the dashboards', () => {
  test('one history sheet definition: kind, schema version and columns agree', () => {
    expect([HISTORY_KIND, HISTORY_SCHEMA_VERSION, [...HISTORY_HEADER]]).toEqual([
      dashboard.HISTORY_KIND,
      dashboard.HISTORY_SCHEMA_VERSION,
      [...dashboard.HISTORY_HEADER],
    ]);
  });
});
