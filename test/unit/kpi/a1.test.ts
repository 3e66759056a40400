import fc from 'fast-check';
import {
  columnLetters,
  columnNumber,
  formatA1,
  parseA1,
  quoteSheetName,
  seriesShape,
  type A1Range,
} from '../../../src/core/kpi';

describe('parseA1', () => {
  test.each<[string, A1Range]>([
    ['B2', { startRow: 2, startCol: 2, endRow: 2, endCol: 2 }],
    ['b2:c3', { startRow: 2, startCol: 2, endRow: 3, endCol: 3 }],
    ['$B$2:$B$25', { startRow: 2, startCol: 2, endRow: 25, endCol: 2 }],
    ['AA10', { startRow: 10, startCol: 27, endRow: 10, endCol: 27 }],
    ['ZZZ1', { startRow: 1, startCol: 18278, endRow: 1, endCol: 18278 }],
    ['Ventes!B2:B25', { sheet: 'Ventes', startRow: 2, startCol: 2, endRow: 25, endCol: 2 }],
    ["'Ventes'!B2:B25", { sheet: 'Ventes', startRow: 2, startCol: 2, endRow: 25, endCol: 2 }],
    ["'Ventes 2024'!B2:B25", { sheet: 'Ventes 2024', startRow: 2, startCol: 2, endRow: 25, endCol: 2 }],
    ["'L''été'!A1", { sheet: "L'été", startRow: 1, startCol: 1, endRow: 1, endCol: 1 }],
    ["'It''s ''Q1'''!$A$1:$B$3", { sheet: "It's 'Q1'", startRow: 1, startCol: 1, endRow: 3, endCol: 2 }],
    ["'a!b'!C4", { sheet: 'a!b', startRow: 4, startCol: 3, endRow: 4, endCol: 3 }],
    ['Été_2024!A1', { sheet: 'Été_2024', startRow: 1, startCol: 1, endRow: 1, endCol: 1 }],
    ['B:B', { startRow: 1, startCol: 2, endRow: null, endCol: 2 }],
    ['B:D', { startRow: 1, startCol: 2, endRow: null, endCol: 4 }],
    ['2:5', { startRow: 2, startCol: 1, endRow: 5, endCol: null }],
    ['Ventes!B2:B', { sheet: 'Ventes', startRow: 2, startCol: 2, endRow: null, endCol: 2 }],
    ['B9:A2', { startRow: 2, startCol: 1, endRow: 9, endCol: 2 }],
    ['  Ventes!B2  ', { sheet: 'Ventes', startRow: 2, startCol: 2, endRow: 2, endCol: 2 }],
  ])('%s', (ref, expected) => {
    expect(parseA1(ref)).toEqual(expected);
  });

  test.each([
    '',
    'B',
    '2',
    'B0',
    'AAAA1',
    'A10000001',
    'Ventes!',
    '!B2',
    "'Ventes!B2", // unterminated quote
    "'L'été'!A1", // inner quote not doubled
    "''!A1", // empty sheet name
    "'   '!A1", // blank sheet name
    'Ventes 2024!B2', // a name with a space must be quoted
    '2024!B2', // a name starting with a digit must be quoted
    'Ventes B2',
    'B2:C3:D4',
    'B2;B3',
    'R1C1',
    'B2:2',
    'Ventes!!B2',
    `'${'x'.repeat(101)}'!A1`, // sheet names are at most 100 characters
  ])('rejects %p', (ref) => {
    expect(parseA1(ref)).toBeNull();
  });

  test('rejects what is not a string', () => {
    for (const v of [null, undefined, 12, {}, ['B2']]) expect(parseA1(v)).toBeNull();
  });
});

describe('column letters', () => {
  test.each([
    ['A', 1],
    ['Z', 26],
    ['AA', 27],
    ['AZ', 52],
    ['BA', 53],
    ['ZZ', 702],
    ['AAA', 703],
    ['ZZZ', 18278],
  ])('%s = %d', (letters, n) => {
    expect(columnNumber(letters)).toBe(n);
    expect(columnLetters(n)).toBe(letters);
  });
});

describe('quoteSheetName and formatA1', () => {
  test.each([
    ['Ventes', 'Ventes'],
    ['Ventes 2024', "'Ventes 2024'"],
    ["L'été", "'L''été'"],
    ['Q1', "'Q1'"], // looks like a cell
    ['Été', "'Été'"],
  ])('%s → %s', (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
  });

  test('writes back the usual shapes', () => {
    expect(formatA1({ sheet: 'Ventes 2024', startRow: 2, startCol: 2, endRow: 25, endCol: 2 })).toBe(
      "'Ventes 2024'!B2:B25",
    );
    expect(formatA1({ startRow: 3, startCol: 1, endRow: 3, endCol: 1 })).toBe('A3');
    expect(formatA1({ startRow: 1, startCol: 2, endRow: null, endCol: 3 })).toBe('B:C');
    expect(formatA1({ startRow: 2, startCol: 2, endRow: null, endCol: 2 })).toBe('B2:B');
    expect(formatA1({ startRow: 2, startCol: 1, endRow: 5, endCol: null })).toBe('2:5');
  });

  test('property: parseA1(formatA1(r)) gives r back', () => {
    const sheet = fc.option(
      fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim() !== ''),
      { nil: undefined },
    );
    const range = fc
      .record({
        sheet,
        r1: fc.integer({ min: 1, max: 10_000_000 }),
        r2: fc.integer({ min: 1, max: 10_000_000 }),
        c1: fc.integer({ min: 1, max: 18278 }),
        c2: fc.integer({ min: 1, max: 18278 }),
        shape: fc.constantFrom('block', 'columns', 'rows', 'open'),
      })
      .map(({ sheet, r1, r2, c1, c2, shape }): A1Range => {
        const rows = { startRow: Math.min(r1, r2), endRow: Math.max(r1, r2) as number | null };
        const cols = { startCol: Math.min(c1, c2), endCol: Math.max(c1, c2) as number | null };
        const r: A1Range =
          shape === 'columns'
            ? { startRow: 1, endRow: null, ...cols }
            : shape === 'rows'
              ? { ...rows, startCol: 1, endCol: null }
              : shape === 'open'
                ? { startRow: rows.startRow, endRow: null, ...cols }
                : { ...rows, ...cols };
        return sheet === undefined ? r : { sheet, ...r };
      });
    fc.assert(
      fc.property(range, (r) => {
        expect(parseA1(formatA1(r))).toEqual(r);
      }),
    );
  });
});

describe('seriesShape', () => {
  const shape = (ref: string) => seriesShape(parseA1(ref)!);
  test('columns, rows, cells, blocks', () => {
    expect(shape('B2:B25')).toEqual({ orientation: 'column', length: 24, start: 2 });
    expect(shape('B2:M2')).toEqual({ orientation: 'row', length: 12, start: 2 });
    expect(shape('B2')).toEqual({ orientation: 'cell', length: 1, start: 2 });
    expect(shape('B2:B')).toEqual({ orientation: 'column', length: null, start: 2 });
    expect(shape('B2:C3')).toBeNull();
    expect(shape('B:C')).toBeNull();
  });
});
