import {
  capErrors,
  encodeRunLogRow,
  parseConfig,
  parseRunLogEntry,
  serializeConfig,
  serializeRunLogEntry,
  validateSchedule,
  DEFAULT_CONFIG,
} from '../../../src/core/history/schedule';
import { seriesFromHistory, sourceDataFromHistory } from '../../../src/core/history/series';
import type { HistoryRow } from '../../../src/core/history/rows';

describe('schedule validation', () => {
  test.each([
    [{ kind: 'off' }, { kind: 'off' }],
    [{ kind: 'hourly', hour: 3 }, { kind: 'hourly' }],
    [
      { kind: 'daily', hour: 0 },
      { kind: 'daily', hour: 0 },
    ],
    [
      { kind: 'weekly', day: 'MONDAY', hour: 23 },
      { kind: 'weekly', day: 'MONDAY', hour: 23 },
    ],
    [{ kind: 'daily', hour: 24 }, null],
    [{ kind: 'daily', hour: 7.5 }, null],
    [{ kind: 'daily', hour: '8' }, null],
    [{ kind: 'daily' }, null],
    [{ kind: 'weekly', day: 'monday', hour: 8 }, null],
    [{ kind: 'minutely' }, null],
    [null, null],
    ['hourly', null],
  ])('%j → %j', (input, expected) => expect(validateSchedule(input)).toEqual(expected));
});

describe('stored config', () => {
  test('round trip, small', () => {
    const c = {
      schedule: { kind: 'weekly', day: 'FRIDAY', hour: 18 } as const,
      layout: 'overall' as const,
      spreadsheetId: 'abc',
    };
    expect(parseConfig(serializeConfig(c))).toEqual(c);
    expect(serializeConfig(c).length).toBeLessThan(200);
  });
  test('anything unreadable falls back field by field', () => {
    expect(parseConfig(null)).toEqual(DEFAULT_CONFIG);
    expect(parseConfig('{oops')).toEqual(DEFAULT_CONFIG);
    expect(parseConfig('{"schedule":{"kind":"daily","hour":99},"layout":"overall","spreadsheetId":7}')).toEqual({
      ...DEFAULT_CONFIG,
      layout: 'overall',
    });
  });
});

describe('run log', () => {
  const entry = {
    start: '2026-06-15T08:00:00+02:00',
    durationMs: 1234,
    trigger: 'schedule' as const,
    rowsWritten: 3,
    errors: ['a', 'b'],
  };
  test('row and stored last run', () => {
    expect(encodeRunLogRow(entry)).toEqual(['2026-06-15T08:00:00+02:00', 1234, 'schedule', 3, 'a\nb']);
    expect(parseRunLogEntry(serializeRunLogEntry(entry))).toEqual(entry);
    expect(parseRunLogEntry('nope')).toBeNull();
    expect(parseRunLogEntry(null)).toBeNull();
  });
  test('errors are capped to fit a property value (9 KB)', () => {
    const many = Array.from({ length: 500 }, (_, i) => `KPI « é ${i} » : ${'é'.repeat(1000)}`);
    const capped = capErrors(many);
    expect(capped[0]).toHaveLength(400);
    expect(capped[capped.length - 1]).toBe(`… +${500 - capped.length + 1}`);
    expect(Buffer.byteLength(serializeRunLogEntry({ ...entry, errors: many }), 'utf8')).toBeLessThan(7 * 1024);
    expect(capErrors(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('series from the history (single-cell KPIs)', () => {
  const r = (kpiId: string, period: string, periodStart: string, value: number): HistoryRow => ({
    kpiId,
    period,
    periodStart,
    value,
    target: 10,
    status: 'on_track',
    takenAt: `${periodStart}T08:00:00+02:00`,
  });
  const rows = [
    r('kpi_a', '2026-W25', '2026-06-15', 3),
    r('kpi_b', '2026-W24', '2026-06-08', 99),
    r('kpi_a', '2026-W23', '2026-06-01', 1),
    r('kpi_a', '2026-05', '2026-05-01', 50), // archived when the KPI was monthly
    r('kpi_a', '2026-W24', '2026-06-08', 2),
  ];
  test('oldest first, the KPI and its frequency only', () => {
    expect(seriesFromHistory(rows, { id: 'kpi_a', frequency: 'weekly' }).map((p) => [p.period, p.value])).toEqual([
      ['2026-W23', 1],
      ['2026-W24', 2],
      ['2026-W25', 3],
    ]);
    expect(sourceDataFromHistory(rows, { id: 'kpi_a', frequency: 'monthly' })).toEqual({
      values: [50],
      dates: ['2026-05-01'],
    });
    expect(seriesFromHistory(rows, { id: 'kpi_z', frequency: 'weekly' })).toEqual([]);
  });
});
