import fc from 'fast-check';
import { dayIso, isoDay, periodIndex } from '../../../src/core/kpi/dates';
import { FREQUENCIES } from '../../../src/core/kpi/model';
import {
  isoWeek,
  isoWeeksInYear,
  parsePeriodKey,
  periodOf,
  periodsBetween,
  shiftPeriod,
  weekday,
} from '../../../src/core/history/periods';
import { dayIn, dayOfDateTime, isoDateTimeIn } from '../../../src/core/history/time';

const d = (iso: string) => isoDay(iso)!;
const key = (iso: string, f: (typeof FREQUENCIES)[number]) => periodOf(d(iso), f).key;

/** Independent ISO-week oracle: count weeks from the Monday on or before January 4th, by brute force. */
function oracleWeek(day: number): string {
  for (const year of [
    new Date(day * 864e5).getUTCFullYear() + 1,
    new Date(day * 864e5).getUTCFullYear(),
    new Date(day * 864e5).getUTCFullYear() - 1,
  ]) {
    let monday = d(`${year}-01-04`);
    while (new Date(monday * 864e5).getUTCDay() !== 1) monday--;
    if (day >= monday) return `${year}-W${String(Math.floor((day - monday) / 7) + 1).padStart(2, '0')}`;
  }
  throw new Error('unreachable');
}

describe('period keys', () => {
  test.each([
    ['2024-12-29', '2024-W52'], // Sunday
    ['2024-12-30', '2025-W01'], // Monday: week 1 of 2025 starts in 2024
    ['2025-01-01', '2025-W01'],
    ['2020-12-31', '2020-W53'],
    ['2021-01-03', '2020-W53'], // Sunday of the 53rd week of 2020
    ['2021-01-04', '2021-W01'],
    ['2026-01-01', '2026-W01'], // Thursday
    ['2026-12-31', '2026-W53'], // 2026 starts on a Thursday: 53 weeks
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2008-12-29', '2009-W01'],
    ['2026-06-15', '2026-W25'],
  ])('ISO week of %s is %s', (day, expected) => {
    expect(key(day, 'weekly')).toBe(expected);
    const p = parsePeriodKey(expected)!;
    expect(dayIso(p.start)).toBe(dayIso(d(day) - weekday(d(day))));
    expect(p.end - p.start).toBe(6);
  });

  test('weeks per ISO year', () => {
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2024, 2025, 2027].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
  });

  test.each([
    ['2026-01-01', 'daily', '2026-01-01', '2026-01-01', '2026-01-01'],
    ['2026-02-14', 'monthly', '2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02-14', 'monthly', '2028-02', '2028-02-01', '2028-02-29'],
    ['2026-03-31', 'quarterly', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'quarterly', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-12-31', 'quarterly', '2026-Q4', '2026-10-01', '2026-12-31'],
  ] as const)('%s %s → %s [%s, %s]', (day, f, k, start, end) => {
    const p = periodOf(d(day), f);
    expect([p.key, dayIso(p.start), dayIso(p.end)]).toEqual([k, start, end]);
    expect(parsePeriodKey(k)).toEqual(p);
  });

  test.each([
    '2026-W54',
    '2025-W53',
    '2026-W00',
    '2026-13',
    '2026-00',
    '2026-Q5',
    '2026-Q0',
    '2026-02-30',
    '2026-6',
    ' 2026-06',
    '2026-w05',
    'W05',
    '',
    42,
    null,
  ])('rejects %p', (k) => expect(parsePeriodKey(k)).toBeNull());

  test('properties: every day lies in its period, keys round-trip, indexes are consecutive and agree with periodIndex', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d('1990-01-01'), max: d('2100-12-31') }),
        fc.constantFrom(...FREQUENCIES),
        (day, f) => {
          const p = periodOf(day, f);
          expect(p.start).toBeLessThanOrEqual(day);
          expect(p.end).toBeGreaterThanOrEqual(day);
          expect(parsePeriodKey(p.key)).toEqual(p);
          expect(p.index).toBe(periodIndex(day, f));
          const next = shiftPeriod(p, 1);
          expect(next.start).toBe(p.end + 1);
          expect(next.index).toBe(p.index + 1);
          expect(shiftPeriod(next, -1)).toEqual(p);
          if (f === 'weekly') expect(p.key).toBe(oracleWeek(day));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('isoWeek agrees with its oracle on every day of 2000–2040', () => {
    for (let day = d('2000-01-01'); day <= d('2040-12-31'); day++) {
      const w = isoWeek(day);
      expect(`${w.year}-W${String(w.week).padStart(2, '0')}`).toBe(oracleWeek(day));
    }
  });

  test('periodsBetween counts calendar periods', () => {
    const from = d('2025-01-01');
    const to = d('2026-06-30');
    expect(periodsBetween(from, to, 'daily')).toHaveLength(546);
    expect(periodsBetween(from, to, 'monthly')).toHaveLength(18);
    expect(periodsBetween(from, to, 'quarterly')).toHaveLength(6);
    // 2025-01-01 is in 2025-W01 (which began 2024-12-30); 2026-06-30 is in 2026-W27.
    const weeks = periodsBetween(from, to, 'weekly');
    expect([weeks[0].key, weeks[weeks.length - 1].key, weeks.length]).toEqual(['2025-W01', '2026-W27', 79]);
  });
});

