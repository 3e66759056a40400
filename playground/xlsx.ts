/**
 * .xlsx in and out, with exceljs (a devDependency: the playground only, never dist/).
 *
 * Out: every sheet as the user sees it — values (a formula's cached result, and every cell a
 * one-formula-per-table result fills, the formula written as an array formula over them),
 * formulas in the file's invariant syntax, number formats, fonts, fills, borders, alignment,
 * notes, merges, frozen rows/columns, column widths, row heights, hidden rows/columns/sheets,
 * tab colours, data validation and conditional formats (those Excel has: formula, comparison,
 * text, colour scale). What the format has no place for — Boussole's developer metadata, the
 * document properties (schedule, last run), Sheets' protections (warning-only ones have no
 * .xlsx equivalent), the charts (exceljs writes none), Sheets' sheet ids, the spreadsheet's
 * locale, time zone and clock — goes as JSON into one very hidden sheet, `boussole.metadata`,
 * which Excel and LibreOffice keep and the playground reads back.
 *
 * In: any .xlsx (Excel, LibreOffice, SheetJS…): values with their types (a text that looks like
 * a number stays text), dates, formulas moved into the workbook's locale syntax, shared and
 * array formulas, the looks and structure above; `boussole.metadata` when there is one.
 */
import ExcelJS from 'exceljs';
import type { ConditionalFormatView, Style } from '../emulator';
import { formatA1, parseA1 } from '../emulator/a1';
import { COMMA_SYNTAX, type FormulaSyntax, syntaxForLocale } from '../src/core/formula';
import type { Book, BookSheet, BookValue, ValidationView } from './book';
import { translateFormula } from './formula-locale';
import { colLetters } from './view';

export const META_SHEET = 'boussole.metadata';
const META_FORMAT = 'boussole-playground/1';
/** Excel keeps at most 32,767 characters in a cell: longer JSON goes on across the row. */
const CHUNK = 30_000;

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

// --- colours --------------------------------------------------------------------------------

/** The Office theme's colours (theme indexes 0–9: lt1, dk1, lt2, dk2, accent1–6), for files that use them. */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

function tinted(hex: string, tint: number): string {
  const ch = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const out = ch.map((v) => Math.round(tint < 0 ? v * (1 + tint) : v + (255 - v) * tint));
  return out.map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('');
}

function colorOf(c: (Partial<ExcelJS.Color> & { theme?: number; tint?: number }) | undefined): string | null {
  if (!c) return null;
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(c.argb)) return `#${c.argb.slice(2).toLowerCase()}`;
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{6}$/.test(c.argb)) return `#${c.argb.toLowerCase()}`;
  if (typeof c.theme === 'number' && THEME[c.theme])
    return `#${tinted(THEME[c.theme] as string, c.tint ?? 0).toLowerCase()}`;
  return null;
}

const argb = (hex: string) => ({ argb: `FF${hex.replace('#', '').toUpperCase()}` });

// --- number formats ---------------------------------------------------------------------------

/** Excel's locale-dependent built-in date formats (numFmtId 14, 22) read as the workbook's locale shows them. */
function sheetsFormat(format: string, locale: string): string {
  // A locale tag alone ([$-40C], [$-x-sysdate]) changes nothing here: only [$€-40C] shows a symbol.
  const excel = format.replace(/\[\$-[^\]]*\]/g, '');
  if (excel === 'mm-dd-yy') return /^en_US/.test(locale) ? 'M/d/yyyy' : 'dd/MM/yyyy';
  if (excel === 'm/d/yy h:mm') return /^en_US/.test(locale) ? 'M/d/yyyy H:mm' : 'dd/MM/yyyy H:mm';
  return excel;
}

// --- borders ----------------------------------------------------------------------------------

const BORDER_IN: Record<string, string> = {
  thin: 'SOLID',
  hair: 'SOLID',
  medium: 'SOLID_MEDIUM',
  thick: 'SOLID_THICK',
  dashed: 'DASHED',
  mediumDashed: 'DASHED',
  dotted: 'DOTTED',
  double: 'DOUBLE',
};
const BORDER_OUT: Record<string, ExcelJS.BorderStyle> = {
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DASHED: 'dashed',
  DOTTED: 'dotted',
  DOUBLE: 'double',
};

