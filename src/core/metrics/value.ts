import { KpiError } from './errors';
import { checks, finite, meanOf, optionalMean, type Arg } from './input';

export interface LtvInputs {
  arpa: number;
  churnRate: number;
  grossMargin: number;
  discountRate: number;
}

/** arpa × gross_margin × (1 + d) ÷ (churn + d): the customer's margin over its expected, discounted lifetime. */
export function lifetimeValue({ arpa, churnRate, grossMargin, discountRate }: LtvInputs): number {
  return (arpa * grossMargin * (1 + discountRate)) / (churnRate + discountRate);
}

/** LTV from cells: a range for a rate or the ARPA means its mean over non-blank cells. */
export function ltv(arpa: Arg, churnRate: Arg, grossMargin?: Arg, discountRate?: Arg): number {
  const fn = 'LTV';
  const inputs: LtvInputs = {
    arpa: meanOf(fn, 'arpa', arpa, checks.nonNegative),
    churnRate: meanOf(fn, 'churn_rate', churnRate, checks.rate('churn')),
    grossMargin: optionalMean(fn, 'gross_margin', grossMargin, 1, checks.rate('margin')),
    discountRate: optionalMean(fn, 'discount_rate', discountRate, 0, checks.rate('discount')),
  };
  if (inputs.churnRate + inputs.discountRate === 0) {
    throw new KpiError(fn, { code: 'churn_zero_no_discount' }, { arg: 'churn_rate' });
  }
  return finite(fn, lifetimeValue(inputs));
}
