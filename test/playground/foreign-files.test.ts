/**
 * Files made by other programs open as they are. Each expected value is read from the fixture's
 * own source (test/fixtures/src/: the OpenDocument file LibreOffice converted, the SheetJS script,
 * the bytes of each CSV), never from a first run of the importer.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../../playground/files';
import { Workbook } from '../../playground/session';

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, '..', 'fixtures');
const bytesOf = (name: string) => readFileSync(join(FIXTURES, name));
const NNBSP = '\u202f';
/** Midnight of a day in Paris (the workbook's zone), as getValue() returns it. */
const parisDay = (iso: string) => new Date(new Date(`${iso}T00:00:00+01:00`).getTime());
/** A formula as the file spells it (OOXML: en_US), and as the French workbook reads it (";", ","). */
const fr = (_inFile: string, inSheet: string) => inSheet;

async function open(name: string, lang: 'fr' | 'en' = 'fr', locale = 'fr_FR') {
  const opened = await readWorkbookFile(bytesOf(name), name, lang, locale);
  const wb = new Workbook({ kind: 'file', name, book: opened.book, locale });
  return { wb, emu: wb.emu, opened };
}

describe('LibreOffice .xlsx (test/fixtures/src/libreoffice-budget.fods)', () => {
  let env: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    env = await open('libreoffice-budget.xlsx');
  });
  afterAll(() => env.wb.dispose());

  test('sheets, with quotes, accents and a hidden one', () => {
    expect(env.emu.sheetNames()).toEqual(["Ventes d'été", 'Données « 2025 »', 'Cachée']);
    expect(env.emu.snapshot('Cachée').hidden).toBe(true);
    expect(env.emu.cell("'Cachée'!A1").value).toBe(42);
    expect(env.opened.warnings).toEqual([]);
  });

  test('a blank row, dates, currencies, percents, text that looks like a number', () => {
    const c = (a1: string) => env.emu.cell(`'Ventes d''été'!${a1}`);
    expect(c('A1')).toMatchObject({ value: 'Mois', style: { fontWeight: 'bold', background: '#fff2cc' } });
    expect(env.emu.sheetValues("Ventes d'été")[1]).toEqual(['', '', '', '', '', '', '']);
    expect(c('A3').value).toEqual(parisDay('2025-01-01'));
    expect(c('A3').display).toBe('01/01/2025');
    expect(c('B3').value).toBe(12345.67);
    expect(c('B3').display).toBe(`12${NNBSP}345,67 €`);
    expect(c('B4').value).toBe(-800.5);
    expect(c('C3')).toMatchObject({ value: 0.125, display: '12,5%' });
    expect(c('D3').value).toBe('0123');
    expect(c('D4').value).toBe('00042');
    expect(c('D5').value).toBe('1 234,5');
    expect(c('E3').value).toBe("Début d'année, « calme »");
  });

  test('formulas in the workbook syntax, computed', () => {
    const c = (a1: string) => env.emu.cell(`'Ventes d''été'!${a1}`);
    expect(c('A5')).toMatchObject({ formula: fr('=DATE(2025,3,1)', '=DATE(2025;3;1)'), value: parisDay('2025-03-01') });
    expect(c('B5')).toMatchObject({ formula: '=SUM(B3:B4)', value: 11545.17 });
    expect(c('C5').formula).toBe(fr('=AVERAGE(C3:C4)*1.5', '=AVERAGE(C3:C4)*1,5'));
    expect(c('C5').value).toBeCloseTo(0.14625, 12);
    expect(c('E5')).toMatchObject({
      formula: fr('=IF(B5>10000,"objectif, atteint","non")', '=IF(B5>10000;"objectif, atteint";"non")'),
      value: 'objectif, atteint',
    });
    expect(env.emu.cell("'Données « 2025 »'!B1")).toMatchObject({ formula: "='Ventes d''été'!B3*2", value: 24691.34 });
  });

  test('sparse cells, merged cells, column widths; booleans, times, a text starting with "="', () => {
    const snap = env.emu.snapshot("Ventes d'été");
    expect(env.emu.cell("'Ventes d''été'!G10").value).toBe('note éloignée');
    expect(env.emu.cell("'Ventes d''été'!F10").value).toBe('');
    expect(snap.merges).toEqual(['A11:C11']);
    expect(env.emu.cell("'Ventes d''été'!A11").value).toBe('Total du trimestre');
    expect(env.emu.cell("'Ventes d''été'!D11")).toMatchObject({ formula: '=B5', value: 11545.17 });
    // <col width="15.32"> and <col width="7.66">: 7 px per character plus 5 px of padding.
    expect(snap.columnWidths).toEqual({ 1: 112, 6: 59 });
    const d = (a1: string) => env.emu.cell(`'Données « 2025 »'!${a1}`);
    expect(d('C1').value).toBe(true);
    expect(d('D1').display).toBe('14:30');
    expect(d('B2').value).toBe(1234567.891);
    expect(d('C2').value).toBe(-0.001);
    expect(d('D2')).toMatchObject({ value: '=pas une formule', formula: '' });
  });
});

