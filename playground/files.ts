/**
 * Your own files in the playground: which files open (.xlsx via ./xlsx.ts, .csv via ./csv.ts),
 * what a refused one is told (which file, which sheet, which row, why — in French or English),
 * and the .xlsx export with its file name.
 */
import type { Emulator } from '../emulator';
import type { Lang } from '../src/core/i18n/lang';
import { type Book, BookLoadError, bookOf } from './book';
import { CsvError, MAX_CELL_CHARS, MAX_COLUMNS, type CsvRead, readCsv } from './csv';
import { readXlsx, writeXlsx } from './xlsx';

export class FileRefused extends Error {
  override name = 'FileRefused';
}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_CELLS = 200_000;

const q = (lang: Lang, s: string) => (lang === 'fr' ? `« ${s} »` : `"${s}"`);

const T = {
  tooBig: {
    fr: 'ce fichier dépasse 10 Mo : le bac à sable ouvre des classeurs plus petits.',
    en: 'this file is over 10 MB: the playground opens smaller workbooks.',
  },
  empty: { fr: 'ce fichier est vide.', en: 'this file is empty.' },
  notXlsx: {
    fr: "ce fichier n'est pas un classeur .xlsx lisible (ce n'est pas une archive Office Open XML). Enregistrez-le au format Excel .xlsx ou CSV, puis réessayez.",
    en: 'this file is not a readable .xlsx workbook (not an Office Open XML archive). Save it as Excel .xlsx or CSV and try again.',
  },
  badXlsx: {
    fr: "ce classeur .xlsx est endommagé et n'a pas pu être lu : ",
    en: 'this .xlsx workbook is damaged and could not be read: ',
  },
  xls: {
    fr: 'les anciens classeurs .xls ne sont pas pris en charge : enregistrez-le en .xlsx.',
    en: 'old .xls workbooks are not supported: save it as .xlsx.',
  },
  notText: {
    fr: "ce fichier .csv n'est pas du texte (il contient des octets binaires) : est-ce vraiment un CSV ?",
    en: 'this .csv file is not text (it holds binary bytes): is it really a CSV?',
  },
  kind: {
    fr: 'seuls les fichiers .xlsx et .csv peuvent être ouverts.',
    en: 'only .xlsx and .csv files can be opened.',
  },
  noData: {
    fr: 'ce fichier ne contient aucune cellule remplie : rien à ouvrir.',
    en: 'this file has no filled cell: nothing to open.',
  },
  tooMany: {
    fr: 'plus de 200 000 cellules remplies : trop pour le bac à sable.',
    en: 'over 200,000 filled cells: too many for the playground.',
  },
};

const say = (key: keyof typeof T, lang: Lang) => T[key][lang];

/** `« ventes.csv », feuille « Ventes », ligne 12, colonne C : why` — only the parts that are known. */
export function where(
  lang: Lang,
  file: string,
  place: { sheet?: string; row?: number | null; column?: number | string },
  why: string,
): string {
  const parts = [q(lang, file)];
  if (place.sheet) parts.push(`${lang === 'fr' ? 'feuille' : 'sheet'} ${q(lang, place.sheet)}`);
  if (place.row) parts.push(`${lang === 'fr' ? 'ligne' : 'row'} ${place.row}`);
  if (place.column !== undefined) parts.push(`${lang === 'fr' ? 'colonne' : 'column'} ${place.column}`);
  const text = `${parts.join(', ')}${lang === 'fr' ? ' : ' : ': '}${why}`;
  return text.replace(/: (\p{Ll})/u, (_, c: string) => `: ${c.toUpperCase()}`);
}

const letters = (c: number) => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

