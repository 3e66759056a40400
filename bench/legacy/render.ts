/**
 * Draws a SheetPlan on a sheet: per block one range, one setNumberFormats and one setValues
 * (formulas included); a fixed number of calls for styles and conditional formats; a fixed
 * number per chart. Nothing here loops over data rows: the plan's size depends on the KPIs only.
 */
import type { Area, ChartRange, ChartSpec, ConditionalFormat, SheetPlan, Style } from './dashboard/plan';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const rangeOf = (sheet: Sheet, a: Area): Range => sheet.getRange(a.row, a.column, a.rows, a.columns);

/** Grows the grid to what the plan needs (a new sheet has 1000 × 26). */
function ensureGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function applyStyle(sheet: Sheet, s: Style): void {
  const r = rangeOf(sheet, s);
  if (s.fontWeight) r.setFontWeight(s.fontWeight);
  if (s.fontSize) r.setFontSize(s.fontSize);
  if (s.fontColor) r.setFontColor(s.fontColor);
  if (s.background) r.setBackground(s.background);
  if (s.horizontalAlignment) r.setHorizontalAlignment(s.horizontalAlignment);
  if (s.wrap !== undefined) r.setWrap(s.wrap);
}

function ruleOf(sheet: Sheet, c: ConditionalFormat): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let b = SpreadsheetApp.newConditionalFormatRule();
  b = c.when === 'text_equals' ? b.whenTextEqualTo(c.text) : b.whenFormulaSatisfied(c.formula);
  if (c.background) b = b.setBackground(c.background);
  if (c.fontColor) b = b.setFontColor(c.fontColor);
  if (c.bold !== undefined) b = b.setBold(c.bold);
  return b.setRanges(c.areas.map((a) => rangeOf(sheet, a))).build();
}

function chartRange(ss: Spreadsheet, sheet: Sheet, r: ChartRange): Range {
  return r.sheet === 'self' ? rangeOf(sheet, r) : ss.getRange(r.a1);
}

function insertChart(ss: Spreadsheet, sheet: Sheet, c: ChartSpec): void {
  let b = sheet.newChart().setChartType(Charts.ChartType[c.type]);
  for (const r of c.ranges) b = b.addRange(chartRange(ss, sheet, r));
  // Chart data sits in hidden columns: plot it anyway.
  b = b.setNumHeaders(c.numHeaders).setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH);
  b = b.setPosition(c.position.row, c.position.column, c.position.offsetX, c.position.offsetY);
  for (const [key, value] of Object.entries(c.options)) b = b.setOption(key, value);
  sheet.insertChart(b.build());
}

/** Renders the plan on a new, empty sheet. */
export function renderSheetPlan(ss: Spreadsheet, sheet: Sheet, plan: SheetPlan): void {
  ensureGrid(sheet, plan.rows, plan.columns);
  for (const block of plan.blocks) {
    const range = rangeOf(sheet, block);
    range.setNumberFormats(block.numberFormats);
    range.setValues(block.values);
  }
  for (const w of plan.columnWidths) sheet.setColumnWidths(w.column, w.count, w.width);
  for (const s of plan.styles) applyStyle(sheet, s);
  if (plan.frozenRows) sheet.setFrozenRows(plan.frozenRows);
  if (plan.conditionalFormats.length)
    sheet.setConditionalFormatRules(plan.conditionalFormats.map((c) => ruleOf(sheet, c)));
  for (const c of plan.charts) insertChart(ss, sheet, c);
  for (const h of plan.hiddenColumns) sheet.hideColumns(h.column, h.count);
}