describe('SheetJS .xlsx (test/fixtures/src/sheetjs-ventes.cjs)', () => {
  let env: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    env = await open('sheetjs-ventes.xlsx');
  });
  afterAll(() => env.wb.dispose());

  test('values with their types and formats', () => {
    const c = (a1: string) => env.emu.cell(`'Ventes 2025'!${a1}`);
    expect(env.emu.sheetNames()).toEqual(['Ventes 2025', 'L’équipe « RH »']);
    expect(c('B1').value).toBe('Chiffre d’affaires');
    expect(env.emu.sheetValues('Ventes 2025')[1]?.every((v) => v === '')).toBe(true);
    expect(c('A3')).toMatchObject({ value: parisDay('2025-01-01'), display: '01/01/2025' });
    expect(c('B3')).toMatchObject({ value: 7791.48, display: `7${NNBSP}791,48 €` });
    expect(c('B5').value).toBe(-1200.5);
    expect(c('E3')).toMatchObject({ value: 0.125, display: '12,5%' });
    expect(c('C5').value).toBe(false);
    expect([c('F3').value, c('F4').value, c('F5').value]).toEqual(['007', '1e5', 'TRUE']);
    expect(c('F9').value).toBe('fin');
  });

  test('formulas, across sheets whose names need quotes', () => {
    const c = (a1: string) => env.emu.cell(`'Ventes 2025'!${a1}`);
    expect(c('D3')).toMatchObject({ formula: '=B3/C3', value: 7791.48 / 52 });
    expect(c('B7')).toMatchObject({ formula: '=SUM(B3:B5)' });
    expect(c('B7').value).toBeCloseTo(7791.48 + 10250 - 1200.5, 9);
    expect(c('C7')).toMatchObject({
      formula: fr('=IF(SUM(C3:C4)>100,SUM(C3:C4),0)', '=IF(SUM(C3:C4)>100;SUM(C3:C4);0)'),
      value: 113,
    });
    expect(c('D7').value).toBe('objectif, atteint');
    expect(c('E7')).toMatchObject({ formula: "='L’équipe « RH »'!B1+'L’équipe « RH »'!B2", value: 14 });
    expect(env.emu.cell("'L’équipe « RH »'!C1")).toMatchObject({ formula: "='Ventes 2025'!C3*2", value: 104 });
  });

  test('merged cells, a hidden column, widths as the file gives them', async () => {
    const snap = env.emu.snapshot('Ventes 2025');
    expect(snap.merges).toEqual(['A8:C8']);
    expect(snap.hiddenColumns).toEqual([5]);
    const raw = new ExcelJS.Workbook();
    await raw.xlsx.load(bytesOf('sheetjs-ventes.xlsx') as unknown as ArrayBuffer);
    const ws = raw.getWorksheet('Ventes 2025')!;
    const px = (c: number) => Math.round((ws.getColumn(c).width as number) * 7 + 5);
    expect(snap.columnWidths[1]).toBe(px(1));
    expect(snap.columnWidths[2]).toBe(px(2));
  });
});