describe('instants in a time zone (Europe/Paris across daylight saving)', () => {
  const paris = dayIn('Europe/Paris');
  const day = (instant: string) => dayIso(paris(new Date(instant)));
  test.each([
    // Spring forward, Sunday 2026-03-29 at 02:00 local (01:00 UTC): UTC+1 before, UTC+2 after.
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-03-29T21:59:59Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // Fall back, Sunday 2026-10-25 at 03:00 local (01:00 UTC): UTC+2 before, UTC+1 after.
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
  ])('%s is %s in Paris', (instant, expected) => expect(day(instant)).toBe(expected));

  test('period boundaries at local midnight, not UTC midnight', () => {
    const at = (instant: string, f: (typeof FREQUENCIES)[number]) => periodOf(paris(new Date(instant)), f).key;
    expect(at('2026-03-29T21:30:00Z', 'weekly')).toBe('2026-W13'); // Sunday 23:30 CEST
    expect(at('2026-03-29T22:30:00Z', 'weekly')).toBe('2026-W14'); // Monday 00:30 CEST
    expect(at('2026-06-30T22:30:00Z', 'monthly')).toBe('2026-07'); // 1 July 00:30 CEST
    expect(at('2026-06-30T22:30:00Z', 'quarterly')).toBe('2026-Q3');
    expect(at('2026-10-31T22:30:00Z', 'monthly')).toBe('2026-10'); // 31 Oct 23:30 CET
    expect(at('2026-10-31T23:30:00Z', 'monthly')).toBe('2026-11');
    expect(at('2025-12-31T23:30:00Z', 'quarterly')).toBe('2026-Q1');
    expect(at('2025-12-31T22:59:00Z', 'weekly')).toBe('2026-W01'); // Wed 31 Dec 2025 belongs to 2026-W01
  });

  test('ISO date-times carry the offset in force at that instant', () => {
    const paris = isoDateTimeIn('Europe/Paris');
    expect(paris(new Date('2026-06-15T06:00:00Z'))).toBe('2026-06-15T08:00:00+02:00');
    expect(paris(new Date('2026-01-15T07:00:00Z'))).toBe('2026-01-15T08:00:00+01:00');
    expect(paris(new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30:00+02:00'); // the repeated hour, first time
    expect(paris(new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30:00+01:00'); // second time
    expect(paris(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00:00+02:00'); // 02:00 does not exist
    expect(isoDateTimeIn('America/New_York')(new Date('2026-01-15T07:00:00Z'))).toBe('2026-01-15T02:00:00-05:00');
    expect(isoDateTimeIn('Asia/Kolkata')(new Date('2026-01-15T07:00:00Z'))).toBe('2026-01-15T12:30:00+05:30');
    expect(isoDateTimeIn('UTC')(new Date('2026-01-15T07:00:00.900Z'))).toBe('2026-01-15T07:00:00+00:00');
    expect(dayIso(dayOfDateTime('2026-10-25T02:30:00+01:00')!)).toBe('2026-10-25');
    expect(dayOfDateTime('2026-10-25 02:30')).toBeNull();
  });
});
