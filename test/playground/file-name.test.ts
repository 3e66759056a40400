/** The export's file name is the spreadsheet's, with only what file names cannot hold replaced. */
import { exportFileName } from '../../playground/files';

test.each([
  ['Opaline Logiciels — pilotage', 'Opaline Logiciels — pilotage.xlsx'],
  ['Budget 2025/2026 : v2 ?', 'Budget 2025-2026 - v2.xlsx'],
  ['  Tableau   «  KPI  »  ', 'Tableau « KPI ».xlsx'],
  ['Rapport <final> "vraiment"*', 'Rapport final vraiment.xlsx'],
  ['Fin.', 'Fin.xlsx'],
  ['CON', 'CON_.xlsx'],
  ['Ligne\u0007cachée', 'Lignecachée.xlsx'],
])('%j → %j', (name, file) => expect(exportFileName(name, 'fr')).toBe(file));

test('nothing left: a plain word in the language', () => {
  expect(exportFileName('???', 'fr')).toBe('classeur.xlsx');
  expect(exportFileName('', 'en')).toBe('workbook.xlsx');
});