describe('CSV files', () => {
  const read = (name: string, locale = 'fr_FR', lang: 'fr' | 'en' = 'fr') =>
    readWorkbookFile(bytesOf(name), name, lang, locale);
  const cells = (book: Awaited<ReturnType<typeof read>>['book']) => book.sheets[0]!.values;

  test("Excel's French CSV: Windows-1252, ';', CRLF, quoted ';', '\"' and a line break, amounts with no-break spaces", async () => {
    const { book, how, warnings } = await read('excel-fr-1252.csv');
    expect(how).toBe('Windows-1252, séparateur point-virgule');
    expect(warnings).toEqual([]);
    const v = cells(book);
    expect(v[0]).toEqual(['Date', 'Libellé', 'Montant TTC', 'TVA', 'Catégorie']);
    expect(v[1]).toEqual([45660, 'Hôtel « Le Cœur »', 1234.5, 0.2, 'Déplacements']);
    expect(v[2]).toEqual([45672, 'Traiteur; buffet "équipe"', -89.9, 0.055, 'Réception']);
    expect(v[3]).toEqual([45688, 'Abonnement logiciel\n(janvier)', 7791.48, 0.2, 'Logiciels']);
    expect(v[4]).toEqual([null, null, null, null, null]);
    expect(v[5]).toEqual([45716, 'Total', 8936.08, null, null]);
    expect(book.sheets[0]!.styles).toMatchObject({
      A2: { numberFormat: 'dd/MM/yyyy' },
      C2: { numberFormat: '#,##0.00 [$€]' },
      D2: { numberFormat: '0.00%' },
      D4: { numberFormat: '0%' },
    });
  });

  test('UTF-8 with a BOM, narrow no-break spaces, a Unicode minus; a column mixing formats is reported per cell', async () => {
    const { book, how, warnings } = await read('export-fr-utf8-bom.csv');
    expect(how).toBe('UTF-8 (BOM), séparateur point-virgule');
    const v = cells(book);
    expect(v[1]).toEqual([45658, 12345.67, 0.125, 52, 123]);
    expect(v[2]).toEqual([45689, -1200, -0.125, 61, 42]);
    expect(v[3]).toEqual([45717, 9876.5, 0.07, 58, 7]);
    expect(v[4]).toEqual([45748, '1,234.50', 0.08, 63, 100]);
    expect(v[5]).toEqual([45778, 10500, true, 70, 200]);
    expect(warnings).toEqual([
      '« export-fr-utf8-bom.csv », feuille « export-fr-utf8-bom », colonne B (« CA ») : 1 cellule reste du texte dans une colonne de nombres ou de dates, car elle ne se lit pas ainsi en fr_FR : B5 « 1,234.50 ». Corrigez-la dans le fichier (ou tapez-la dans la grille).',
    ]);
  });

  test('an English CSV in an en_US workbook', async () => {
    const { book, how, warnings } = await read('export-en.csv', 'en_US', 'en');
    expect(how).toBe('UTF-8, comma separator');
    expect(warnings).toEqual([]);
    const v = cells(book);
    expect(v[0]).toEqual(['Month', 'Revenue', 'Margin', 'Customers', 'Note']);
    expect(v[1]).toEqual([45731, 1234.5, 0.125, 52, 'ok, fine']);
    expect(v[2]).toEqual([45762, 980, -0.03, 49, true]);
    expect(book.sheets[0]!.styles).toMatchObject({
      A2: { numberFormat: 'M/d/yyyy' },
      B3: { numberFormat: '[$$]#,##0' },
    });
  });

  test("Excel's Unicode Text (UTF-16, tabs) and LibreOffice's CSV (Windows-1252, values as shown)", async () => {
    const tab = await read('unicode-text.txt');
    expect(tab.how).toBe('UTF-16, séparateur tabulation');
    expect(cells(tab.book)).toEqual([
      ['Mois', 'CA', 'Clients'],
      [45658, 1234.5, 52],
      [45689, 2000, 61],
    ]);
    const lo = await read('libreoffice-ventes-1252.csv');
    expect(lo.how).toBe('Windows-1252, séparateur point-virgule');
    const v = cells(lo.book);
    expect(v[0]?.slice(0, 5)).toEqual(['Mois', 'CA', 'Marge', 'Code client', 'Commentaire']);
    expect(v[1]?.every((x) => x === null)).toBe(true);
    expect(v[2]?.slice(0, 5)).toEqual([45658, 12345.67, 0.125, 123, "Début d'année, « calme »"]);
    expect(v[4]?.slice(0, 5)).toEqual([45717, 11545.17, 0.146, 1234.5, 'objectif, atteint']);
    expect(v[9]?.[6]).toBe('note éloignée');
    expect(v[10]?.slice(0, 4)).toEqual(['Total du trimestre', null, null, 11545.17]);
  });

  test('a French CSV opens into a workbook: typed values, their formats, the grid shows them in French', async () => {
    const { wb, emu } = await open('excel-fr-1252.csv');
    try {
      expect(emu.cell('excel-fr-1252!C2')).toMatchObject({ value: 1234.5, display: `1${NNBSP}234,50 €` });
      expect(emu.cell('excel-fr-1252!A2')).toMatchObject({ value: parisDay('2025-01-03'), display: '03/01/2025' });
      expect(emu.cell('excel-fr-1252!D3')).toMatchObject({ value: 0.055, display: '5,50%' });
    } finally {
      wb.dispose();
    }
  });
});

