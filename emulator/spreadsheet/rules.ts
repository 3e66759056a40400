/** Conditional format rules and data validation: builders and recorded rules. */
import { EmuObject } from '../instrument';
import { normalizeColor } from './colors';
import { rangeText } from './charts';
import type { EmuRange } from './range';

type CFBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type CFRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

interface CFState {
  criteria: string | null;
  values: unknown[];
  format: {
    background?: string | null;
    fontColor?: string | null;
    bold?: boolean | null;
    italic?: boolean | null;
    underline?: boolean | null;
    strikethrough?: boolean | null;
  };
  ranges: EmuRange[];
  gradient: {
    min?: [string, string, string?];
    mid?: [string, string, string?];
    max?: [string, string, string?];
  } | null;
}

/** Plain form for snapshots. */
export interface ConditionalFormatView {
  ranges: string[];
  criteria: string | null;
  values: unknown[];
  format: CFState['format'];
  gradient: CFState['gradient'];
}

export class EmuConditionalFormatRule
  extends EmuObject
  implements Pick<CFRule, 'getRanges' | 'getBooleanCondition' | 'getGradientCondition' | 'copy'>
{
  readonly emuType = 'ConditionalFormatRule';

  constructor(readonly state: CFState) {
    super();
  }

  get ranges(): EmuRange[] {
    return this.state.ranges;
  }

  view(): ConditionalFormatView {
    return {
      ranges: this.state.ranges.map(rangeText),
      criteria: this.state.criteria,
      values: this.state.values.map((v) => (v instanceof EmuObject ? rangeText(v as EmuRange) : v)),
      format: { ...this.state.format },
      gradient: this.state.gradient ? { ...this.state.gradient } : null,
    };
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.state.ranges] as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    if (!this.state.criteria) return null;
    const s = this.state;
    return {
      getCriteriaType: () => s.criteria,
      getCriteriaValues: () => [...s.values],
      getBackground: () => s.format.background ?? null,
      getFontColor: () => s.format.fontColor ?? null,
      getBold: () => s.format.bold ?? null,
      getItalic: () => s.format.italic ?? null,
      getUnderline: () => s.format.underline ?? null,
      getStrikethrough: () => s.format.strikethrough ?? null,
    } as unknown as GoogleAppsScript.Spreadsheet.BooleanCondition;
  }

  getGradientCondition(): GoogleAppsScript.Spreadsheet.GradientCondition | null {
    return this.state.gradient
      ? (this.state.gradient as unknown as GoogleAppsScript.Spreadsheet.GradientCondition)
      : null;
  }

  copy(): CFBuilder {
    return new ConditionalFormatRuleBuilder(cloneCF(this.state)) as unknown as CFBuilder;
  }
}

function cloneCF(s: CFState): CFState {
  return {
    criteria: s.criteria,
    values: [...s.values],
    format: { ...s.format },
    ranges: [...s.ranges],
    gradient: s.gradient ? { ...s.gradient } : null,
  };
}

export class ConditionalFormatRuleBuilder extends EmuObject {
  readonly emuType = 'ConditionalFormatRuleBuilder';

  constructor(private state: CFState = { criteria: null, values: [], format: {}, ranges: [], gradient: null }) {
    super();
  }

  private when(criteria: string, ...values: unknown[]): CFBuilder {
    this.state.criteria = criteria;
    this.state.values = values;
    this.state.gradient = null;
    return this as unknown as CFBuilder;
  }

  private fmt(key: keyof CFState['format'], value: unknown): CFBuilder {
    (this.state.format as Record<string, unknown>)[key] = value;
    return this as unknown as CFBuilder;
  }