function csvMessage(e: CsvError, file: string, lang: Lang): string {
  const p = e.problem;
  switch (p.kind) {
    case 'binary':
      return where(lang, file, {}, say('notText', lang));
    case 'unterminated':
      return where(
        lang,
        file,
        { row: p.row, column: letters(p.column) },
        lang === 'fr'
          ? 'un champ ouvert par un guillemet (") n\'est jamais refermé : tout le reste du fichier y tomberait. Ajoutez le guillemet fermant.'
          : 'a field opened with a quote (") is never closed: the rest of the file would fall into it. Add the closing quote.',
      );
    case 'cellTooLong':
      return where(
        lang,
        file,
        { row: p.row, column: letters(p.column) },
        lang === 'fr'
          ? `la cellule dépasse ${MAX_CELL_CHARS.toLocaleString('fr-FR')} caractères, la limite de Google Sheets.`
          : `the cell is over ${MAX_CELL_CHARS.toLocaleString('en-US')} characters, Google Sheets' limit.`,
      );
    case 'tooWide':
      return where(
        lang,
        file,
        { row: p.row },
        lang === 'fr'
          ? `${p.columns.toLocaleString('fr-FR')} colonnes, plus que les ${MAX_COLUMNS.toLocaleString('fr-FR')} d'une feuille Google Sheets.`
          : `${p.columns.toLocaleString('en-US')} columns, more than the ${MAX_COLUMNS.toLocaleString('en-US')} of a Google Sheets sheet.`,
      );
  }
}

/** A sheet name Sheets takes: at most 100 characters, unique whatever the case. */
function sheetName(name: string, taken: Set<string>): string {
  let n = name.trim().slice(0, 100) || 'Feuille';
  const base = n;
  for (let k = 2; taken.has(n.toLowerCase()); k++) n = `${base.slice(0, 95)} (${k})`;
  taken.add(n.toLowerCase());
  return n;
}

const ENCODINGS: Record<CsvRead['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252',
};
const SEPARATORS: Record<string, { fr: string; en: string }> = {
  ';': { fr: 'point-virgule', en: 'semicolon' },
  ',': { fr: 'virgule', en: 'comma' },
  '\t': { fr: 'tabulation', en: 'tab' },
  '|': { fr: 'barre verticale', en: 'vertical bar' },
};

export interface OpenedFile {
  book: Book;
  /** How the file was read, for the notice (encoding and separator of a CSV). */
  how: string | null;
  /** What the person should look at: cells left as text in a column of numbers, rules not taken. */
  warnings: string[];
}

function csvWarnings(read: CsvRead, file: string, sheet: string, lang: Lang, locale: string): string[] {
  return read.mixed.map((m) => {
    const shown = m.cells.slice(0, 5).map((c) => `${c.a1} ${q(lang, c.text)}`);
    const more = m.cells.length - shown.length;
    const list = `${shown.join(', ')}${more > 0 ? (lang === 'fr' ? ` et ${more} autre(s)` : ` and ${more} more`) : ''}`;
    const head = m.header ? ` (${q(lang, m.header)})` : '';
    return where(
      lang,
      file,
      { sheet, column: `${m.column}${head}` },
      lang === 'fr'
        ? m.cells.length === 1
          ? `1 cellule reste du texte dans une colonne de nombres ou de dates, car elle ne se lit pas ainsi en ${locale} : ${list}. Corrigez-la dans le fichier (ou tapez-la dans la grille).`
          : `${m.cells.length} cellules restent du texte dans une colonne de nombres ou de dates, car elles ne se lisent pas ainsi en ${locale} : ${list}. Corrigez-les dans le fichier (ou tapez-les dans la grille).`
        : m.cells.length === 1
          ? `1 cell stays text in a column of numbers or dates, as it does not read as one in ${locale}: ${list}. Fix it in the file (or type it on the grid).`
          : `${m.cells.length} cells stay text in a column of numbers or dates, as they do not read as such in ${locale}: ${list}. Fix them in the file (or type them on the grid).`,
    );
  });
}

/**
 * Reads an opened file for a workbook in `locale`. Throws FileRefused with a message naming the
 * file (and the sheet, row and column when the trouble is in one).
 */
