/**
 * One typed-input parser: what a string typed into a cell becomes in the spreadsheet's locale.
 * Expected values are worked by hand from the rules Sheets follows (see emulator/typed-input.ts
 * for the sources), e.g. 15 March 2025 is serial 45731 (days since 1899-12-30).
 */
import fc from 'fast-check';
import { createEmulator } from '../../emulator';
import { editText, parseTypedInput, type TypedInput } from '../../emulator/typed-input';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const MARCH_15_2025 = 45731;

const num = (value: number, format: string | null = null): TypedInput => ({ kind: 'number', value, format });
const text = (t: string, forced = false): TypedInput => ({ kind: 'text', text: t, forced });

describe('fr_FR: numbers as a French person types them', () => {
  const fr = (s: string) => parseTypedInput(s, 'fr_FR');
  test.each([
    ['1234,5', num(1234.5)],
    ['1 234,5', num(1234.5, '#,##0.0')],
    [`1${NBSP}234,5`, num(1234.5, '#,##0.0')],
    [`1${NNBSP}234,5`, num(1234.5, '#,##0.0')],
    ['1 234 567', num(1234567, '#,##0')],
    ['-12,5', num(-12.5)],
    ['\u221212,5', num(-12.5)],
    [',5', num(0.5)],
    ['0123', num(123)],
    ['+7', num(7)],
    ['1,5E3', num(1500)],
    ['  42  ', num(42)],
  ])('%j', (input, expected) => expect(fr(input)).toEqual(expected));

  test.each([
    ['7 791,48 €', 7791.48, '#,##0.00 [$€]'],
    [`7${NBSP}791,48${NBSP}€`, 7791.48, '#,##0.00 [$€]'],
    [`7${NNBSP}791,48${NNBSP}€`, 7791.48, '#,##0.00 [$€]'],
    ['7791,48€', 7791.48, '#,##0.00 [$€]'],
    ['-1 200 €', -1200, '#,##0 [$€]'],
    ['\u22121 200 €', -1200, '#,##0 [$€]'],
    ['€12,5', 12.5, '[$€]#,##0.00'],
  ])('currency %j', (input, value, format) => expect(fr(input)).toEqual(num(value, format)));

  test.each([
    ['12 %', 0.12, '0%'],
    ['12%', 0.12, '0%'],
    [`7,5${NNBSP}%`, 0.075, '0.00%'],
    ['\u221212,5 %', -0.125, '0.00%'],
    ['7 %', 0.07, '0%'],
  ])('percent %j', (input, value, format) => expect(fr(input)).toEqual(num(value, format)));

  test('a dot decimal or a comma grouping is not a French number: it stays text', () => {
    for (const s of ['1234.5', '1,234.5', '1.234,5', '12 34', '1 2345', '1,2,3', '12,5 $ €', '1 234,5 %%'])
      expect(fr(s)).toEqual(text(s));
  });

  test('dates in day-month-year order, ISO, with a time, with a French month name', () => {
    expect(fr('15/03/2025')).toEqual({
      kind: 'date',
      serial: MARCH_15_2025,
      format: 'dd/MM/yyyy',
      time: false,
      date: true,
    });
    expect(fr('15-03-2025')).toMatchObject({ serial: MARCH_15_2025 });
    expect(fr('15.03.2025')).toMatchObject({ serial: MARCH_15_2025 });
    expect(fr('5/3/2025')).toMatchObject({ serial: MARCH_15_2025 - 10 });
    expect(fr('2025-03-15')).toMatchObject({ serial: MARCH_15_2025, format: 'yyyy-mm-dd' });
    expect(fr('15 mars 2025')).toMatchObject({ serial: MARCH_15_2025 });
    expect(fr('1er mars 2025')).toMatchObject({ serial: MARCH_15_2025 - 14 });
    expect(fr('15/03/2025 14:30')).toEqual({
      kind: 'date',
      serial: MARCH_15_2025 + 14.5 / 24,
      format: 'dd/MM/yyyy H:mm:ss',
      time: true,
      date: true,
    });
    expect(fr('14:30')).toEqual({ kind: 'date', serial: 14.5 / 24, format: 'H:mm:ss', time: true, date: false });
  });

  test('impossible or ambiguous dates stay text', () => {
    for (const s of ['31/02/2025', '03/15/2025', '15/03/25', '15/03', '25:00', '2:30 PM', '15 March 2025'])
      expect(fr(s)).toEqual(text(s));
  });

  test('VRAI and FAUX are booleans; TRUE stays text in a French sheet', () => {
    expect(fr('VRAI')).toEqual({ kind: 'boolean', value: true });
    expect(fr('faux')).toEqual({ kind: 'boolean', value: false });
    expect(fr('TRUE')).toEqual(text('TRUE'));
  });
});