  whenCellEmpty(): CFBuilder {
    return this.when('CELL_EMPTY');
  }
  whenCellNotEmpty(): CFBuilder {
    return this.when('CELL_NOT_EMPTY');
  }
  whenNumberGreaterThan(number: number): CFBuilder {
    return this.when('NUMBER_GREATER_THAN', number);
  }
  whenNumberGreaterThanOrEqualTo(number: number): CFBuilder {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', number);
  }
  whenNumberLessThan(number: number): CFBuilder {
    return this.when('NUMBER_LESS_THAN', number);
  }
  whenNumberLessThanOrEqualTo(number: number): CFBuilder {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', number);
  }
  whenNumberBetween(start: number, end: number): CFBuilder {
    return this.when('NUMBER_BETWEEN', start, end);
  }
  whenNumberNotBetween(start: number, end: number): CFBuilder {
    return this.when('NUMBER_NOT_BETWEEN', start, end);
  }
  whenNumberEqualTo(number: number): CFBuilder {
    return this.when('NUMBER_EQUAL_TO', number);
  }
  whenNumberNotEqualTo(number: number): CFBuilder {
    return this.when('NUMBER_NOT_EQUAL_TO', number);
  }
  whenTextEqualTo(text: string): CFBuilder {
    return this.when('TEXT_EQUAL_TO', text);
  }
  whenTextContains(text: string): CFBuilder {
    return this.when('TEXT_CONTAINS', text);
  }
  whenTextDoesNotContain(text: string): CFBuilder {
    return this.when('TEXT_DOES_NOT_CONTAIN', text);
  }
  whenTextStartsWith(text: string): CFBuilder {
    return this.when('TEXT_STARTS_WITH', text);
  }
  whenTextEndsWith(text: string): CFBuilder {
    return this.when('TEXT_ENDS_WITH', text);
  }
  whenFormulaSatisfied(formula: string): CFBuilder {
    return this.when('CUSTOM_FORMULA', formula);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.BooleanCriteria, args: unknown[]): CFBuilder {
    return this.when(String(criteria), ...args);
  }
  setBackground(color: string | null): CFBuilder {
    return this.fmt('background', color === null ? null : normalizeColor(color));
  }
  setFontColor(color: string | null): CFBuilder {
    return this.fmt('fontColor', color === null ? null : normalizeColor(color));
  }
  setBold(bold: boolean | null): CFBuilder {
    return this.fmt('bold', bold);
  }
  setItalic(italic: boolean | null): CFBuilder {
    return this.fmt('italic', italic);
  }
  setUnderline(underline: boolean | null): CFBuilder {
    return this.fmt('underline', underline);
  }
  setStrikethrough(strikethrough: boolean | null): CFBuilder {
    return this.fmt('strikethrough', strikethrough);
  }
  setGradientMinpoint(color: string): CFBuilder {
    this.state.criteria = null;
    this.state.gradient = { ...this.state.gradient, min: [normalizeColor(color), 'MIN'] };
    return this as unknown as CFBuilder;
  }
  setGradientMaxpoint(color: string): CFBuilder {
    this.state.criteria = null;
    this.state.gradient = { ...this.state.gradient, max: [normalizeColor(color), 'MAX'] };
    return this as unknown as CFBuilder;
  }
  setGradientMinpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): CFBuilder {
    this.state.criteria = null;
    this.state.gradient = { ...this.state.gradient, min: [normalizeColor(color), String(type), value] };
    return this as unknown as CFBuilder;
  }
  setGradientMidpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): CFBuilder {
    this.state.criteria = null;
    this.state.gradient = { ...this.state.gradient, mid: [normalizeColor(color), String(type), value] };
    return this as unknown as CFBuilder;
  }
  setGradientMaxpointWithValue(
    color: string,
    type: GoogleAppsScript.Spreadsheet.InterpolationType,
    value: string,
  ): CFBuilder {
    this.state.criteria = null;
    this.state.gradient = { ...this.state.gradient, max: [normalizeColor(color), String(type), value] };
    return this as unknown as CFBuilder;
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): CFBuilder {
    this.state.ranges = [...(ranges as unknown as EmuRange[])];
    return this as unknown as CFBuilder;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.state.ranges] as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }
  build(): CFRule {
    if (!this.state.criteria && !this.state.gradient) throw new Error('Conditional format rule must have a condition.');
    return new EmuConditionalFormatRule(cloneCF(this.state)) as unknown as CFRule;
  }
}

type DVBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type DV = GoogleAppsScript.Spreadsheet.DataValidation;

interface DVState {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export class EmuDataValidation
  extends EmuObject
  implements Pick<DV, 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText' | 'copy'>
{
  readonly emuType = 'DataValidation';

  constructor(readonly state: DVState) {
    super();
  }

  view(): { criteria: string | null; values: unknown[]; allowInvalid: boolean; helpText: string | null } {
    return {
      ...this.state,
      values: this.state.values.map((v) => (v instanceof EmuObject ? rangeText(v as EmuRange) : v)),
    };
  }

  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  getAllowInvalid(): boolean {
    return this.state.allowInvalid;
  }
  getHelpText(): string {
    return this.state.helpText as string;
  }
  copy(): DVBuilder {
    return new DataValidationBuilder({ ...this.state, values: [...this.state.values] }) as unknown as DVBuilder;
  }
}

export class DataValidationBuilder extends EmuObject {
  readonly emuType = 'DataValidationBuilder';

  constructor(private state: DVState = { criteria: null, values: [], allowInvalid: true, helpText: null }) {
    super();
  }

  private require(criteria: string, ...values: unknown[]): DVBuilder {
    this.state.criteria = criteria;
    this.state.values = values;
    return this as unknown as DVBuilder;
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DVBuilder {
    return this.require('CHECKBOX', ...[checkedValue, uncheckedValue].filter((v) => v !== undefined));
  }
  requireValueInList(values: string[], showDropdown = true): DVBuilder {
    return this.require('VALUE_IN_LIST', [...values], showDropdown);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): DVBuilder {
    return this.require('VALUE_IN_RANGE', range, showDropdown);
  }
  requireNumberBetween(start: number, end: number): DVBuilder {
    return this.require('NUMBER_BETWEEN', start, end);
  }
  requireNumberNotBetween(start: number, end: number): DVBuilder {
    return this.require('NUMBER_NOT_BETWEEN', start, end);
  }
  requireNumberEqualTo(number: number): DVBuilder {
    return this.require('NUMBER_EQUAL_TO', number);
  }
  requireNumberGreaterThan(number: number): DVBuilder {
    return this.require('NUMBER_GREATER_THAN', number);
  }
  requireNumberGreaterThanOrEqualTo(number: number): DVBuilder {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', number);
  }
  requireNumberLessThan(number: number): DVBuilder {
    return this.require('NUMBER_LESS_THAN', number);
  }
  requireNumberLessThanOrEqualTo(number: number): DVBuilder {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', number);
  }
  requireDate(): DVBuilder {
    return this.require('DATE_IS_VALID_DATE');
  }
  requireTextIsEmail(): DVBuilder {
    return this.require('TEXT_IS_VALID_EMAIL');
  }
  requireTextIsUrl(): DVBuilder {
    return this.require('TEXT_IS_VALID_URL');
  }
  requireFormulaSatisfied(formula: string): DVBuilder {
    return this.require('CUSTOM_FORMULA', formula);
  }
  withCriteria(criteria: GoogleAppsScript.Spreadsheet.DataValidationCriteria, args: unknown[]): DVBuilder {
    return this.require(String(criteria), ...args);
  }
  setAllowInvalid(allowInvalidData: boolean): DVBuilder {
    this.state.allowInvalid = allowInvalidData;
    return this as unknown as DVBuilder;
  }
  setHelpText(helpText: string): DVBuilder {
    this.state.helpText = helpText;
    return this as unknown as DVBuilder;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return this.state.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.state.values];
  }
  build(): DV {
    if (!this.state.criteria) throw new Error('Data validation rule must have a criteria.');
    return new EmuDataValidation({ ...this.state, values: [...this.state.values] }) as unknown as DV;
  }
}