/** The emulator's border description (`top,left,bottom,right #000000 SOLID`) from Excel's per-side borders. */
function borderIn(b: Partial<ExcelJS.Borders> | undefined): string | undefined {
  if (!b) return undefined;
  const sides = (['top', 'left', 'bottom', 'right'] as const).filter((s) => b[s]?.style);
  if (!sides.length) return undefined;
  const first = b[sides[0] as 'top'] as ExcelJS.Border;
  const color = colorOf(first.color) ?? '#000000';
  return `${sides.join(',')} ${color} ${BORDER_IN[first.style as string] ?? 'SOLID'}`;
}

function borderOut(desc: string): Partial<ExcelJS.Borders> {
  const [sidesText = '', color = '#000000', style = 'SOLID'] = desc.split(' ');
  const sides = new Set(sidesText.split(','));
  if (sides.has('vertical')) sides.add('left').add('right');
  if (sides.has('horizontal')) sides.add('top').add('bottom');
  const border: ExcelJS.Border = { style: BORDER_OUT[style] ?? 'thin', color: argb(color) };
  const out: Partial<ExcelJS.Borders> = {};
  for (const s of ['top', 'left', 'bottom', 'right'] as const) if (sides.has(s)) out[s] = border;
  return out;
}

// --- styles -----------------------------------------------------------------------------------

const DEFAULT_FONTS = new Set(['Calibri|11', 'Arial|10', 'Liberation Sans|10']);

function styleIn(cell: ExcelJS.Cell, locale: string): Style | null {
  const s: Style = {};
  const fmt = cell.numFmt;
  if (fmt && fmt !== 'General') s.numberFormat = sheetsFormat(fmt, locale);
  const font = cell.font ?? {};
  if (font.bold) s.fontWeight = 'bold';
  if (font.italic) s.fontStyle = 'italic';
  const fc = colorOf(font.color as never);
  if (fc && fc !== '#000000') s.fontColor = fc;
  if (font.name && font.size && !DEFAULT_FONTS.has(`${font.name}|${font.size}`)) {
    s.fontFamily = font.name;
    s.fontSize = font.size;
  } else if (font.size && font.size !== 10 && font.size !== 11) s.fontSize = font.size;
  if (font.underline) s.fontLine = 'underline';
  else if (font.strike) s.fontLine = 'line-through';
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = colorOf((fill.fgColor ?? fill.bgColor) as never);
    if (bg && bg !== '#ffffff') s.background = bg;
  }
  const al = cell.alignment ?? {};
  if (al.horizontal === 'left' || al.horizontal === 'center' || al.horizontal === 'right')
    s.horizontalAlignment = al.horizontal;
  if (al.vertical === 'top' || al.vertical === 'middle') s.verticalAlignment = al.vertical;
  if (al.wrapText) s.wrap = true;
  if (typeof al.textRotation === 'number' && al.textRotation) s.textRotation = al.textRotation;
  const border = borderIn(cell.border);
  if (border) s.border = border;
  return Object.keys(s).length ? s : null;
}

function styleOut(cell: ExcelJS.Cell, s: Style): void {
  if (s.numberFormat && s.numberFormat !== 'General') cell.numFmt = s.numberFormat;
  const font: Partial<ExcelJS.Font> = {};
  if (s.fontWeight === 'bold') font.bold = true;
  if (s.fontStyle === 'italic') font.italic = true;
  if (s.fontColor) font.color = argb(s.fontColor);
  if (s.fontSize) font.size = s.fontSize;
  if (s.fontFamily) font.name = s.fontFamily;
  if (s.fontLine === 'underline') font.underline = true;
  if (s.fontLine === 'line-through') font.strike = true;
  if (Object.keys(font).length) cell.font = font;
  if (s.background) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: argb(s.background) };
  const al: Partial<ExcelJS.Alignment> = {};
  const h = s.horizontalAlignment?.toLowerCase();
  if (h === 'left' || h === 'center' || h === 'right') al.horizontal = h;
  const v = s.verticalAlignment?.toLowerCase();
  if (v === 'top' || v === 'middle' || v === 'bottom') al.vertical = v;
  if (s.wrap) al.wrapText = true;
  if (s.textRotation) al.textRotation = s.textRotation;
  if (Object.keys(al).length) cell.alignment = al;
  if (s.border) cell.border = borderOut(s.border);
}

