export { cac, conversionRate, ltvCac, cacPayback } from './acquisition';
export { ltv, lifetimeValue } from './value';
export { churnRate } from './retention';
export { nps, netPromoterScore } from './satisfaction';
export { kpiTrend, trendOf, leastSquares, TREND_MODES, type TrendMode } from './trend';
export { kpiProgress, progressToTarget } from './progress';
export { KpiError, formatKpiError, type Problem, type SheetPlace, type Where } from './errors';
export { ARGUMENT_NAMES_FR, argumentName } from './argument-names';
export type { Arg, CellValue, Result } from './input';
