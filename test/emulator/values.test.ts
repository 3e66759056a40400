import { createEmulator, loadWorkbook } from '../../emulator';

const setup = (opts: Parameters<typeof createEmulator>[0] = {}) => {
  const emu = createEmulator(opts);
  const sheet = emu.spreadsheet.getSheets()[0];
  return { emu, sheet };
};

describe('values behave as in Sheets', () => {
  test('getValues has the range shape; blanks read back as ""', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue(5);
    expect(sheet.getRange('A1:C3').getValues()).toEqual([
      ['', '', ''],
      ['', 5, ''],
      ['', '', ''],
    ]);
    expect(sheet.getRange('D4').getValue()).toBe('');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[''], [''], ['']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '', '']]);
  });

  test('numbers, booleans and strings keep their type', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1.5, true, 'text', -3]]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1.5, true, 'text', -3]]);
  });

  test('strings are read like typed input: numbers, percents, booleans, ISO dates', () => {
    const { sheet } = setup({ timeZone: 'Europe/Paris' });
    sheet.getRange('A1:E1').setValues([['42', '12.5%', 'TRUE', '2025-03-01', 'hello']]);
    const [n, pct, bool, date, text] = sheet.getRange('A1:E1').getValues()[0];
    expect(n).toBe(42);
    expect(pct).toBeCloseTo(0.125, 12);
    expect(bool).toBe(true);
    expect(date).toEqual(new Date('2025-02-28T23:00:00Z')); // midnight in Paris
    expect(text).toBe('hello');
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0.00%');
  });

  test('setValues with the wrong shape throws the real messages', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange('A1:B3').setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setNumberFormats([['0']])).toThrow('The data has 1 but the range has 2.');
    // A 1-D array or a scalar fails Apps Script's signature check, whatever the size of the range.
    expect(() => sheet.getRange('A1:A3').setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => sheet.getRange('A1').setValues('x' as unknown as unknown[][])).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => sheet.getRange('A1').setNumberFormats(['0'] as unknown as string[][])).toThrow(
      "The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setNumberFormats.",
    );
  });

  test('a Date comes back as a Date (midnight-based serial in the spreadsheet time zone) and gets a date format', () => {
    const { sheet, emu } = setup({ timeZone: 'Europe/Paris', locale: 'fr_FR' });
    const midnight = new Date('2025-01-14T23:00:00Z'); // 15 Jan 2025 00:00 in Paris
    sheet.getRange('A1').setValue(midnight);
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect(back).toEqual(midnight);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('dd/MM/yyyy');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('15/01/2025');
    sheet.getRange('A2').setFormula('=A1+1');
    sheet.getRange('A3').setFormula('=DAY(A1)');
    expect(sheet.getRange('A2').getValue()).toEqual(new Date('2025-01-15T23:00:00Z'));
    expect(sheet.getRange('A3').getValue()).toBe(15);
    expect(emu.cell('A1').value).toEqual(midnight);
  });

  test('a date written in one zone is the same wall-clock day read in the same spreadsheet', () => {
    const { sheet } = setup({ timeZone: 'America/New_York' });
    const d = new Date('2025-07-04T04:00:00Z'); // midnight in New York (EDT)
    sheet.getRange('A1').setValue(d);
    sheet.getRange('B1').setFormula('=TEXT(A1, "yyyy-mm-dd")');
    expect(sheet.getRange('A1').getValue()).toEqual(d);
    expect(sheet.getRange('B1').getValue()).toBe('2025-07-04');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('7/4/2025');
  });

  test('a string starting with "=" is a formula; getFormula gives the text exactly as written', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setValue('=SUM( A1:A3 )');
    sheet.getRange('B2').setFormula('=A1*10');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM( A1:A3 )');
    expect(sheet.getRange('B2').getValue()).toBe(10);
    expect(sheet.getRange('A1:B2').getFormulas()).toEqual([
      ['', '=SUM( A1:A3 )'],
      ['', '=A1*10'],
    ]);
  });

  test('setFormula on several cells moves relative references, as filling does', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*2');
    expect(sheet.getRange('B1:B3').getFormulas()).toEqual([['=A1*2'], ['=A2*2'], ['=A3*2']]);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[2], [4], [6]]);
  });

  test("a leading ' stores text; plain text format (@) stores '=' strings as text", () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue("'=1+1");
    sheet.getRange('A2').setValue("'0042");
    sheet.getRange('A3').setNumberFormat('@').setValue('=1+1');
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['=1+1'], ['0042'], ['=1+1']]);
    expect(sheet.getRange('A1:A3').getFormulas()).toEqual([[''], [''], ['']]);
  });

  test('formulas are computed; bare TRUE/FALSE, cross-sheet references and whole columns work', () => {
    const { emu } = setup();
    loadWorkbook(emu, {
      'Ventes 2025': [
        ['mois', 'CA'],
        ['jan', 100],
        ['fév', 250],
      ],
      Calc: [["=SUM('Ventes 2025'!B:B)", '=IF(TRUE, "yes", "no")', "=COUNTA('Ventes 2025'!A2:A)", '=AND(FALSE, TRUE)']],
    });
    expect(emu.sheetValues('Calc')).toEqual([[350, 'yes', 2, false]]);
    expect(emu.sheetNames()).toEqual(['Ventes 2025', 'Calc']);
  });

  test('formula errors read back as Sheets codes; custom-function messages are kept for inspection', () => {
    const { sheet, emu } = setup();
    sheet.getRange('A1:E1').setFormulas([['=1/0', '=NA()', '=NOFUNC(1)', '=SUM(', '=A1']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['#DIV/0!', '#N/A', '#NAME?', '#ERROR!']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([['#DIV/0!', '#N/A', '#NAME?', '#ERROR!']]);
    expect(emu.cell('A1').error).toEqual({ code: '#DIV/0!', message: expect.any(String) });
  });

  test('SPARKLINE is display-only: its cell reads back as an empty string, its formula is kept', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [3], [2]]);
    sheet.getRange('B1').setFormula('=SPARKLINE(A1:A3, {"charttype","column"})');
    expect(sheet.getRange('B1').getValue()).toBe('');
    expect(sheet.getRange('B1').getFormula()).toBe('=SPARKLINE(A1:A3, {"charttype","column"})');
  });

  test('NOW() and TODAY() follow the emulator clock in the spreadsheet time zone', () => {
    const { sheet, emu } = setup({ timeZone: 'Europe/Paris', now: '2025-03-10T23:30:00Z' });
    sheet.getRange('A1:B1').setFormulas([['=TODAY()', '=NOW()']]);
    expect(sheet.getRange('A1').getValue()).toEqual(new Date('2025-03-10T23:00:00Z')); // 11 March, Paris
    expect(sheet.getRange('B1').getValue()).toEqual(new Date('2025-03-10T23:30:00Z'));
    emu.clock.advance({ days: 1 });
    sheet.getRange('C1').setValue(1); // any edit recomputes volatile functions
    expect(sheet.getRange('A1').getValue()).toEqual(new Date('2025-03-11T23:00:00Z'));
  });

  test('spilled results: values read back, no formula in the spilled cells; getLastRow counts them', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setFormula('=SEQUENCE(4)');
    expect(sheet.getRange('A1:A4').getValues()).toEqual([[1], [2], [3], [4]]);
    expect(sheet.getRange('A1:A4').getFormulas()).toEqual([['=SEQUENCE(4)'], [''], [''], ['']]);
    expect(sheet.getLastRow()).toBe(4);
  });

  test('getDisplayValues applies simple number formats, in the spreadsheet locale', () => {
    const { sheet } = setup({ locale: 'fr_FR' });
    sheet.getRange('A1:E1').setValues([[1234.5, 0.125, 1234.5, true, 1 / 3]]);
    sheet.getRange('A1:E1').setNumberFormats([['#,##0.00', '0.0%', '#,##0 "€"', 'General', 'General']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['1\u202f234,50', '12,5%', '1\u202f235 €', 'VRAI', '0,3333333333'],
    ]);
    const en = setup().sheet;
    en.getRange('A1:C1').setValues([[1234.5, -0.5, 42]]);
    en.getRange('A1:C1').setNumberFormats([['#,##0.00', '0%', '0.0']]);
    expect(en.getRange('A1:C1').getDisplayValues()).toEqual([['1,234.50', '-50%', '42.0']]);
  });

  test('getLastRow/getLastColumn/getDataRange follow content, not formats', () => {
    const { sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('Z100').setBackground('red');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  test('appendRow writes after the last row and grows the sheet when full', () => {
    const { sheet } = setup();
    sheet.appendRow(['a', 1]);
    sheet.appendRow(['b', 2]);
    expect(sheet.getDataRange().getValues()).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    sheet.deleteRows(3, 997);
    expect(sheet.getMaxRows()).toBe(3);
    sheet.appendRow(['c', 3]);
    sheet.appendRow(['d', 4]);
    expect(sheet.getMaxRows()).toBe(4);
    expect(sheet.getLastRow()).toBe(4);
  });

  test('inserting and deleting rows moves values and rewrites formulas that point across', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.insertRowsBefore(2, 2);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([[1], [''], [''], [2], [3]]);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A5)');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(B1:B3)');
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.setFrozenRows(2);
    expect(() => sheet.deleteRows(3, sheet.getMaxRows() - 2)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    sheet.setFrozenColumns(1);
    expect(() => sheet.deleteColumns(2, sheet.getMaxColumns() - 1)).toThrow(
      'Sorry, it is not possible to delete all non-frozen columns.',
    );
  });

  test('renaming a sheet rewrites the formulas that name it', () => {
    const { emu } = setup();
    loadWorkbook(emu, { Data: [[5]], Calc: [['=Data!A1*2']] });
    emu.spreadsheet.getSheetByName('Data')!.setName('Données');
    expect(emu.sheetFormulas('Calc')).toEqual([['=Données!A1*2']]);
    expect(emu.sheetValues('Calc')).toEqual([[10]]);
  });

  test('formats are stored per cell and inspectable', () => {
    const { sheet, emu } = setup();
    sheet
      .getRange('A1:B1')
      .setFontWeight('bold')
      .setBackground('#FFF')
      .setFontColor('red')
      .setHorizontalAlignment('center')
      .setNumberFormat('0.0%')
      .setFontSize(12)
      .setWrap(true);
    sheet.getRange('B1').setFontWeight(null);
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'normal']]);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('A1').getFontColor()).toBe('#ff0000');
    expect(emu.snapshot(sheet.getName()).formats).toEqual({
      A1: {
        fontWeight: 'bold',
        fontColor: '#ff0000',
        horizontalAlignment: 'center',
        numberFormat: '0.0%',
        fontSize: 12,
        wrap: true,
      },
      B1: { fontColor: '#ff0000', horizontalAlignment: 'center', numberFormat: '0.0%', fontSize: 12, wrap: true },
    });
    sheet.getRange('A1:B1').clearFormat();
    expect(emu.snapshot(sheet.getName()).formats).toEqual({});
  });

  test('clear, clearContent, merge, notes', () => {
    const { sheet, emu } = setup();
    sheet
      .getRange('A1:B2')
      .setValues([
        [1, 2],
        [3, 4],
      ])
      .setFontWeight('bold');
    sheet.getRange('A1').setNote('source: CRM');
    sheet.getRange('A2:B2').clearContent();
    expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
    sheet.getRange('A1:B1').merge();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[1, '']]);
    const snap = emu.snapshot(sheet.getName());
    expect(snap.merges).toEqual(['A1:B1']);
    expect(snap.notes).toEqual({ A1: 'source: CRM' });
    sheet.getRange('A1:B2').clear();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getRange('A1').getFontWeight()).toBe('normal');
  });

  test('sheets: insert at index, rename collision, delete, move, hide, active sheet and selection', () => {
    const { emu } = setup();
    const ss = emu.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const kpi = ss.insertSheet('KPI', 0);
    expect(ss.getActiveSheet().getName()).toBe('KPI');
    expect(kpi.getIndex()).toBe(1);
    expect(() => ss.insertSheet('kpi')).toThrow(
      'A sheet with the name "kpi" already exists. Please enter another name.',
    );
    ss.insertSheet();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['KPI', 'Sheet1', 'Sheet2']);
    ss.setActiveSheet(kpi);
    ss.moveActiveSheet(3);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Sheet2', 'KPI']);
    expect(ss.getSheetById(kpi.getSheetId())!.getName()).toBe('KPI');
    ss.deleteSheet(ss.getSheetByName('Sheet2')!);
    kpi.hideSheet();
    expect(kpi.isSheetHidden()).toBe(true);
    expect(() => ss.getSheetByName('Sheet1')!.hideSheet()).toThrow();
    const range = emu.select('KPI!B2:B13');
    expect(range.getA1Notation()).toBe('B2:B13');
    expect(ss.getActiveRange()!.getA1Notation()).toBe('B2:B13');
    expect(ss.getSelection().getActiveRange()!.getSheet().getName()).toBe('KPI');
    expect(emu.services.SpreadsheetApp.getActiveRange().getA1Notation()).toBe('B2:B13');
  });

  test('a French spreadsheet names its first sheet "Feuille 1"', () => {
    const { emu } = setup({ locale: 'fr_FR' });
    expect(emu.sheetNames()).toEqual(['Feuille 1']);
    expect(emu.spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  });

  test('openById finds spreadsheets created in the emulator', () => {
    const { emu } = setup();
    const other = emu.createSpreadsheet('Other');
    const app = emu.services.SpreadsheetApp;
    expect(app.openById(other.getId()).getName()).toBe('Other');
    expect(app.openById(emu.spreadsheet.getId()).getName()).toBe('Boussole test');
    expect(() => app.openById('nope')).toThrow(
      /^Unexpected error while getting the method or property openById on object SpreadsheetApp\.$/,
    );
    expect(app.create('Made by code').getSheets()).toHaveLength(1);
  });
});
