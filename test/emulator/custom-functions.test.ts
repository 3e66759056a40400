import { createEmulator, loadWorkbook } from '../../emulator';

const data = [
  ['mois', 'dépenses', 'nouveaux clients'],
  ['jan', 1000, 10],
  ['fév', 2000, 20],
  ['mar', 3000, 0],
];

describe("Boussole's custom functions computed in the emulated workbook", () => {
  test('=CAC(B2:B4, C2:C4) is 200', () => {
    const emu = createEmulator();
    loadWorkbook(emu, { Data: data });
    const sheet = emu.spreadsheet.getSheetByName('Data')!;
    sheet.getRange('E2').setFormula('=CAC(B2:B4, C2:C4)');
    expect(sheet.getRange('E2').getValue()).toBe(200);
    expect(sheet.getRange('E2').getFormula()).toBe('=CAC(B2:B4, C2:C4)');
  });

  test('=CAC(B2:B4, C2:C4, TRUE) spills 100, 100, "" down the column', () => {
    const emu = createEmulator();
    loadWorkbook(emu, { Data: data });
    const sheet = emu.spreadsheet.getSheetByName('Data')!;
    sheet.getRange('E2').setFormula('=CAC(B2:B4, C2:C4, TRUE)');
    expect(sheet.getRange('E2:E5').getValues()).toEqual([[100], [100], [''], ['']]);
    expect(sheet.getRange('E2:E4').getFormulas()).toEqual([['=CAC(B2:B4, C2:C4, TRUE)'], [''], ['']]);
  });

  test('values follow the data: editing a cell recomputes', () => {
    const emu = createEmulator();
    loadWorkbook(emu, { Data: data });
    const sheet = emu.spreadsheet.getSheetByName('Data')!;
    sheet.getRange('E2').setFormula('=CAC(B2:B4, C2:C4)');
    sheet.getRange('C4').setValue(30);
    expect(sheet.getRange('E2').getValue()).toBe(100);
  });

  test('a custom function error reads back as #ERROR!, with its message in English for an en_US spreadsheet', () => {
    const emu = createEmulator({ locale: 'en_US' });
    loadWorkbook(emu, {
      Data: [
        ['spend', 'new'],
        [1000, 0],
        [2000, 0],
      ],
    });
    emu.spreadsheet.getSheetByName('Data')!.getRange('D2').setFormula('=CAC(A2:A3, B2:B3)');
    const cell = emu.cell('Data!D2');
    expect(cell.value).toBe('#ERROR!');
    expect(cell.display).toBe('#ERROR!');
    expect(cell.error?.message).toMatch(/no new customers/);
  });

  test('in an fr_FR spreadsheet the message is in French, and switches with the locale', () => {
    const emu = createEmulator({ locale: 'fr_FR' });
    loadWorkbook(emu, {
      Données: [
        ['dépenses', 'nouveaux'],
        [1000, 0],
        [2000, 0],
      ],
    });
    const ss = emu.spreadsheet;
    ss.getSheetByName('Données')!.getRange('D2').setFormula('=CAC(A2:A3; B2:B3)');
    const fr = emu.cell('Données!D2').error?.message ?? '';
    expect(emu.cell('Données!D2').value).toBe('#ERROR!');
    expect(fr).toMatch(/client/i);
    expect(fr).not.toMatch(/no new customers/);
    ss.setSpreadsheetLocale('en_GB');
    expect(emu.cell('Données!D2').error?.message).toMatch(/no new customers/);
    expect(emu.cell('Données!D2').formula).toBe('=CAC(A2:A3,B2:B3)');
  });

  test('dates in cells reach custom functions as Date values and engine date functions work on them', () => {
    const emu = createEmulator({ timeZone: 'Etc/GMT' });
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue(new Date('2025-01-31T00:00:00Z'));
    sheet.getRange('B1').setFormula('=EOMONTH(A1, 1)');
    expect(sheet.getRange('B1').getValue()).toEqual(new Date('2025-02-28T00:00:00Z'));
  });
});

describe('custom functions given to the emulator', () => {
  test('receive a date cell as the Date of its midnight in the spreadsheet time zone, blanks as ""', () => {
    const seen: unknown[] = [];
    const emu = createEmulator({
      timeZone: 'Europe/Paris',
      customFunctions: [
        {
          name: 'PEEK',
          params: [{ name: 'x' }],
          array: 'value',
          call: (x) => {
            seen.push(x);
            return 1;
          },
        },
      ],
    });
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange('A1').setValue(new Date('2025-01-14T23:00:00Z'));
    sheet.getRange('B1').setFormula('=PEEK(A1:A2)');
    expect(sheet.getRange('B1').getValue()).toBe(1);
    expect(seen.at(-1)).toEqual([[new Date('2025-01-14T23:00:00Z')], ['']]);
  });
});

describe('an error names the sheet row, read from the calling formula', () => {
  const setup = (locale: string) => {
    const emu = createEmulator({ locale });
    loadWorkbook(emu, {
      Ventes: [
        ['mois', 'dépenses', 'nouveaux'],
        ['jan', 1000, 10],
        ['fév', 2000, 20],
        ['mars', 'abc', 30],
        ['avr', 4000, 40],
      ],
    });
    return { emu, sheet: emu.spreadsheet.getSheetByName('Ventes')! };
  };

  test('fr_FR: French argument name, row 4 of the sheet (position 3 of B2:B5)', () => {
    const { emu, sheet } = setup('fr_FR');
    sheet.getRange('E2').setFormula('=CAC(B2:B5; C2:C5)');
    sheet.getRange('E3').setFormula('=IFERROR(CAC(Ventes!$B$2:$B$5; C2:C5; TRUE); "")');
    expect(emu.cell('Ventes!E2').error?.message).toBe(
      "CAC\u00a0: dépenses, ligne 4\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
    );
    // IFERROR catches it: the message is not shown, the value is "".
    expect(emu.cell('Ventes!E3').value).toBe('');
    sheet.getRange('E4').setFormula('=CAC(Ventes!$B$2:$B$5; C2:C5; TRUE)');
    expect(emu.cell('Ventes!E4').error?.message).toBe(
      "CAC\u00a0: dépenses, ligne 4\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
    );
  });

  test('en_US: row 4; a range given through an expression keeps the position, said as such', () => {
    const { emu, sheet } = setup('en_US');
    sheet.getRange('E2').setFormula('=CAC(B2:B5, C2:C5)');
    expect(emu.cell('Ventes!E2').error?.message).toBe('CAC: spend, row 4: "abc" is not a number');
    sheet.getRange('E3').setFormula('=CAC(ARRAYFORMULA(IF(B2:B5="", "", B2:B5)), C2:C5)');
    expect(emu.cell('Ventes!E3').error?.message).toBe('CAC: spend, row 3 of the range: "abc" is not a number');
  });

  test('a row of values names the sheet column', () => {
    const { emu, sheet } = setup('en_US');
    sheet.getRange('A8:E8').setValues([[1, 2, 'x', 4, '=KPI_TREND(A8:D8)']]);
    expect(emu.cell('Ventes!E8').error?.message).toBe('KPI_TREND: values, column C: "x" is not a number');
  });
});
