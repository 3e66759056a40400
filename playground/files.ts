/**
 * Opening .xlsx and .csv files, and saving the workbook as .xlsx (values and formulas), with
 * exceljs (a devDependency: the playground only, never dist/). A file that is not what its name
 * says, or that holds nothing usable, is refused with a message saying why.
 */
import { COMMA_SYNTAX, type FormulaSyntax, SEMICOLON_SYNTAX } from '../src/core/formula';
import { respell } from '../emulator/engine/locale-formulas';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { Emulator } from '../emulator';
import type { EmuSpreadsheet } from '../emulator/spreadsheet/spreadsheet';
import type { Instrumentation } from '../emulator/instrument';
import type { Lang } from '../src/core/i18n/lang';
import type { ImportedSheet } from './session';
import { colLetters } from './view';

export class FileRefused extends Error {
  override name = 'FileRefused';
}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_CELLS = 200_000;

const T = {
  tooBig: {
    fr: 'Ce fichier dépasse 10 Mo : le bac à sable ouvre des classeurs plus petits.',
    en: 'This file is over 10 MB: the playground opens smaller workbooks.',
  },
  empty: { fr: 'Ce fichier est vide.', en: 'This file is empty.' },
  notXlsx: {
    fr: "Ce fichier n'est pas un classeur .xlsx lisible (ce n'est pas une archive Office Open XML). Enregistrez-le au format Excel .xlsx ou CSV, puis réessayez.",
    en: 'This file is not a readable .xlsx workbook (not an Office Open XML archive). Save it as Excel .xlsx or CSV and try again.',
  },
  badXlsx: {
    fr: "Ce classeur .xlsx est endommagé et n'a pas pu être lu : ",
    en: 'This .xlsx workbook is damaged and could not be read: ',
  },
  xls: {
    fr: 'Les anciens classeurs .xls ne sont pas pris en charge : enregistrez-le en .xlsx.',
    en: 'Old .xls workbooks are not supported: save it as .xlsx.',
  },
  notText: {
    fr: "Ce fichier .csv n'est pas du texte (il contient des octets binaires) : est-ce vraiment un CSV ?",
    en: 'This .csv file is not text (it holds binary bytes): is it really a CSV?',
  },
  kind: {
    fr: 'Seuls les fichiers .xlsx et .csv peuvent être ouverts.',
    en: 'Only .xlsx and .csv files can be opened.',
  },
  noData: {
    fr: 'Ce fichier ne contient aucune cellule remplie : rien à ouvrir.',
    en: 'This file has no filled cell: nothing to open.',
  },
  tooMany: {
    fr: 'Ce fichier a plus de 200 000 cellules remplies : trop pour le bac à sable.',
    en: 'This file has over 200,000 filled cells: too many for the playground.',
  },
} as const;

const say = (key: keyof typeof T, lang: Lang) => T[key][lang];

/** A cell as typed input: formulas keep their `=`, dates become ISO days (read back as dates). */
function inputOf(value: ExcelJS.CellValue, syntax: FormulaSyntax): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.startsWith('=') ? `'${value}` : value;
  if (value instanceof Date) {
    // Excel's dates have no zone: exceljs reads them as UTC wall-clock time.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : value.getTime() / 86_400_000 + 25_569;
  }
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.formula === 'string') return fromFileFormula(v.formula, syntax);
  if (typeof v.sharedFormula === 'string') return null; // resolved by the caller (cell.formula)
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((t) => t.text).join('');
  if (typeof v.text === 'string') return v.text; // hyperlink
  if (typeof v.error === 'string') return v.error;
  return String(value);
}

