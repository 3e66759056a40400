/**
 * The emulator reads formulas as Google does: in the spreadsheet's locale syntax (";" "," "\" in
 * fr_FR, de_DE…; "," "." "," in en_US…). The wrong syntax reads back #ERROR! with Sheets'
 * "Formula parse error." (ISA-tools/OntoMaton #15/#36, googleapis/google-api-nodejs-client #1994).
 */
import { createEmulator } from '../../emulator';

const setup = (locale: string, formulaReading?: 'strict' | 'lenient') => {
  const emu = createEmulator({ locale, formulaReading });
  const sheet = emu.spreadsheet.getSheets()[0]!;
  sheet.getRange('A1:B1').setValues([[2, 3]]);
  return { emu, sheet, name: sheet.getName() };
};

const parseError = { code: '#ERROR!', message: 'Formula parse error.' };

describe.each(['fr_FR', 'de_DE', 'pt_BR'])('a %s spreadsheet', (locale) => {
  test('computes formulas in its own syntax, decimals with ","', () => {
    const { sheet } = setup(locale);
    sheet.getRange('C1').setFormula('=SUM(A1;B1)');
    sheet.getRange('C2').setFormula('=ROUND(A1*1,25;1)');
    sheet.getRange('C3').setValue('=IF(A1>B1;"oui";"non")');
    sheet.getRange('D1:D2').setValues([['=MAX(A1:B1;10)'], ['=0,5*A1']]);
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[5], [2.5], ['non']]);
    expect(sheet.getRange('D1:D2').getValues()).toEqual([[10], [1]]);
    expect(sheet.getRange('C2').getFormula()).toBe('=ROUND(A1*1,25;1)');
  });

  test('reads a comma formula as Sheets does: #ERROR!, "Formula parse error.", the text kept', () => {
    const { emu, sheet, name } = setup(locale);
    sheet.getRange('C1').setFormula('=SUM(A1,B1)');
    sheet.getRange('C2').setValues([['=IF(A1>0.5,1,0)']]);
    sheet.getRange('C3').setValue('=0.5*A1');
    expect(sheet.getRange('C1:C3').getValues()).toEqual([['#ERROR!'], ['#ERROR!'], ['#ERROR!']]);
    expect(emu.cell(`${name}!C1`).error).toEqual(parseError);
    expect(emu.cell(`${name}!C3`).error).toEqual(parseError);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(A1,B1)');
  });

  test('arrays use "\\" between columns and ";" between rows', () => {
    const { sheet } = setup(locale);
    sheet.getRange('A3').setFormula('={1\\2;3\\4}');
    expect(sheet.getRange('A3:B4').getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('D3').setFormula('={1,5\\2}');
    expect(sheet.getRange('D3:E3').getValues()).toEqual([[1.5, 2]]);
  });

  test('moved references are written back in its syntax', () => {
    const { sheet } = setup(locale);
    sheet.getRange('C1').setFormula('=SUM(A1;B1)');
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('C2').getFormula()).toBe('=SUM(A2;B2)');
    expect(sheet.getRange('C2').getValue()).toBe(5);
  });

  test('a custom-formula rule in the wrong syntax is refused, one in its syntax accepted', () => {
    const { emu, sheet } = setup(locale);
    const { SpreadsheetApp } = emu.services;
    const rule = (f: string) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied(f)
        .setBackground('#ff0000')
        .setRanges([sheet.getRange('A1:B1')])
        .build();
    expect(() => sheet.setConditionalFormatRules([rule('=AND(ISNUMBER(A1),A1>0)')])).toThrow('Formula parse error.');
    sheet.setConditionalFormatRules([rule('=AND(ISNUMBER(A1);A1>0)')]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);
    const validation = (f: string) => SpreadsheetApp.newDataValidation().requireFormulaSatisfied(f).build();
    expect(() => sheet.getRange('A2').setDataValidation(validation('=OR(A2>0,A2<-1)'))).toThrow('Formula parse error.');
    sheet.getRange('A2').setDataValidation(validation('=OR(A2>0;A2<-1)'));
  });
});

describe('an en_US spreadsheet', () => {
  test('computes comma formulas and refuses semicolon, "\\" and decimal-comma ones', () => {
    const { emu, sheet, name } = setup('en_US');
    sheet.getRange('C1:C4').setValues([['=SUM(A1,B1)'], ['=SUM(A1;B1)'], ['={1\\2}'], ['=ROUND(A1*1.25,1)']]);
    expect(sheet.getRange('C1:C4').getValues()).toEqual([[5], ['#ERROR!'], ['#ERROR!'], [2.5]]);
    expect(emu.cell(`${name}!C2`).error).toEqual(parseError);
  });
});

describe('changing the locale', () => {
  test('shows every formula in the new syntax; one that never parsed stays as typed', () => {
    const { sheet } = setup('en_US');
    sheet.getRange('C1:C3').setValues([['=IF(A1>0.5,SUM(A1:B1),0)'], ['={1,2}'], ['=SUM(A1;B1)']]);
    sheet.getParent().setSpreadsheetLocale('fr_FR');
    expect(sheet.getRange('C1:C3').getFormulas()).toEqual([['=IF(A1>0,5;SUM(A1:B1);0)'], ['={1\\2}'], ['=SUM(A1;B1)']]);
    expect(sheet.getRange('C1').getValue()).toBe(5);
    expect(sheet.getRange('C2:D2').getValues()).toEqual([[1, 2]]);
    sheet.getParent().setSpreadsheetLocale('en_GB');
    expect(sheet.getRange('C1').getFormula()).toBe('=IF(A1>0.5,SUM(A1:B1),0)');
  });
});

describe('the lenient reading (an option, never the default)', () => {
  test("also reads the other group's syntax", () => {
    const { sheet } = setup('fr_FR', 'lenient');
    sheet.getRange('C1:C2').setValues([['=SUM(A1,B1)'], ['=SUM(A1;B1)']]);
    expect(sheet.getRange('C1:C2').getValues()).toEqual([[5], [5]]);
  });
});
