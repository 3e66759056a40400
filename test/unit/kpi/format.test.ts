import { formatDate, formatNumber, formatRate, formatValue } from '../../../src/core/kpi';
import { formatAuto } from '../../../src/core/kpi/format';
import { isoDay, periodIndex } from '../../../src/core/kpi/dates';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('numbers per language', () => {
  test('grouping and decimal separator', () => {
    expect(formatNumber(1234567.891, 'fr', 2)).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatNumber(1234567.891, 'en', 2)).toBe('1,234,567.89');
    expect(formatNumber(-1250, 'fr')).toBe(`-1${NNBSP}250`);
    expect(formatNumber(999, 'en')).toBe('999');
    expect(formatNumber(-0.04, 'en', 1)).toBe('0.0'); // no "-0.0"
  });

  test('auto decimals', () => {
    expect(formatAuto(127.628, 'fr')).toBe('128');
    expect(formatAuto(13.9667, 'fr')).toBe('14');
    expect(formatAuto(12.34, 'en')).toBe('12.3');
    expect(formatAuto(2.5, 'fr')).toBe('2,5');
    expect(formatAuto(2, 'en')).toBe('2');
    expect(formatAuto(0.125, 'en')).toBe('0.13');
  });

  test('rates are signed, one decimal', () => {
    expect(formatRate(0.082, 'fr')).toBe(`+8,2${NBSP}%`);
    expect(formatRate(0.082, 'en')).toBe('+8.2%');
    expect(formatRate(-0.031, 'en')).toBe('-3.1%');
    expect(formatRate(0, 'fr')).toBe(`0,0${NBSP}%`);
    expect(formatRate(-0.0004, 'fr')).toBe(`0,0${NBSP}%`);
  });

  test('values in their unit', () => {
    expect(formatValue(1250, '€', 'fr')).toBe(`1${NNBSP}250${NBSP}€`);
    expect(formatValue(1250, '€', 'en')).toBe('€1,250');
    expect(formatValue(-40, '€', 'en')).toBe('-€40');
    expect(formatValue(0.125, '%', 'fr')).toBe(`12,5${NBSP}%`);
    expect(formatValue(0.15, '%', 'en')).toBe('15%');
    expect(formatValue(3, 'days', 'fr')).toBe(`3${NBSP}jours`);
    expect(formatValue(1, 'days', 'en')).toBe(`1${NBSP}day`);
    expect(formatValue(4.5, 'hours', 'en')).toBe(`4.5${NBSP}h`);
    expect(formatValue(42, 'other', 'fr', 'visites')).toBe(`42${NBSP}visites`);
    expect(formatValue(42, 'count', 'fr')).toBe('42');
    expect(formatValue(5, 'score', 'en', undefined, true)).toBe('+5');
  });

  test('dates', () => {
    expect(formatDate('2025-12-31', 'fr')).toBe(`31${NBSP}déc. 2025`);
    expect(formatDate('2025-01-05', 'en')).toBe('5 Jan 2025');
  });
});

describe('dates', () => {
  test('isoDay accepts real calendar dates only', () => {
    expect(isoDay('1970-01-01')).toBe(0);
    expect(isoDay('1970-01-31')).toBe(30);
    expect(isoDay('2024-02-29')).not.toBeNull();
    for (const bad of [
      '2025-02-29',
      '2025-02-30',
      '2025-13-01',
      '2025-1-1',
      '31/12/2025',
      '2025-12-31T00:00',
      '',
      null,
      20251231,
    ]) {
      expect(isoDay(bad)).toBeNull();
    }
  });

  test('periods: days, ISO weeks from Monday, calendar months and quarters', () => {
    const d = (s: string) => isoDay(s)!;
    expect(periodIndex(d('2025-01-31'), 'daily') - periodIndex(d('2025-01-01'), 'daily')).toBe(30);
    // 2025-01-05 is a Sunday, 2025-01-06 a Monday.
    expect(periodIndex(d('2025-01-06'), 'weekly') - periodIndex(d('2025-01-05'), 'weekly')).toBe(1);
    expect(periodIndex(d('2025-01-12'), 'weekly') - periodIndex(d('2025-01-06'), 'weekly')).toBe(0);
    expect(periodIndex(d('2025-07-15'), 'monthly') - periodIndex(d('2025-01-15'), 'monthly')).toBe(6);
    expect(periodIndex(d('2026-01-01'), 'monthly') - periodIndex(d('2025-12-31'), 'monthly')).toBe(1);
    expect(periodIndex(d('2025-04-01'), 'quarterly') - periodIndex(d('2025-03-31'), 'quarterly')).toBe(1);
    expect(periodIndex(d('2025-06-30'), 'quarterly') - periodIndex(d('2025-04-01'), 'quarterly')).toBe(0);
  });
});
