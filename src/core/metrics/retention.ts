import { checks, optionalBoolean, type Arg, type Result } from './input';
import { ratioOfSums, ratioPerPeriod, readPeriodTable } from './periods';

/** Churn rate = Σ customers lost ÷ Σ customers at the start of each period. */
export function churnRate(lostCustomers: Arg, customersAtStart: Arg, byPeriod?: Arg): Result {
  const fn = 'CHURN_RATE';
  const table = readPeriodTable(
    fn,
    { name: 'lost_customers', arg: lostCustomers, check: checks.nonNegative, multiLine: false },
    { name: 'customers_at_start', arg: customersAtStart, check: checks.nonNegative },
  );
  if (optionalBoolean(fn, 'by_period', byPeriod)) return ratioPerPeriod(fn, table);
  return ratioOfSums(fn, table, { code: 'zero_denominator' });
}