// --- rules ------------------------------------------------------------------------------------

type CfRule = ExcelJS.ConditionalFormattingRule & {
  formulae?: string[];
  operator?: string;
  text?: string;
  style?: Partial<ExcelJS.Style>;
  priority?: number;
  cfvo?: { type: string; value?: number | string }[];
  color?: Partial<ExcelJS.Color>[];
};

const CELL_IS: Record<string, string> = {
  greaterThan: 'NUMBER_GREATER_THAN',
  greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  lessThan: 'NUMBER_LESS_THAN',
  lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  between: 'NUMBER_BETWEEN',
  notBetween: 'NUMBER_NOT_BETWEEN',
  equal: 'NUMBER_EQUAL_TO',
  notEqual: 'NUMBER_NOT_EQUAL_TO',
};
const CELL_IS_OUT = Object.fromEntries(Object.entries(CELL_IS).map(([k, v]) => [v, k]));
const TEXT_RULES: Record<string, string> = {
  containsText: 'TEXT_CONTAINS',
  notContains: 'TEXT_DOES_NOT_CONTAIN',
  beginsWith: 'TEXT_STARTS_WITH',
  endsWith: 'TEXT_ENDS_WITH',
};
const TEXT_RULES_OUT = Object.fromEntries(Object.entries(TEXT_RULES).map(([k, v]) => [v, k]));
const CFVO_IN: Record<string, string> = {
  min: 'MIN',
  max: 'MAX',
  num: 'NUMBER',
  percent: 'PERCENT',
  percentile: 'PERCENTILE',
};
const CFVO_OUT = Object.fromEntries(Object.entries(CFVO_IN).map(([k, v]) => [v, k]));

const quotedSheet = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const rangeOnSheet = (name: string, ref: string) => `${quotedSheet(name)}!${ref}`;
const refOnly = (text: string) => text.slice(text.lastIndexOf('!') + 1);

function textLiteral(formula: string): string | null {
  const m = /^"((?:[^"]|"")*)"$/.exec(formula.trim());
  return m ? (m[1] as string).replace(/""/g, '"') : null;
}

function cfFormat(style: Partial<ExcelJS.Style> | undefined): ConditionalFormatView['format'] {
  const f: ConditionalFormatView['format'] = {};
  const fill = style?.fill as ExcelJS.FillPattern | undefined;
  const bg = fill?.type === 'pattern' ? colorOf((fill.bgColor ?? fill.fgColor) as never) : null;
  if (bg) f.background = bg;
  const fc = colorOf(style?.font?.color as never);
  if (fc) f.fontColor = fc;
  if (style?.font?.bold) f.bold = true;
  if (style?.font?.italic) f.italic = true;
  if (style?.font?.underline) f.underline = true;
  if (style?.font?.strike) f.strikethrough = true;
  return f;
}

