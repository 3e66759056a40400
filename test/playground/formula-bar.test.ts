/**
 * The formula bar shows a value as it can be typed back (issue #9): for every literal cell of the
 * sample workbook, in French and in English, typing the formula bar's text into the cell leaves
 * the whole sheet as it was (values, formats, display).
 */
import { Workbook } from '../../playground/session';
import { sheetView } from '../../playground/view';

let wb: Workbook;
beforeAll(() => {
  wb = new Workbook();
});
afterAll(() => wb.dispose());

test.each(['fr', 'en'] as const)('%s: Enter on every unchanged literal cell changes nothing', (lang) => {
  if (lang === 'en') wb.apply({ t: 'lang', lang: 'en' }, false);
  const emu = wb.emu;
  let edited = 0;
  for (const name of emu.sheetNames()) {
    const before = emu.snapshot(name);
    const view = sheetView(emu, name, false);
    const ss = emu.spreadsheet;
    const sheet = ss.getSheetByName(name)!;
    // One setValues per sheet (cell by cell would recompute the dashboards thousands of times): each
    // literal cell gets its formula bar's text, formulas themselves, blanks and spilled cells ''.
    const texts = view.cells.map((row) =>
      Array.from({ length: view.cols }, (_, c) => {
        const cell = row[c];
        if (!cell) return '';
        if (cell.f) return cell.f;
        if (cell.of || cell.v === '') return '';
        edited++;
        return cell.i ?? cell.v;
      }),
    );
    sheet.getRange(1, 1, texts.length, view.cols).setValues(texts);
    emu.endExecution();
    const after = emu.snapshot(name);
    expect({ name, values: after.values, formats: after.formats, display: after.display }).toEqual({
      name,
      values: before.values,
      formats: before.formats,
      display: before.display,
    });
  }
  expect(edited).toBeGreaterThan(2000);
});