describe('a file that cannot be read is refused with where and why', () => {
  const refusal = (name: string, bytes: Buffer, lang: 'fr' | 'en' = 'fr') =>
    readWorkbookFile(bytes, name, lang, lang === 'fr' ? 'fr_FR' : 'en_US').then(
      () => 'opened',
      (e: Error) => e.message,
    );

  test('a quote never closed: the row and column it opened at', async () => {
    const csv = Buffer.from(
      'Mois;CA;Note\r\n01/01/2025;12;ok\r\n01/02/2025;13;"oubli\r\n01/03/2025;14;fin\r\n',
      'utf8',
    );
    expect(await refusal('ventes.csv', csv)).toBe(
      '« ventes.csv », ligne 3, colonne C : Un champ ouvert par un guillemet (") n\'est jamais refermé : tout le reste du fichier y tomberait. Ajoutez le guillemet fermant.',
    );
    expect(await refusal('sales.csv', csv, 'en')).toBe(
      '"sales.csv", row 3, column C: A field opened with a quote (") is never closed: the rest of the file would fall into it. Add the closing quote.',
    );
  });

  test('a cell over 50,000 characters: the sheet, row and column', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Feuil1').getCell('A1').value = 'ok';
    wb.addWorksheet('Notes').getCell('C7').value = 'x'.repeat(50_001);
    const bytes = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await refusal('long.xlsx', bytes)).toBe(
      '« long.xlsx », feuille « Notes », ligne 7, colonne C : La cellule dépasse 50\u202f000 caractères, la limite de Google Sheets.',
    );
  });

  test('the messages the playground already gave keep their words, now with the file name', async () => {
    expect(await refusal('budget.xlsx', Buffer.from('PK\u0003\u0004 not a zip'))).toMatch(
      /^« budget\.xlsx » : Ce classeur \.xlsx est endommagé et n'a pas pu être lu : /,
    );
    expect(await refusal('photo.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(
      "« photo.xlsx » : Ce fichier n'est pas un classeur .xlsx lisible (ce n'est pas une archive Office Open XML). Enregistrez-le au format Excel .xlsx ou CSV, puis réessayez.",
    );
    expect(await refusal('rapport.pdf', Buffer.from('%PDF-1.7'))).toBe(
      '« rapport.pdf » : Seuls les fichiers .xlsx et .csv peuvent être ouverts.',
    );
    expect(await refusal('binaire.csv', Buffer.from([0x41, 0x00, 0x42]))).toBe(
      "« binaire.csv » : Ce fichier .csv n'est pas du texte (il contient des octets binaires) : est-ce vraiment un CSV ?",
    );
    expect(await refusal('vide.csv', Buffer.from(';;\r\n;;\r\n'))).toBe(
      '« vide.csv » : Ce fichier ne contient aucune cellule remplie : rien à ouvrir.',
    );
  });
});