function cfIn(
  ws: ExcelJS.Worksheet,
  sheetName: string,
  fromFile: FormulaSyntax,
  toSheet: FormulaSyntax,
  notes: string[],
): ConditionalFormatView[] {
  const blocks = ((ws as unknown as { conditionalFormattings?: { ref: string; rules: CfRule[] }[] })
    .conditionalFormattings ?? []) as { ref: string; rules: CfRule[] }[];
  const all: { priority: number; view: ConditionalFormatView }[] = [];
  for (const block of blocks) {
    const ranges = block.ref
      .split(/\s+/)
      .filter(Boolean)
      .map((r) => rangeOnSheet(sheetName, r));
    for (const rule of block.rules) {
      const format = cfFormat(rule.style);
      const formula = (i: number) => translateFormula(`=${rule.formulae?.[i] ?? ''}`, fromFile, toSheet);
      const number = (i: number) => Number(rule.formulae?.[i]);
      let view: ConditionalFormatView | null = null;
      const base = { ranges, format, gradient: null };
      if (rule.type === 'expression') view = { ...base, criteria: 'CUSTOM_FORMULA', values: [formula(0)] };
      else if (rule.type === 'cellIs' && rule.operator && CELL_IS[rule.operator]) {
        const text = textLiteral(rule.formulae?.[0] ?? '');
        if (rule.operator === 'equal' && text !== null) view = { ...base, criteria: 'TEXT_EQUAL_TO', values: [text] };
        else {
          const two = (rule.operator as string) === 'between' || (rule.operator as string) === 'notBetween';
          const values = two ? [number(0), number(1)] : [number(0)];
          if (values.every(Number.isFinite)) view = { ...base, criteria: CELL_IS[rule.operator] as string, values };
        }
      } else if (rule.type === 'containsText' && rule.operator && TEXT_RULES[rule.operator]) {
        view = { ...base, criteria: TEXT_RULES[rule.operator] as string, values: [rule.text ?? ''] };
      } else if (rule.type === 'colorScale' && rule.cfvo && rule.color) {
        const point = (i: number): [string, string, string?] => {
          const cfvo = rule.cfvo?.[i];
          const type = CFVO_IN[cfvo?.type ?? ''] ?? 'NUMBER';
          const color = colorOf(rule.color?.[i] as never) ?? '#ffffff';
          return type === 'MIN' || type === 'MAX' ? [color, type] : [color, type, String(cfvo?.value ?? '')];
        };
        const n = rule.cfvo.length;
        const gradient: NonNullable<ConditionalFormatView['gradient']> =
          n === 3 ? { min: point(0), mid: point(1), max: point(2) } : { min: point(0), max: point(n - 1) };
        view = { ranges, format: {}, gradient, criteria: null, values: [] };
      }
      if (view) all.push({ priority: rule.priority ?? all.length + 1, view });
      else notes.push(`${sheetName} : ${rule.type}`);
    }
  }
  return all.sort((a, b) => a.priority - b.priority).map((x) => x.view);
}

function cfOut(
  ws: ExcelJS.Worksheet,
  rules: ConditionalFormatView[],
  toFile: FormulaSyntax,
  fromSheet: FormulaSyntax,
): void {
  let priority = 1;
  for (const r of rules) {
    const ref = r.ranges.map(refOnly).join(' ');
    const style: Partial<ExcelJS.Style> = {};
    if (r.format.background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: argb(r.format.background) };
    const font: Partial<ExcelJS.Font> = {};
    if (r.format.fontColor) font.color = argb(r.format.fontColor);
    if (r.format.bold) font.bold = true;
    if (r.format.italic) font.italic = true;
    if (r.format.underline) font.underline = true;
    if (r.format.strikethrough) font.strike = true;
    if (Object.keys(font).length) style.font = font;
    let rule: Record<string, unknown> | null = null;
    const v = r.values;
    if (r.gradient) {
      const points = [r.gradient.min, r.gradient.mid, r.gradient.max].filter(Boolean) as [string, string, string?][];
      rule = {
        type: 'colorScale',
        cfvo: points.map((p) => ({
          type: CFVO_OUT[p[1]] ?? 'num',
          value: p[2] === undefined ? undefined : Number(p[2]),
        })),
        color: points.map((p) => argb(p[0])),
      };
    } else if (r.criteria === 'CUSTOM_FORMULA')
      rule = { type: 'expression', formulae: [translateFormula(String(v[0]), fromSheet, toFile).replace(/^=/, '')] };
    else if (r.criteria === 'TEXT_EQUAL_TO')
      rule = { type: 'cellIs', operator: 'equal', formulae: [`"${String(v[0]).replace(/"/g, '""')}"`] };
    else if (r.criteria && CELL_IS_OUT[r.criteria])
      rule = { type: 'cellIs', operator: CELL_IS_OUT[r.criteria], formulae: v.map((x) => String(x)) };
    else if (r.criteria && TEXT_RULES_OUT[r.criteria])
      rule = { type: 'containsText', operator: TEXT_RULES_OUT[r.criteria], text: String(v[0]) };
    if (!rule) continue;
    ws.addConditionalFormatting({ ref, rules: [{ ...rule, style, priority: priority++ } as never] });
  }
}

