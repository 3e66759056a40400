/**
 * Your own data in the playground: open an .xlsx made here, type a Boussole formula on it, save
 * the workbook as .xlsx, open that again: same values. A malformed file is refused with a message
 * and the workbook on screen stays. The state survives a restart; a broken state file is set
 * aside with a message.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startPlayground } from '../../playground/playground';
import {
  noticeAfter,
  noticeSeq,
  openTab,
  pageAction,
  startPlaygroundEnv,
  type PlaygroundEnv,
} from '../../playground/testing';

jest.setTimeout(180_000);

const ARTIFACTS = join(process.cwd(), 'artifacts', 'playground');
let env: PlaygroundEnv;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'boussole-playground-'));
  env = await startPlaygroundEnv();
});
afterAll(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function smallWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Acquisition');
  ws.addRow(['Mois', 'Dépenses', 'Nouveaux clients', 'CAC']);
  ws.addRow([new Date(Date.UTC(2024, 9, 1)), 1200, 10]);
  ws.addRow([new Date(Date.UTC(2024, 10, 1)), 1500, 12]);
  ws.addRow([new Date(Date.UTC(2024, 11, 1)), 900, 6]);
  ws.getCell('B5').value = { formula: 'SUM(B2:B4)', result: 3600 } as ExcelJS.CellFormulaValue;
  ws.getColumn(1).numFmt = 'yyyy-mm-dd';
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * Opens a file as the page's Open button does; once done, the notice it left (a new one, never the
 * last one's). `answer`: the button to press in the question asked first (the workbook has changes).
 */
