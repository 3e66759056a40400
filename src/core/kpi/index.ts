export {
  AUDIENCE_LEVELS,
  FREQUENCIES,
  DIRECTIONS,
  INDICATORS,
  UNITS,
  validateObjective,
  validateKpi,
  fieldLabel,
  parseNumber,
  newId,
  type AudienceLevel,
  type Frequency,
  type Direction,
  type Indicator,
  type Unit,
  type Objective,
  type KpiSource,
  type Kpi,
  type FieldError,
  type Validation,
} from './model';
export { parseA1, formatA1, quoteSheetName, columnNumber, columnLetters, seriesShape, MAX_COLUMN, MAX_ROW, type A1Range, type SeriesShape } from './a1';
export {
  TEMPLATES,
  DEPARTMENTS,
  DEPARTMENT_LABELS,
  listTemplates,
  getTemplate,
  kpiFromTemplate,
  formulaPlaceholders,
  fillFormula,
  type Department,
  type KpiTemplate,
  type LocalizedTemplate,
  type TemplateInput,
} from './templates';
export {
  checkSmart,
  CRITERIA,
  FINDING_LEVELS,
  SMART_POINTS,
  SMART_RULES,
  type Criterion,
  type FindingLevel,
  type FindingParams,
  type Finding,
  type SmartInput,
  type SmartStats,
  type SmartReport,
} from './smart';
export { type SourceData, type Granularity } from './series';
export { isoDay, isIsoDate, dayIso, periodIndex } from './dates';
export { formatNumber, formatRate, formatValue, formatDate } from './format';
