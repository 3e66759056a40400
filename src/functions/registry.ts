/**
 * What the pushed bundle needs of each custom function: its implementation, by name. The
 * catalog (names, parameters, bilingual help) is build-time data: it generates the JSDoc stubs,
 * the help pages and the README, and stays out of the bundle every custom-function call loads.
 */
import { cac, cacPayback, churnRate, conversionRate, kpiProgress, kpiTrend, ltv, ltvCac, nps } from '../core/metrics';
import type { Arg, Result } from '../core/metrics';

export const IMPLEMENTATIONS: Readonly<Record<string, (...args: Arg[]) => Result>> = {
  CAC: cac,
  LTV: ltv,
  KPI_TREND: kpiTrend,
  KPI_PROGRESS: kpiProgress,
  LTV_CAC: ltvCac,
  CAC_PAYBACK: cacPayback,
  CHURN_RATE: churnRate,
  CONVERSION_RATE: conversionRate,
  NPS: nps,
};

/**
 * Each function's parameter names in order, as the catalog declares them (a test checks they
 * agree): an error names the sheet row by finding its argument's range in the calling formula.
 */
export const PARAMETER_NAMES: Readonly<Record<string, readonly string[]>> = {
  CAC: ['spend', 'new_customers', 'by_period'],
  LTV: ['arpa', 'churn_rate', 'gross_margin', 'discount_rate'],
  KPI_TREND: ['values', 'mode', 'periods'],
  KPI_PROGRESS: ['actual', 'target', 'baseline'],
  LTV_CAC: ['ltv', 'cac'],
  CAC_PAYBACK: ['cac', 'arpa', 'gross_margin'],
  CHURN_RATE: ['lost_customers', 'customers_at_start', 'by_period'],
  CONVERSION_RATE: ['conversions', 'visitors', 'by_period'],
  NPS: ['scores'],
};