const DV_NUMBER: Record<string, string> = {
  between: 'NUMBER_BETWEEN',
  notBetween: 'NUMBER_NOT_BETWEEN',
  equal: 'NUMBER_EQUAL_TO',
  notEqual: 'NUMBER_NOT_EQUAL_TO',
  greaterThan: 'NUMBER_GREATER_THAN',
  greaterThanOrEqual: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  lessThan: 'NUMBER_LESS_THAN',
  lessThanOrEqual: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
};
const DV_NUMBER_OUT = Object.fromEntries(Object.entries(DV_NUMBER).map(([k, v]) => [v, k]));

function dvIn(
  dv: ExcelJS.DataValidation,
  sheetName: string,
  fromFile: FormulaSyntax,
  toSheet: FormulaSyntax,
): ValidationView | null {
  const common = { allowInvalid: !dv.showErrorMessage, helpText: dv.prompt ?? null };
  const f = (dv.formulae ?? []).map(String);
  if (dv.type === 'list') {
    const list = textLiteral(f[0] ?? '');
    if (list !== null) return { criteria: 'VALUE_IN_LIST', values: [list.split(','), true], ...common };
    const ref = (f[0] ?? '').replace(/\$/g, '');
    return {
      criteria: 'VALUE_IN_RANGE',
      values: [ref.includes('!') ? ref : rangeOnSheet(sheetName, ref), true],
      ...common,
    };
  }
  if ((dv.type === 'whole' || dv.type === 'decimal') && DV_NUMBER[dv.operator ?? 'between']) {
    const values = f.map(Number);
    if (values.every(Number.isFinite))
      return { criteria: DV_NUMBER[dv.operator ?? 'between'] as string, values, ...common };
  }
  if (dv.type === 'custom' && f[0])
    return { criteria: 'CUSTOM_FORMULA', values: [translateFormula(`=${f[0]}`, fromFile, toSheet)], ...common };
  return null;
}

function dvOut(v: ValidationView, toFile: FormulaSyntax, fromSheet: FormulaSyntax): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: !v.allowInvalid,
    ...(v.helpText ? { showInputMessage: true, prompt: v.helpText } : {}),
  };
  if (v.criteria === 'VALUE_IN_LIST')
    return { type: 'list', formulae: [`"${(v.values[0] as string[]).join(',')}"`], ...common };
  if (v.criteria === 'VALUE_IN_RANGE') return { type: 'list', formulae: [String(v.values[0])], ...common };
  if (v.criteria === 'CHECKBOX') return { type: 'list', formulae: ['"TRUE,FALSE"'], ...common };
  if (v.criteria && DV_NUMBER_OUT[v.criteria])
    return { type: 'decimal', operator: DV_NUMBER_OUT[v.criteria] as never, formulae: v.values.map(Number), ...common };
  if (v.criteria === 'CUSTOM_FORMULA')
    return {
      type: 'custom',
      formulae: [translateFormula(String(v.values[0]), fromSheet, toFile).replace(/^=/, '')],
      ...common,
    };
  return null;
}

// --- sizes ------------------------------------------------------------------------------------

/**
 * Column widths: Excel counts characters of the default font's widest digit (7 px for Calibri 11)
 * plus 5 px of padding (ECMA-376 Part 1, §18.3.1.13 `col`); row heights are in points (¾ px).
 */
const widthOut = (px: number) => Math.round(((px - 5) / 7) * 1e4) / 1e4;
const widthIn = (chars: number) => Math.round(chars * 7 + 5);
const heightOut = (px: number) => px * 0.75;
const heightIn = (pt: number) => Math.round(pt / 0.75);

// --- writing ----------------------------------------------------------------------------------