async function openFile(page: Page, name: string, buffer: Buffer, answer?: 'go' | 'save'): Promise<string> {
  const shown = await noticeSeq(page);
  const choose = () =>
    page.setInputFiles('#open', {
      name,
      mimeType: name.endsWith('.csv')
        ? 'text/csv'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
  if (answer) {
    await choose();
    await page.waitForSelector('[data-testid=dialog]:not([hidden])');
    await pageAction(page, () => page.click(`[data-testid=dialog] button[data-answer=${answer}]`));
  } else await pageAction(page, choose);
  return noticeAfter(page, shown);
}

/** Reset, confirmed in the page's question; the notice it left. */
async function resetDemo(page: Page): Promise<string> {
  const shown = await noticeSeq(page);
  await page.click('#reset');
  await page.waitForSelector('[data-testid=dialog]:not([hidden])');
  await pageAction(page, () => page.click('[data-testid=dialog] button[data-answer=go]'));
  return noticeAfter(page, shown);
}

async function typeInto(page: Page, a1: { r: number; c: number }, input: string): Promise<void> {
  await page.click(`#grid tr[data-r="${a1.r}"] td[data-c="${a1.c}"]`);
  await page.fill('[data-testid=formula-bar]', input);
  await pageAction(page, () => page.press('[data-testid=formula-bar]', 'Enter'));
}

test('typed input follows the locale; the formula bar shows the raw value and Enter on it changes nothing', async () => {
  const { page, errors } = await env.open();
  await resetDemo(page);
  const emu = () => env.pg.workbook.emu;
  await openTab(page, 'Ventes');
  // D2 shows "76 220 €"; the formula bar the number itself, as in Sheets.
  await page.click('#grid tr[data-r="2"] td[data-c="4"]');
  expect(await page.inputValue('[data-testid=formula-bar]')).toBe('76220');
  await pageAction(page, () => page.press('[data-testid=formula-bar]', 'Enter'));
  expect(emu().cell('Ventes!D2')).toMatchObject({ value: 76220, numberFormat: '#,##0 "€"' });
  // A month shown as "01/2023" is the date 01/01/2023 in the bar; Enter keeps the same date.
  const month = emu().cell('Ventes!A2').value;
  await page.click('#grid tr[data-r="2"] td[data-c="1"]');
  expect(await page.inputValue('[data-testid=formula-bar]')).toBe('01/01/2023');
  await pageAction(page, () => page.press('[data-testid=formula-bar]', 'Enter'));
  expect(emu().cell('Ventes!A2')).toMatchObject({ value: month, numberFormat: 'mm/yyyy' });

  // French typed input: grouped numbers, currency with a no-break space, percent, dd/mm/yyyy, apostrophe.
  const typed: [string, string, unknown][] = [
    ['J2', '1 234,5', 1234.5],
    ['J3', '7\u00a0791,48 €', 7791.48],
    ['J4', '−12,5 %', -0.125],
    ['J5', "'0123", '0123'],
    ['J6', 'VRAI', true],
  ];
  for (const [a1, input, value] of typed) {
    const p = /^J(\d+)$/.exec(a1)!;
    await typeInto(page, { r: Number(p[1]), c: 10 }, input);
    expect(emu().cell(`Ventes!${a1}`).value).toBe(value);
  }
  await typeInto(page, { r: 7, c: 10 }, '15/03/2025');
  expect(emu().cell('Ventes!J7').value).toEqual(new Date('2025-03-14T23:00:00Z'));
  expect(emu().cell('Ventes!J7').display).toBe('15/03/2025');
  expect(await page.textContent('#grid tr[data-r="3"] td[data-c="10"]')).toBe('7\u202f791,48 €');
  await page.click('#grid tr[data-r="5"] td[data-c="10"]');
  expect(await page.inputValue('[data-testid=formula-bar]')).toBe("'0123");
  expect(errors).toEqual([]);
  await page.context().close();
});

test('open an .xlsx, use a Boussole formula on it, save as .xlsx, open again: same values', async () => {
  const { page, errors } = await env.open();
  // The workbook has the edits of the test before: the page asks first.
  expect(await openFile(page, 'acquisition.xlsx', await smallWorkbook(), 'go')).toMatch(/acquisition\.xlsx/);
  expect(await page.getAttribute('body', 'data-sheet')).toBe('Acquisition');
  expect(await page.textContent('#grid tr[data-r="5"] td[data-c="2"]')).toBe('3600');

  // A Boussole formula typed on the grid: one value per month (spills down), then the total.
  await typeInto(page, { r: 2, c: 4 }, '=CAC(B2:B4; C2:C4; TRUE)');
  expect(await page.textContent('#grid tr[data-r="3"] td[data-c="4"]')).toBe('125');
  await typeInto(page, { r: 5, c: 4 }, '=CAC(B2:B4; C2:C4)');
  expect(await page.textContent('#grid tr[data-r="5"] td[data-c="4"]')).toMatch(/^128[,.]57/);
  const emu = () => env.pg.workbook.emu;
  const before = emu().sheetValues('Acquisition');
  expect(before[1][3]).toBe(120);
  expect(before[2][3]).toBe(125);
  expect(before[3][3]).toBe(150);
  expect(before[4][3]).toBeCloseTo(3600 / 28, 9);
  await page.screenshot({ path: join(ARTIFACTS, '30-own-file.png') });

  // Save as .xlsx through the page's link.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const saved = join(dir, 'saved.xlsx');
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  const check = new ExcelJS.Workbook();
  await check.xlsx.load(bytes as unknown as ArrayBuffer);
  expect((check.getWorksheet('Acquisition')!.getCell('D5').value as ExcelJS.CellFormulaValue).formula).toBe(
    'CAC(B2:B4, C2:C4)',
  );

  // Open it again: same values, same formulas.
  expect(await openFile(page, 'saved.xlsx', bytes, 'go')).toMatch(/saved\.xlsx/);
  await openTab(page, 'Acquisition');
  const after = emu().sheetValues('Acquisition');
  expect(after).toEqual(before);
  // Spelled as typed: only separators change between the file and the sheet.
  expect(emu().sheetFormulas('Acquisition')[1][3]).toBe('=CAC(B2:B4; C2:C4; TRUE)');
  expect(errors).toEqual([]);
  await page.context().close();
});

test('a malformed or foreign file is refused with a message, and the open workbook stays', async () => {
  const { page } = await env.open();
  expect(await resetDemo(page)).toMatch(/réinitialisée/);
  const sheetsBefore = env.pg.workbook.emu.sheetNames();

  expect(await openFile(page, 'budget.xlsx', Buffer.from('PK\u0003\u0004 this is not really a zip archive'))).toMatch(
    /endommagé|n'est pas un classeur/,
  );
  expect(await page.getAttribute('[data-testid=notice]', 'class')).toBe('error');
  expect(env.pg.workbook.emu.sheetNames()).toEqual(sheetsBefore);

  expect(
    await openFile(page, 'photo.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
  ).toMatch(/n'est pas un classeur \.xlsx lisible/);
  expect(await openFile(page, 'rapport.pdf', Buffer.from('%PDF-1.7'))).toMatch(/Seuls les fichiers \.xlsx et \.csv/);
  expect(await openFile(page, 'binaire.csv', Buffer.from([0x41, 0x00, 0x42]))).toMatch(/n'est pas du texte/);
  // Where and why: the file, the row and the column of a quote never closed.
  const unclosed = Buffer.from('Mois;CA;Note\r\n01/01/2025;12;ok\r\n01/02/2025;13;"oubli\r\n01/03/2025;14;fin\r\n');
  expect(await openFile(page, 'notes.csv', unclosed)).toMatch(
    /^« notes\.csv », ligne 3, colonne C : Un champ ouvert par un guillemet \("\) n'est jamais refermé/,
  );
  await page.screenshot({ path: join(ARTIFACTS, '31-malformed-file.png') });
  expect(env.pg.workbook.emu.sheetNames()).toEqual(sheetsBefore);
  expect(await page.getAttribute('body', 'data-kind')).toBeTruthy();

  // A French CSV is opened: semicolons, decimal commas, dd/mm/yyyy dates.
  expect(
    await openFile(
      page,
      'ventes.csv',
      Buffer.from('Mois;CA;Taux\n01/01/2025;1 234,5;0,25\n01/02/2025;2 000;0,3\n', 'utf8'),
    ),
  ).toMatch(/ventes\.csv/);
  expect(await page.getAttribute('body', 'data-sheet')).toBe('ventes');
  expect(env.pg.workbook.emu.sheetValues('ventes')[1].slice(1)).toEqual([1234.5, 0.25]);

  // A column mixing French and English amounts: opened, and the cells left as text are named.
  const mixed = Buffer.from('Mois;CA\r\n01/01/2025;1 234,5\r\n01/02/2025;1,234.50\r\n01/03/2025;980\r\n');
  const said = await openFile(page, 'mixte.csv', mixed);
  expect(said).toMatch(/« mixte\.csv » est ouvert \(UTF-8, séparateur point-virgule\)/);
  expect(said).toMatch(/colonne B \(« CA »\) : 1 cellule reste du texte .* B3 « 1,234\.50 »/);
  expect(await page.getAttribute('[data-testid=notice]', 'class')).toBe('warning');
  await page.screenshot({ path: join(ARTIFACTS, '34-csv-mixed-column.png') });
  await page.context().close();
});

test('opening asks before replacing a workbook with changes; "save first" downloads it, and it reopens whole', async () => {
  const { page, errors } = await env.open();
  await resetDemo(page);
  await openTab(page, 'Ventes');
  await typeInto(page, { r: 2, c: 10 }, 'à garder');
  const emu = () => env.pg.workbook.emu;
  const sheets = emu().sheetNames();

  // The question names the file, the workbook and its changes; Cancel leaves everything as it is.
  await page.setInputFiles('#open', {
    name: 'ventes.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('a;b\r\n1;2\r\n'),
  });
  await page.waitForSelector('[data-testid=dialog]:not([hidden])');
  const question = (await page.textContent('[data-testid=dialog]')) ?? '';
  expect(question).toMatch(/Remplacer le classeur ouvert \?/);
  expect(question).toMatch(
    /« ventes\.csv » remplacera « Opaline Logiciels — pilotage » et les changements qui y ont été faits/,
  );
  await page.screenshot({ path: join(ARTIFACTS, '32-open-confirmation.png') });
  await page.click('[data-testid=dialog] button[data-answer=cancel]');
  expect(await page.isHidden('[data-testid=dialog]')).toBe(true);
  expect(emu().sheetNames()).toEqual(sheets);
  expect(emu().cell('Ventes!J2').value).toBe('à garder');

  // "Save first": the export downloads under the spreadsheet's name, then the file opens.
  const kpis = emu().sheetValues('Boussole · KPI').length;
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    openFile(page, 'ventes.csv', Buffer.from('a;b\r\n1;2\r\n'), 'save'),
  ]);
  expect(download.suggestedFilename()).toBe('Opaline Logiciels — pilotage.xlsx');
  expect(emu().sheetNames()).toEqual(['ventes']);
  const saved = join(dir, 'pilotage.xlsx');
  await download.saveAs(saved);

  // The export opens again (nothing changed since the CSV: no question), whole: the edit, the KPIs, the dashboards.
  expect(await openFile(page, 'Opaline Logiciels — pilotage.xlsx', readFileSync(saved))).toMatch(/est ouvert/);
  expect(emu().sheetNames()).toEqual(sheets);
  expect(emu().cell('Ventes!J2').value).toBe('à garder');
  expect(emu().sheetValues('Boussole · KPI').length).toBe(kpis);
  expect(emu().charts('Direction').length).toBeGreaterThan(0);
  await openTab(page, 'Direction');
  await page.waitForSelector('#layer canvas');
  await page.screenshot({ path: join(ARTIFACTS, '33-reopened-export.png') });
  expect(errors).toEqual([]);
  await page.context().close();
});

test('the state survives a restart; a broken state file is set aside with a message', async () => {
  const data = join(dir, 'data');
  let pg = await startPlayground({
    port: 0,
    dataDir: data,
    quiet: true,
    sidebarHtml: '<html><head></head><body></body></html>',
  });
  const url = () => pg.url;
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, url()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  await post('/api/advance', { by: 'week' });
  await post('/api/edit', { sheet: 'Ventes', a1: 'J2', input: '=KPI_TREND(D2:D37; "pct"; 3)' });
  const clock = pg.workbook.emu.clock.now().toISOString();
  const value = pg.workbook.emu.sheetValues('Ventes')[1][9];
  expect(typeof value).toBe('number');
  await pg.close();
  expect(existsSync(join(data, 'state.json'))).toBe(true);

  pg = await startPlayground({
    port: 0,
    dataDir: data,
    quiet: true,
    sidebarHtml: '<html><head></head><body></body></html>',
  });
  expect(pg.workbook.emu.clock.now().toISOString()).toBe(clock);
  expect(pg.workbook.emu.sheetValues('Ventes')[1][9]).toBe(value);
  const state = (await (await fetch(new URL('/api/state', pg.url))).json()) as {
    notice: { level: string; text: string };
  };
  expect(state.notice).toEqual({ level: 'info', text: 'Classeur restauré (2 actions rejouées).' });
  await pg.close();

  writeFileSync(join(data, 'state.json'), '{"version": 1, "base": ');
  const quietError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    pg = await startPlayground({
      port: 0,
      dataDir: data,
      quiet: true,
      sidebarHtml: '<html><head></head><body></body></html>',
    });
  } finally {
    quietError.mockRestore();
  }
  const broken = (await (await fetch(new URL('/api/state', pg.url))).json()) as {
    notice: { level: string; text: string };
    source: { kind: string };
  };
  expect(broken.notice.level).toBe('error');
  expect(broken.notice.text).toMatch(/n'a pas pu être restauré .* classeur d'exemple est rechargé/);
  expect(broken.source.kind).toBe('sample');
  expect(readdirSync(data).some((f) => f.startsWith('state.json.broken-'))).toBe(true);

  // An opened file is the new starting point: it comes back after a restart, typed values and formats included.
  const opened = (await (
    await fetch(new URL('/api/open?name=ventes.csv', pg.url), {
      method: 'POST',
      body: Buffer.from('Mois;CA\r\n01/01/2025;7 791,48 €\r\n', 'utf8'),
    })
  ).json()) as { ok: boolean };
  expect(opened.ok).toBe(true);
  await pg.close();
  pg = await startPlayground({
    port: 0,
    dataDir: data,
    quiet: true,
    sidebarHtml: '<html><head></head><body></body></html>',
  });
  expect(pg.workbook.emu.sheetNames()).toEqual(['ventes']);
  expect(pg.workbook.emu.cell('ventes!B2')).toMatchObject({ value: 7791.48, numberFormat: '#,##0.00 [$€]' });
  await pg.close();
});