describe('en_US: the same values in English', () => {
  const en = (s: string) => parseTypedInput(s, 'en_US');
  test.each([
    ['1234.5', num(1234.5)],
    ['1,234.5', num(1234.5, '#,##0.0')],
    ['-12.5', num(-12.5)],
    ['$1,234.50', num(1234.5, '[$$]#,##0.00')],
    ['-$5', num(-5, '[$$]#,##0')],
    ['$-5', num(-5, '[$$]#,##0')],
    ['-12.5%', num(-0.125, '0.00%')],
  ])('%j', (input, expected) => expect(en(input)).toEqual(expected));

  test('dates month first; 12-hour times; English month names', () => {
    expect(en('3/15/2025')).toMatchObject({ kind: 'date', serial: MARCH_15_2025, format: 'M/d/yyyy' });
    expect(en('March 15, 2025')).toMatchObject({ serial: MARCH_15_2025 });
    expect(en('15-Mar-2025')).toMatchObject({ serial: MARCH_15_2025 });
    expect(en('3/15/2025 2:30 PM')).toMatchObject({ serial: MARCH_15_2025 + 14.5 / 24 });
    expect(en('15/03/2025')).toEqual(text('15/03/2025'));
  });

  test('TRUE/FALSE are booleans; a French number stays text', () => {
    expect(en('true')).toEqual({ kind: 'boolean', value: true });
    expect(en('1 234,5')).toEqual(text('1 234,5'));
    expect(en('1,5')).toEqual(text('1,5'));
    expect(en('VRAI')).toEqual(text('VRAI'));
  });
});

describe('in every locale', () => {
  test.each(['fr_FR', 'en_US', 'de_DE'])('%s: apostrophe, formula, blank', (locale) => {
    expect(parseTypedInput("'0123", locale)).toEqual(text('0123', true));
    expect(parseTypedInput("'TRUE", locale)).toEqual(text('TRUE', true));
    expect(parseTypedInput("'=A1", locale)).toEqual(text('=A1', true));
    expect(parseTypedInput("'", locale)).toEqual({ kind: 'blank' });
    expect(parseTypedInput('', locale)).toEqual({ kind: 'blank' });
    expect(parseTypedInput('=SUM(A1:A3)', locale)).toEqual({ kind: 'formula', formula: '=SUM(A1:A3)' });
    expect(parseTypedInput('=', locale)).toEqual(text('='));
    expect(parseTypedInput(' hello ', locale)).toEqual(text(' hello '));
  });

  test('de_DE groups with a dot and decimals with a comma', () => {
    expect(parseTypedInput('1.234,5', 'de_DE')).toEqual(num(1234.5, '#,##0.0'));
    expect(parseTypedInput('WAHR', 'de_DE')).toEqual({ kind: 'boolean', value: true });
    expect(parseTypedInput('15.03.2025', 'de_DE')).toMatchObject({ serial: MARCH_15_2025 });
  });
});