/** An Excel sheet name: at most 31 characters, none of []:*?/\ (a Sheets name may have them). */
function excelName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 31)
      .trim() || 'Sheet';
  let n = base;
  for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${base.slice(0, 31 - String(k).length - 3)} (${k})`;
  taken.add(n.toLowerCase());
  return n;
}

function resultOut(v: number | string | boolean | undefined): ExcelJS.CellFormulaValue['result'] {
  if (v === undefined || v === '') return undefined;
  if (typeof v === 'string' && /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!)$/.test(v))
    return { error: v as ExcelJS.CellErrorValue['error'] };
  return v;
}

export async function writeXlsx(book: Book): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Boussole playground';
  if (book.spreadsheet) wb.title = book.spreadsheet.name;
  const sheetSyntax = syntaxForLocale(book.spreadsheet?.locale ?? 'en_US');
  const taken = new Set<string>([META_SHEET.toLowerCase()]);
  const carried: string[][] = [['format', META_FORMAT]];
  const chunks = (json: string) => {
    const out: string[] = [];
    for (let i = 0; i < json.length; i += CHUNK) out.push(json.slice(i, i + CHUNK));
    return out.length ? out : [''];
  };
  const toFile = (f: string) => translateFormula(f, sheetSyntax, COMMA_SYNTAX).replace(/^=/, '');
  for (const s of book.sheets) {
    const name = excelName(s.name, taken);
    const ws = wb.addWorksheet(name);
    const spills = new Map((s.spills ?? []).map((sp) => [`${sp.row},${sp.column}`, sp]));
    const filled = new Set<string>();
    for (const sp of spills.values())
      for (let a = 0; a < sp.rows; a++)
        for (let b = 0; b < sp.columns; b++) if (a || b) filled.add(`${sp.row + a},${sp.column + b}`);
    s.values.forEach(
      (line, i) =>
        void line.forEach((v, j) => {
          const [r, c] = [i + 1, j + 1];
          const result = s.results?.[i]?.[j];
          const key = `${r},${c}`;
          if (v === null && !filled.has(key)) return;
          const cell = ws.getCell(r, c);
          if (v !== null && typeof v === 'object') {
            const sp = spills.get(key);
            cell.value = sp
              ? ({
                  formula: toFile(v.f),
                  result: resultOut(result),
                  shareType: 'array',
                  ref: formatA1({ row: sp.row, column: sp.column, numRows: sp.rows, numColumns: sp.columns }),
                } as ExcelJS.CellFormulaValue)
              : ({ formula: toFile(v.f), result: resultOut(result) } as ExcelJS.CellFormulaValue);
          } else if (v === null) {
            const shown = resultOut(result);
            if (shown !== undefined) cell.value = shown as ExcelJS.CellValue;
          } else cell.value = v;
        }),
    );
    for (const [a1, style] of Object.entries(s.styles ?? {})) {
      const g = parseA1(a1, 1, 1);
      if (g) styleOut(ws.getCell(g.row, g.column), style);
    }
    for (const [a1, note] of Object.entries(s.notes ?? {})) ws.getCell(a1).note = note;
    for (const [a1, v] of Object.entries(s.validations ?? {})) {
      const dv = dvOut(v, COMMA_SYNTAX, sheetSyntax);
      if (dv) ws.getCell(a1).dataValidation = dv;
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [col, px] of Object.entries(s.columnWidths ?? {})) ws.getColumn(Number(col)).width = widthOut(px);
    for (const [row, px] of Object.entries(s.rowHeights ?? {})) ws.getRow(Number(row)).height = heightOut(px);
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
    for (const r of s.hiddenRows ?? []) {
      const row = ws.getRow(r);
      row.hidden = true;
      // exceljs writes a row only when it has cells or a height: a hidden blank row gets the default one.
      if (row.height === undefined) row.height = ws.properties.defaultRowHeight ?? 15;
    }
    if (s.frozenRows || s.frozenColumns)
      ws.views = [{ state: 'frozen', xSplit: s.frozenColumns ?? 0, ySplit: s.frozenRows ?? 0 }];
    if (s.hidden) ws.state = 'hidden';
    if (s.tabColor) ws.properties.tabColor = argb(s.tabColor);
    cfOut(ws, s.conditionalFormats ?? [], COMMA_SYNTAX, sheetSyntax);
    const sheetState = {
      name: s.name,
      sheetId: s.sheetId,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      charts: s.charts ?? [],
      protections: s.protections ?? [],
      metadata: s.metadata ?? [],
    };
    carried.push(['sheet', name, ...chunks(JSON.stringify(sheetState))]);
  }
  if (book.spreadsheet) carried.push(['spreadsheet', ...chunks(JSON.stringify(book.spreadsheet))]);
  if (book.metadata?.length) carried.push(['metadata', ...chunks(JSON.stringify(book.metadata))]);
  if (book.properties && Object.keys(book.properties).length)
    carried.push(['properties', ...chunks(JSON.stringify(book.properties))]);
  if (book.now) carried.push(['now', book.now]);
  if (book.activeSheet) carried.push(['active', book.activeSheet]);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  for (const row of carried) meta.addRow(row);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

// --- reading ----------------------------------------------------------------------------------

export interface ReadXlsxResult {
  book: Book;
  /** What the file holds that the playground could not take (a rule type, a validation…). */
  skipped: string[];
}

interface CarriedSheet {
  name: string;
  sheetId?: number;
  maxRows?: number;
  maxColumns?: number;
  charts: BookSheet['charts'];
  protections: BookSheet['protections'];
  metadata: BookSheet['metadata'];
}

function readCarried(ws: ExcelJS.Worksheet | undefined): {
  sheets: Map<string, CarriedSheet>;
  spreadsheet?: Book['spreadsheet'];
  metadata?: Book['metadata'];
  properties?: Book['properties'];
  now?: string;
  activeSheet?: string;
} | null {
  if (!ws) return null;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.value === null ? '' : String(cell.value)));
    rows.push(cells);
  });
  if (rows[0]?.[0] !== 'format' || rows[0]?.[1] !== META_FORMAT) return null;
  const out: NonNullable<ReturnType<typeof readCarried>> = { sheets: new Map() };
  for (const [kind = '', ...rest] of rows.slice(1)) {
    if (kind === 'sheet') out.sheets.set(rest[0] ?? '', JSON.parse(rest.slice(1).join('')) as CarriedSheet);
    else if (kind === 'spreadsheet') out.spreadsheet = JSON.parse(rest.join(''));
    else if (kind === 'metadata') out.metadata = JSON.parse(rest.join(''));
    else if (kind === 'properties') out.properties = JSON.parse(rest.join(''));
    else if (kind === 'now') out.now = rest[0];
    else if (kind === 'active') out.activeSheet = rest[0];
  }
  return out;
}

const serialOfDate = (d: Date) => (d.getTime() - SERIAL_EPOCH) / MS_PER_DAY;

/** A cell's stored content: the formula (in the sheet's syntax), else the literal with its type. */
function valueIn(cell: ExcelJS.Cell, toSheet: (f: string) => string): BookValue {
  const v = cell.value;
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  if (cell.formula) return { f: toSheet(`=${cell.formula}`) };
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || typeof v === 'string') return v === '' ? null : v;
  if (v instanceof Date) return serialOfDate(v);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('') || null;
  if (typeof o.text === 'string') return o.text; // hyperlink
  if (typeof o.error === 'string') return o.error;
  return null;
}

/**
 * Reads an .xlsx into a Book for a workbook in `locale`. Throws on a file exceljs cannot read;
 * the caller names the file.
 */
export async function readXlsx(bytes: Buffer, locale: string): Promise<ReadXlsxResult> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const carried = readCarried(wb.getWorksheet(META_SHEET));
  const sheetLocale = carried?.spreadsheet?.locale ?? locale;
  const toSheetSyntax = syntaxForLocale(sheetLocale);
  const toSheet = (f: string) => translateFormula(f, COMMA_SYNTAX, toSheetSyntax);
  const skipped: string[] = [];
  const sheets: BookSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.name === META_SHEET) return;
    const kept = carried?.sheets.get(ws.name);
    const name = kept?.name ?? ws.name;
    const values: BookValue[][] = [];
    const styles: Record<string, Style> = {};
    const notes: Record<string, string> = {};
    const validations: Record<string, ValidationView> = {};
    const arrays: string[] = [];
    // Every row the file has (a styled row beyond the data too): its cells with a value or a look.
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const style = styleIn(cell, sheetLocale);
        const a1 = `${colLetters(c)}${r}`;
        if (style) styles[a1] = style;
        const value = valueIn(cell, toSheet);
        const fv = cell.value as { shareType?: string; ref?: string } | null;
        if (fv && typeof fv === 'object' && fv.shareType === 'array' && fv.ref && fv.ref !== a1) arrays.push(fv.ref);
        if (value !== null) {
          values[r - 1] ??= [];
          (values[r - 1] as unknown[])[c - 1] = value;
        }
        const note = cell.note;
        if (note) notes[a1] = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
        if (cell.dataValidation) {
          const dv = dvIn(cell.dataValidation, name, COMMA_SYNTAX, toSheetSyntax);
          if (dv) validations[a1] = dv;
          else skipped.push(`${name}!${a1} : validation ${cell.dataValidation.type}`);
        }
      });
    });
    // An array formula's other cells are its result: left to it (written as values they would block it).
    for (const ref of arrays) {
      const g = parseA1(ref, 1, 1);
      if (!g) continue;
      for (let r = g.row; r < g.row + g.numRows; r++)
        for (let c = g.column; c < g.column + g.numColumns; c++)
          if (r !== g.row || c !== g.column) {
            const line = values[r - 1];
            if (line) line[c - 1] = null;
          }
    }
    // `values` is sparse (blank rows are holes): measure it by looping, never by spreading it.
    const height = values.length;
    let width = 0;
    for (let r = 0; r < height; r++) width = Math.max(width, values[r]?.length ?? 0);
    const dense: BookValue[][] = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => values[r]?.[c] ?? null),
    );
    const columnWidths: Record<string, number> = {};
    const hiddenColumns: number[] = [];
    const lastCol = Math.max(width, ws.columnCount);
    for (let c = 1; c <= lastCol; c++) {
      const col = ws.getColumn(c);
      // exceljs writes a hidden column without a width as 9 characters: not a width anyone chose.
      if (typeof col.width === 'number' && !(col.hidden && col.width === 9)) columnWidths[c] = widthIn(col.width);
      if (col.hidden) hiddenColumns.push(c);
    }
    const rowHeights: Record<string, number> = {};
    const hiddenRows: number[] = [];
    const defaultHeight = ws.properties.defaultRowHeight;
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (typeof row.height === 'number' && Math.abs(row.height - (defaultHeight ?? 15)) > 0.01)
        rowHeights[r] = heightIn(row.height);
      if (row.hidden) hiddenRows.push(r);
    });
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const frozen = view?.state === 'frozen';
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    sheets.push({
      name,
      sheetId: kept?.sheetId,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden' || undefined,
      tabColor: colorOf(ws.properties.tabColor as never) ?? undefined,
      maxRows: kept?.maxRows,
      maxColumns: kept?.maxColumns,
      values: dense,
      styles,
      notes,
      validations,
      merges,
      frozenRows: frozen ? (view?.ySplit ?? 0) : 0,
      frozenColumns: frozen ? (view?.xSplit ?? 0) : 0,
      columnWidths,
      rowHeights,
      hiddenColumns,
      hiddenRows,
      conditionalFormats: cfIn(ws, name, COMMA_SYNTAX, toSheetSyntax, skipped),
      charts: kept?.charts,
      protections: kept?.protections,
      metadata: kept?.metadata,
    });
  });
  const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const book: Book = { sheets, activeSheet: carried?.activeSheet ?? sheets[activeTab]?.name };
  if (carried?.spreadsheet) book.spreadsheet = carried.spreadsheet;
  if (carried?.metadata) book.metadata = carried.metadata;
  if (carried?.properties) book.properties = carried.properties;
  if (carried?.now) book.now = carried.now;
  return { book, skipped };
}
