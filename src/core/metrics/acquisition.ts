import { elementwise } from './elementwise';
import { checks, optionalBoolean, type Arg, type Result } from './input';
import { ratioOfSums, ratioPerPeriod, readPeriodTable } from './periods';

/** CAC = Σ spend ÷ Σ new customers; `spend` may hold several cost columns, summed per period. */
export function cac(spend: Arg, newCustomers: Arg, byPeriod?: Arg): Result {
  const fn = 'CAC';
  const table = readPeriodTable(
    fn,
    { name: 'spend', arg: spend, check: checks.nonNegative, multiLine: true },
    { name: 'new_customers', arg: newCustomers, check: checks.nonNegative },
  );
  if (optionalBoolean(fn, 'by_period', byPeriod)) return ratioPerPeriod(fn, table);
  return ratioOfSums(fn, table, { code: 'no_new_customers' });
}

/** Conversion rate = Σ conversions ÷ Σ visitors, one row per channel or period. */
export function conversionRate(conversions: Arg, visitors: Arg, byPeriod?: Arg): Result {
  const fn = 'CONVERSION_RATE';
  const table = readPeriodTable(
    fn,
    { name: 'conversions', arg: conversions, check: checks.nonNegative, multiLine: false },
    { name: 'visitors', arg: visitors, check: checks.nonNegative },
  );
  if (optionalBoolean(fn, 'by_period', byPeriod)) return ratioPerPeriod(fn, table);
  return ratioOfSums(fn, table, { code: 'zero_denominator' });
}

/** LTV ÷ CAC, cell by cell (3 is the usual healthy mark). */
export function ltvCac(ltv: Arg, cacValue: Arg): Result {
  return elementwise(
    'LTV_CAC',
    [
      { name: 'ltv', arg: ltv, check: checks.nonNegative },
      { name: 'cac', arg: cacValue, check: checks.nonNegative },
    ],
    ([l, c]) => (c === 0 ? { code: 'zero_denominator' } : l / c),
  );
}

/** Periods needed to earn back the CAC: cac ÷ (arpa × gross_margin). */
export function cacPayback(cacValue: Arg, arpa: Arg, grossMargin?: Arg): Result {
  return elementwise(
    'CAC_PAYBACK',
    [
      { name: 'cac', arg: cacValue, check: checks.nonNegative },
      { name: 'arpa', arg: arpa, check: checks.nonNegative },
      { name: 'gross_margin', arg: grossMargin, fallback: 1, check: checks.rate('margin') },
    ],
    ([c, a, m]) => (a * m === 0 ? { code: 'zero_denominator' } : c / (a * m)),
  );
}