export async function readWorkbookFile(
  bytes: Buffer,
  fileName: string,
  lang: Lang,
  locale: string,
): Promise<OpenedFile> {
  const refuse = (why: string, place: Parameters<typeof where>[2] = {}) =>
    new FileRefused(where(lang, fileName, place, why));
  if (bytes.length === 0) throw refuse(say('empty', lang));
  if (bytes.length > MAX_BYTES) throw refuse(say('tooBig', lang));
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  let opened: OpenedFile;
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw refuse(say('xls', lang));
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw refuse(say('notXlsx', lang));
    let read: Awaited<ReturnType<typeof readXlsx>>;
    try {
      read = await readXlsx(bytes, locale);
    } catch (e) {
      throw refuse(say('badXlsx', lang) + (e instanceof Error ? e.message : String(e)));
    }
    const warnings = read.skipped.length
      ? [
          where(
            lang,
            fileName,
            {},
            lang === 'fr'
              ? `ces règles n'ont pas d'équivalent dans Google Sheets et ne sont pas reprises : ${read.skipped.join(' ; ')}.`
              : `these rules have no Google Sheets equivalent and are left out: ${read.skipped.join('; ')}.`,
          ),
        ]
      : [];
    opened = { book: read.book, how: null, warnings };
  } else if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
    const name = sheetName(fileName.replace(/\.[^.]+$/, '') || 'CSV', new Set());
    let read: CsvRead;
    try {
      read = readCsv(bytes, name, locale);
    } catch (e) {
      if (e instanceof CsvError) throw new FileRefused(csvMessage(e, fileName, lang));
      throw e;
    }
    const how =
      lang === 'fr'
        ? `${ENCODINGS[read.encoding]}, séparateur ${SEPARATORS[read.separator]?.fr ?? q(lang, read.separator)}`
        : `${ENCODINGS[read.encoding]}, ${SEPARATORS[read.separator]?.en ?? q(lang, read.separator)} separator`;
    opened = { book: read.book, how, warnings: csvWarnings(read, fileName, name, lang, locale) };
  } else if (ext === 'xls') throw refuse(say('xls', lang));
  else throw refuse(say('kind', lang));

  const book = opened.book;
  const taken = new Set<string>();
  let total = 0;
  for (const s of book.sheets) {
    const renamed = sheetName(s.name, taken);
    if (book.activeSheet === s.name) book.activeSheet = renamed;
    s.name = renamed;
    let filled = 0;
    s.values.forEach(
      (line, r) =>
        void line.forEach((v, c) => {
          if (v === null) return;
          filled++;
          const text = typeof v === 'object' ? v.f : typeof v === 'string' ? v : '';
          if (text.length > MAX_CELL_CHARS)
            throw refuse(
              lang === 'fr'
                ? `la cellule dépasse ${MAX_CELL_CHARS.toLocaleString('fr-FR')} caractères, la limite de Google Sheets.`
                : `the cell is over ${MAX_CELL_CHARS.toLocaleString('en-US')} characters, Google Sheets' limit.`,
              { sheet: s.name, row: r + 1, column: letters(c + 1) },
            );
        }),
    );
    if (filled > MAX_CELLS) throw refuse(say('tooMany', lang), { sheet: s.name });
    total += filled;
  }
  if (total === 0) throw refuse(say('noData', lang));
  if (total > MAX_CELLS) throw refuse(say('tooMany', lang));
  return opened;
}

/** The message for a file whose content the workbook could not take (BookLoadError) or anything else. */
export function loadFailure(e: unknown, fileName: string, lang: Lang): string {
  if (e instanceof BookLoadError) return where(lang, fileName, { sheet: e.sheet, row: e.row }, e.why);
  return where(
    lang,
    fileName,
    {},
    `${lang === 'fr' ? 'fichier illisible : ' : 'unreadable file: '}${(e as Error).message}`,
  );
}

/** The workbook as .xlsx (see ./xlsx.ts for what it keeps). */
export function writeWorkbookFile(emu: Emulator): Promise<Buffer> {
  return writeXlsx(bookOf(emu));
}

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * The export's file name: the spreadsheet's name, with only what file names cannot hold
 * replaced (Windows forbids <>:"/\|?* and control characters, and a trailing dot or space):
 * "Opaline Logiciels — pilotage" gives "Opaline Logiciels — pilotage.xlsx".
 */
export function exportFileName(spreadsheetName: string, lang: Lang): string {
  let base = spreadsheetName
    .replace(/[/\\|:]/g, '-')
    .replace(/[<>"?*]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 200)
    .trim();
  if (!base) base = lang === 'fr' ? 'classeur' : 'workbook';
  if (RESERVED.test(base)) base = `${base}_`;
  return `${base}.xlsx`;
}