function sheetName(name: string, taken: Set<string>): string {
  let n =
    name
      .replace(/[[\]*?:/\\]/g, ' ')
      .trim()
      .slice(0, 90) || 'Feuille';
  const base = n;
  for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${base} (${k})`;
  taken.add(n.toLowerCase());
  return n;
}

/** An .xlsx formula (OOXML spells them as en_US: "," between arguments) in the workbook's syntax. */
const fromFileFormula = (f: string, syntax: FormulaSyntax): string => respell(`=${f}`, COMMA_SYNTAX, syntax) ?? `=${f}`;

/** The playground's workbooks are fr_FR spreadsheets (session.ts): ";" between arguments. */
async function readXlsx(bytes: Buffer, lang: Lang, syntax: FormulaSyntax = SEMICOLON_SYNTAX): Promise<ImportedSheet[]> {
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw new FileRefused(say('xls', lang));
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new FileRefused(say('notXlsx', lang));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new FileRefused(say('badXlsx', lang) + (e instanceof Error ? e.message : String(e)));
  }
  const taken = new Set<string>();
  const sheets: ImportedSheet[] = [];
  let total = 0;
  wb.eachSheet((ws) => {
    const cells: ImportedSheet['cells'] = [];
    const formats: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        let input = inputOf(cell.value, syntax);
        if (input === null && cell.formula) input = fromFileFormula(cell.formula, syntax);
        if (input === null) return;
        total++;
        (cells[r - 1] ??= [])[c - 1] = input;
        const fmt = cell.numFmt;
        if (fmt && fmt !== 'General') (formats[r - 1] ??= [])[c - 1] = fmt;
      });
    });
    if (!cells.length) return;
    const width = Math.max(...cells.map((r) => r?.length ?? 0));
    const dense = Array.from({ length: cells.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => cells[r]?.[c] ?? null),
    );
    const denseFormats = formats.length
      ? Array.from({ length: cells.length }, (_, r) => Array.from({ length: width }, (_, c) => formats[r]?.[c] ?? null))
      : undefined;
    const widths = Array.from({ length: width }, (_, c) => {
      const w = ws.getColumn(c + 1).width;
      return typeof w === 'number' ? Math.round(w * 7.5) : null;
    });
    sheets.push({ name: sheetName(ws.name, taken), cells: dense, formats: denseFormats, widths });
  });
  if (total > MAX_CELLS) throw new FileRefused(say('tooMany', lang));
  if (!sheets.length) throw new FileRefused(say('noData', lang));
  return sheets;
}

/** One CSV field as typed input: French numbers ("1 234,5"), percentages and dates are recognised. */
function csvInput(raw: string, decimalComma: boolean): string | number | null {
  const t = raw.trim();
  if (t === '') return null;
  const numeric = decimalComma ? t.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : t.replace(/,(?=\d{3}\b)/g, '');
  if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(numeric)) return Number(numeric);
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (dmy && decimalComma) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  return t;
}

async function readCsv(bytes: Buffer, fileName: string, lang: Lang): Promise<ImportedSheet[]> {
  if (bytes.includes(0)) throw new FileRefused(say('notText', lang));
  let text = bytes.toString('utf8');
  if (text.includes('\ufffd')) text = bytes.toString('latin1'); // Excel's French CSVs are often Windows-1252
  text = text.replace(/^\ufeff/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ',']
    .map((d) => [d, firstLine.split(d).length] as const)
    .sort((a, b) => b[1] - a[1])[0][0];
  const decimalComma = delimiter !== ',';
  // exceljs parses the CSV (quotes, embedded newlines); we type each field as a person would.
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet;
  try {
    ws = await wb.csv.read(Readable.from([text]), {
      parserOptions: { delimiter, quote: '"' },
      map: (v: unknown) => v,
    } as never);
  } catch (e) {
    throw new FileRefused(
      `${lang === 'fr' ? 'Ce CSV est mal formé : ' : 'This CSV is malformed: '}${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const rows: (string | number | null)[][] = [];
  let total = 0;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const line: (string | number | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = csvInput(String(cell.value ?? ''), decimalComma);
      if (v !== null) total++;
      line[c - 1] = typeof v === 'string' && v.startsWith('=') ? `'${v}` : v;
    });
    rows[r - 1] = line;
  });
  if (total === 0) throw new FileRefused(say('noData', lang));
  if (total > MAX_CELLS) throw new FileRefused(say('tooMany', lang));
  const width = Math.max(...rows.map((r) => r?.length ?? 0));
  const cells = Array.from({ length: rows.length }, (_, r) =>
    Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null),
  );
  return [{ name: sheetName(fileName.replace(/\.[^.]+$/, '') || 'CSV', new Set()), cells }];
}

export async function readWorkbookFile(bytes: Buffer, fileName: string, lang: Lang): Promise<ImportedSheet[]> {
  if (bytes.length === 0) throw new FileRefused(say('empty', lang));
  if (bytes.length > MAX_BYTES) throw new FileRefused(say('tooBig', lang));
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx' || ext === 'xlsm') return readXlsx(bytes, lang);
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return readCsv(bytes, fileName, lang);
  if (ext === 'xls') throw new FileRefused(say('xls', lang));
  throw new FileRefused(say('kind', lang));
}

/** Excel's number format for a Sheets one (mostly the same; "General" stays implicit). */
const excelFormat = (f: string): string | undefined =>
  f && f !== 'General' && f !== '@' ? f : f === '@' ? '@' : undefined;

/**
 * The workbook as .xlsx: every sheet, formulas with their last computed value, literal values,
 * number formats, column widths. Cells filled by a spilling formula are left to it (written as
 * values they would block the spill when the file is opened again).
 */
export async function writeWorkbookFile(emu: Emulator): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Boussole playground';
  const instr = emu.calls as unknown as Instrumentation;
  const ss = instr.unwrap(emu.spreadsheet) as unknown as EmuSpreadsheet;
  const zone = new Intl.DateTimeFormat('en-CA', {
    timeZone: emu.spreadsheet.getSpreadsheetTimeZone(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  /** A date as the wall-clock time the spreadsheet shows, which is what an Excel date is. */
  const wallClock = (d: Date): Date => {
    const p = Object.fromEntries(zone.formatToParts(d).map((x) => [x.type, x.value]));
    return new Date(
      Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)),
    );
  };
  for (const name of emu.sheetNames()) {
    const snap = emu.snapshot(name);
    const sheet = ss.sheetByName(name)!;
    const ws = wb.addWorksheet(name.slice(0, 31).replace(/[[\]*?:/\\]/g, ' '));
    snap.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const formula = snap.formulas[r]?.[c] ?? '';
        const stored = sheet.cell(r + 1, c + 1);
        const own = stored && (stored.f !== undefined || stored.v !== undefined);
        if (!own || (value === '' && !formula)) return;
        const cell = ws.getCell(`${colLetters(c + 1)}${r + 1}`);
        const result =
          value instanceof Date
            ? wallClock(value)
            : typeof value === 'number' || typeof value === 'boolean'
              ? value
              : typeof value === 'string' && !value.startsWith('#')
                ? value
                : undefined;
        if (formula)
          cell.value = {
            formula: (respell(formula, emu.formulaSyntax(), COMMA_SYNTAX) ?? formula).replace(/^=/, ''),
            result,
          } as ExcelJS.CellFormulaValue;
        else if (result !== undefined) cell.value = result;
        const fmt = excelFormat(snap.formats[`${colLetters(c + 1)}${r + 1}`]?.numberFormat ?? '');
        if (fmt) cell.numFmt = fmt;
      });
    });
    for (const [col, width] of Object.entries(snap.columnWidths))
      ws.getColumn(Number(col)).width = Math.round((width / 7.5) * 10) / 10;
  }
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}
