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
