import { createEmulator } from '../../emulator';
import { columnToLetters, formatA1, lettersToColumn, parseA1, shiftFormula } from '../../emulator/a1';

describe('A1 notation, as Sheets reads and writes it', () => {
  test.each([
    ['A1', { row: 1, column: 1, numRows: 1, numColumns: 1 }],
    ['B2:D5', { row: 2, column: 2, numRows: 4, numColumns: 3 }],
    ['D5:B2', { row: 2, column: 2, numRows: 4, numColumns: 3 }],
    ['$B$2:$D5', { row: 2, column: 2, numRows: 4, numColumns: 3 }],
    ['A:A', { row: 1, column: 1, numRows: 1000, numColumns: 1, openRows: true }],
    ['B:C', { row: 1, column: 2, numRows: 1000, numColumns: 2, openRows: true }],
    ['2:2', { row: 2, column: 1, numRows: 1, numColumns: 26, openColumns: true }],
    ['3:5', { row: 3, column: 1, numRows: 3, numColumns: 26, openColumns: true }],
    ['A2:A', { row: 2, column: 1, numRows: 999, numColumns: 1, openRows: true }],
  ])('%s', (a1, grid) => {
    expect(parseA1(a1, 1000, 26)).toEqual(grid);
  });

  test('a quoted sheet name, with an escaped quote', () => {
    expect(parseA1("'My sheet'!A1:B2", 1000, 26)).toEqual({
      sheetName: 'My sheet',
      row: 1,
      column: 1,
      numRows: 2,
      numColumns: 2,
    });
    expect(parseA1("'Bob''s KPIs'!C3", 1000, 26)?.sheetName).toBe("Bob's KPIs");
    expect(parseA1('Data!C3', 1000, 26)?.sheetName).toBe('Data');
  });

  test.each(['', 'A', '1', 'A0', 'A1:B2:C3', '2:A', 'A:2', 'hello world'])('not a range: %p', (text) => {
    expect(parseA1(text, 1000, 26)).toBeNull();
  });

  test('column letters both ways', () => {
    for (const [n, letters] of [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [52, 'AZ'],
      [703, 'AAA'],
      [18278, 'ZZZ'],
    ] as const) {
      expect(columnToLetters(n)).toBe(letters);
      expect(lettersToColumn(letters)).toBe(n);
    }
  });

  test.each(['A1', 'B2:D5', 'A:A', 'B:C', '2:2', '3:5', 'A2:A', 'X10:Z12'])('getA1Notation round trip: %s', (a1) => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0];
    expect(sheet.getRange(a1).getA1Notation()).toBe(a1);
    expect(formatA1(parseA1(a1, 1000, 28)!)).toBe(a1);
  });

  test('getA1Notation leaves the sheet name out, as Sheets does; a range from a sheet-qualified A1 lands on that sheet', () => {
    const emu = createEmulator();
    const ss = emu.spreadsheet;
    const mine = ss.insertSheet('My sheet');
    const r = ss.getRange("'My sheet'!A1:B2");
    expect(r.getA1Notation()).toBe('A1:B2');
    expect(r.getSheet().getName()).toBe(mine.getName());
  });

  test('(row, column, numRows, numColumns) ranges are bounded even when they cover whole columns', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0];
    expect(sheet.getRange(1, 1, 1000, 2).getA1Notation()).toBe('A1:B1000');
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
  });

  test('out-of-sheet coordinates throw like Sheets', () => {
    const emu = createEmulator();
    const sheet = emu.spreadsheet.getSheets()[0];
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => emu.spreadsheet.getRange('Nope!A1')).toThrow('Range not found');
    // The message itself has no "Exception: " prefix: that is the error's name in Apps Script logs.
    expect(() => (sheet as unknown as { getRange(row: number): unknown }).getRange(5)).toThrow(
      /^The parameters \(number\) don't match the method signature for SpreadsheetApp\.Sheet\.getRange\.$/,
    );
  });

  test('filling a formula moves relative references only', () => {
    expect(shiftFormula('=SUM(A1:B2)*$C$1+C$1+"A1"', 2, 1)).toBe('=SUM(B3:C4)*$C$1+D$1+"A1"');
    expect(shiftFormula("='My A1'!A1+LOG10(A1)", 1, 0)).toBe("='My A1'!A2+LOG10(A2)");
  });
});