describe('the formula bar shows the raw value, and typing it back changes nothing', () => {
  test('worked examples', () => {
    expect(editText(76220, '#,##0 [$€]', 'fr_FR')).toBe('76220');
    expect(editText(7791.48, '#,##0.00 [$€]', 'fr_FR')).toBe('7791,48');
    expect(editText(7791.48, '#,##0.00', 'en_US')).toBe('7791.48');
    expect(editText(0.07, '0%', 'fr_FR')).toBe('7%');
    expect(editText(-0.125, '0.00%', 'en_US')).toBe('-12.5%');
    expect(editText(MARCH_15_2025, 'dd/MM/yyyy', 'fr_FR')).toBe('15/03/2025');
    expect(editText(MARCH_15_2025, 'mmm yyyy', 'en_US')).toBe('3/15/2025');
    expect(editText(MARCH_15_2025 + 14.5 / 24, 'dd/MM/yyyy H:mm', 'fr_FR')).toBe('15/03/2025 14:30:00');
    expect(editText(true, 'General', 'fr_FR')).toBe('VRAI');
    expect(editText('0123', 'General', 'fr_FR')).toBe("'0123");
    expect(editText('1234.5', 'General', 'fr_FR')).toBe('1234.5');
    expect(editText('1234.5', 'General', 'en_US')).toBe("'1234.5");
    expect(editText("'quoted", 'General', 'en_US')).toBe("''quoted");
    expect(editText('=not a formula', 'General', 'en_US')).toBe("'=not a formula");
    expect(editText(1e21, 'General', 'fr_FR')).toBe('1E21');
    expect(editText(1.5e-7, 'General', 'fr_FR')).toBe('1,5E-7');
  });

  const same = (locale: string, value: number | string | boolean, format: string): boolean => {
    const typed = parseTypedInput(editText(value, format, locale), locale);
    if (typeof value === 'string') return typed.kind === 'text' && typed.text === value;
    if (typeof value === 'boolean') return typed.kind === 'boolean' && typed.value === value;
    return (
      (typed.kind === 'number' || typed.kind === 'date') &&
      Object.is(typed.kind === 'number' ? typed.value : typed.serial, value === 0 ? 0 : value)
    );
  };

  test.each(['fr_FR', 'en_US', 'de_DE'])(
    '%s: any number, under general, grouped, currency and percent formats',
    (locale) => {
      fc.assert(
        fc.property(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom('General', '#,##0.00', '#,##0 [$€]', '0%', '0.00%'),
          (value, format) => same(locale, value, format),
        ),
      );
    },
  );

  test.each(['fr_FR', 'en_US'])('%s: any date and time to the second', (locale) => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_900_000 }), fc.integer({ min: 0, max: 86_399 }), (d, s) => {
        const serial = (Date.UTC(1899, 11, 30 + d, 0, 0, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
        if (serial < -300_000) return true;
        const y = new Date(Date.UTC(1899, 11, 30 + d)).getUTCFullYear();
        if (y < 1000 || y > 9999) return true;
        return same(locale, serial, 'dd/MM/yyyy H:mm:ss') && same(locale, Math.floor(serial), 'dd/MM/yyyy');
      }),
    );
  });

  test.each(['fr_FR', 'en_US'])('%s: any text', (locale) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.constantFrom('12', '1 234,5', '1,234.5', 'VRAI', 'TRUE', '15/03/2025', '7 %', "'x", '=A1'),
        ),
        (s) => s === '' || same(locale, s, 'General'),
      ),
    );
  });
});

describe('Range.setValue(s) reads strings through the parser, in the spreadsheet locale', () => {
  test('fr_FR', () => {
    const emu = createEmulator({ locale: 'fr_FR' });
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet
      .getRange('A1:H1')
      .setValues([['1 234,5', '7 791,48 €', '−12,5 %', '15/03/2025', "'0123", "'TRUE", 'VRAI', '1234.5']]);
    const [a, b, c, d, e, f, g, h] = sheet.getRange('A1:H1').getValues()[0];
    expect([a, b, c, e, f, g, h]).toEqual([1234.5, 7791.48, -0.125, '0123', 'TRUE', true, '1234.5']);
    expect(d).toEqual(new Date('2025-03-14T23:00:00Z')); // midnight in Paris
    expect(sheet.getRange('A1:D1').getNumberFormats()).toEqual([['#,##0.0', '#,##0.00 [$€]', '0.00%', 'dd/MM/yyyy']]);
    expect(sheet.getRange('B1').getDisplayValue()).toBe(`7${NNBSP}791,48 €`);
  });

  test('en_US; a cell that already has a format keeps it', () => {
    const emu = createEmulator({ locale: 'en_US' });
    const sheet = emu.spreadsheet.getSheets()[0];
    sheet.getRange('A2').setNumberFormat('0.000');
    sheet.getRange('A1:C1').setValues([['$1,234.50', '3/15/2025', 'TRUE']]);
    sheet.getRange('A2').setValue('1,234.5');
    expect(sheet.getRange('A1:C1').getValues()[0].slice(0, 1)).toEqual([1234.5]);
    expect(sheet.getRange('C1').getValue()).toBe(true);
    expect(sheet.getRange('A2').getValue()).toBe(1234.5);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('0.000');
    expect(sheet.getRange('B1').getNumberFormat()).toBe('M/d/yyyy');
  });
});
