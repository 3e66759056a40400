/**
 * The emulator's Advanced Sheets service: batchUpdate validated as the API validates it, applied
 * all or nothing, counted as one service call.
 */
import { createEmulator, loadWorkbook, type Emulator } from '../../emulator';
import { fromWallClock } from '../../emulator/dates';
import type { AdvancedSheets } from '../../src/addon/dashboard/sheets-api';
import { readSheetValues } from '../../src/addon/dashboard/workbook';

type Req = gapi.client.sheets.Request;

function setup(): { emu: Emulator; id: string; dataId: number } {
  const emu = createEmulator({ locale: 'fr_FR' });
  loadWorkbook(emu, {
    Data: [
      ['Mois', 'CA'],
      ['2026-01', 10],
      ['2026-02', 12],
    ],
  });
  const ss = emu.spreadsheet;
  return { emu, id: ss.getId(), dataId: ss.getSheetByName('Data')!.getSheetId() };
}

const batch = (emu: Emulator, id: string, requests: Req[]) =>
  emu.services.Sheets.Spreadsheets.batchUpdate({ requests }, id);

/** Everything a failed batch could have touched, to compare before and after. */
const state = (emu: Emulator) => ({
  names: emu.sheetNames(),
  data: emu.snapshot('Data'),
  metadata: emu.metadata(),
  protections: emu.protections(),
});

const addSheet = (sheetId: number, title: string, rows = 10, columns = 5): Req => ({
  addSheet: { properties: { sheetId, title, gridProperties: { rowCount: rows, columnCount: columns } } },
});

describe('Sheets.Spreadsheets.batchUpdate', () => {
  test('builds a sheet in one counted call: cells (text stays text, formulas computed), formats, sizes, metadata, protection', () => {
    const { emu, id } = setup();
    emu.calls.reset();
    const reply = batch(emu, id, [
      addSheet(4242, 'Tableau'),
      {
        updateCells: {
          start: { sheetId: 4242, rowIndex: 0, columnIndex: 0 },
          fields: 'userEnteredValue,userEnteredFormat.numberFormat',
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: '=1+1' }, userEnteredFormat: { numberFormat: { type: 'TEXT' } } },
                {
                  userEnteredValue: { numberValue: 0.25 },
                  userEnteredFormat: { numberFormat: { type: 'PERCENT', pattern: '0%' } },
                },
                { userEnteredValue: { formulaValue: '=SUM(Data!B2:B3)' } },
              ],
            },
          ],
        },
      },
      {
        repeatCell: {
          range: { sheetId: 4242, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
          cell: { userEnteredFormat: { textFormat: { bold: true, foregroundColor: { red: 1 } } } },
          fields: 'userEnteredFormat.textFormat.bold,userEnteredFormat.textFormat.foregroundColor',
        },
      },
      {
        updateDimensionProperties: {
          range: { sheetId: 4242, dimension: 'COLUMNS', startIndex: 3, endIndex: 5 },
          properties: { hiddenByUser: true },
          fields: 'hiddenByUser',
        },
      },
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'boussole.sheet',
            metadataValue: 'dashboard',
            location: { sheetId: 4242 },
            visibility: 'DOCUMENT',
          },
        },
      },
      { addProtectedRange: { protectedRange: { range: { sheetId: 4242 }, description: 'généré', warningOnly: true } } },
    ]);
    expect(emu.calls.total).toBe(1);
    expect(emu.calls.count('Sheets.Spreadsheets.batchUpdate')).toBe(1);
    expect(reply.replies?.[0].addSheet?.properties?.sheetId).toBe(4242);
    expect(emu.cell('Tableau!A1')).toMatchObject({ value: '=1+1', formula: '' });
    expect(emu.cell('Tableau!B1')).toMatchObject({ value: 0.25, display: '25%' });
    expect(emu.cell('Tableau!C1')).toMatchObject({ value: 22, formula: '=SUM(Data!B2:B3)' });
    expect(emu.cell('Tableau!A1').style).toMatchObject({ fontWeight: 'bold', fontColor: '#ff0000' });
    const snap = emu.snapshot('Tableau');
    expect([snap.maxRows, snap.maxColumns, snap.hiddenColumns]).toEqual([10, 5, [4, 5]]);
    expect(
      emu
        .metadata()
        .filter((m) => m.sheet === 'Tableau')
        .map((m) => [m.key, m.value, m.visibility]),
    ).toEqual([['boussole.sheet', 'dashboard', 'DOCUMENT']]);
    expect(emu.protections().map((p) => [p.type, p.description, p.warningOnly])).toEqual([['SHEET', 'généré', true]]);
  });

  test('records scorecards and line charts with their spec', () => {
    const { emu, id, dataId } = setup();
    const src = (c: number): gapi.client.sheets.ChartData => ({
      sourceRange: {
        sources: [{ sheetId: dataId, startRowIndex: 2, endRowIndex: 3, startColumnIndex: c, endColumnIndex: c + 1 }],
      },
    });
    batch(emu, id, [
      {
        addChart: {
          chart: {
            spec: {
              title: 'CA',
              scorecardChart: {
                keyValueData: src(1),
                baselineValueData: {
                  sourceRange: {
                    sources: [
                      { sheetId: dataId, startRowIndex: 1, endRowIndex: 2, startColumnIndex: 1, endColumnIndex: 2 },
                    ],
                  },
                },
                baselineValueFormat: { comparisonType: 'PERCENTAGE_DIFFERENCE', positiveColor: { green: 0.5 } },
              },
            },
            position: {
              overlayPosition: {
                anchorCell: { sheetId: dataId, rowIndex: 4, columnIndex: 0 },
                widthPixels: 260,
                heightPixels: 130,
              },
            },
          },
        },
      },
    ]);
    const [card] = emu.charts('Data');
    expect(card.type).toBe('SCORECARD');
    expect(card.ranges).toEqual(['Data!B3', 'Data!B2']);
    expect(card.position).toEqual({ anchorRow: 5, anchorColumn: 1, offsetX: 0, offsetY: 0 });
    expect(card.spec?.scorecardChart?.baselineValueFormat?.comparisonType).toBe('PERCENTAGE_DIFFERENCE');
  });

  test("updateChartSpec replaces a chart's spec in place (same id, same position); an unknown chart id fails the whole batch", () => {
    const { emu, id, dataId } = setup();
    const cell = (r: number): gapi.client.sheets.ChartData => ({
      sourceRange: {
        sources: [{ sheetId: dataId, startRowIndex: r, endRowIndex: r + 1, startColumnIndex: 1, endColumnIndex: 2 }],
      },
    });
    const reply = batch(emu, id, [
      {
        addChart: {
          chart: {
            spec: { title: 'CA', scorecardChart: { keyValueData: cell(2) } },
            position: {
              overlayPosition: {
                anchorCell: { sheetId: dataId, rowIndex: 4, columnIndex: 0 },
                offsetXPixels: 4,
                widthPixels: 260,
                heightPixels: 130,
              },
            },
          },
        },
      },
    ]);
    const chartId = reply.replies?.[0].addChart?.chart?.chartId;
    expect(typeof chartId).toBe('number');
    const withBaseline: gapi.client.sheets.ChartSpec = {
      title: 'CA',
      scorecardChart: {
        keyValueData: cell(2),
        baselineValueData: cell(1),
        baselineValueFormat: { comparisonType: 'PERCENTAGE_DIFFERENCE' },
      },
    };
    // The chart the API reports, then the same chart with a baseline.
    const listed = emu.services.Sheets.Spreadsheets.get(id).sheets?.find((s) => s.properties?.sheetId === dataId);
    expect(listed?.charts?.map((c) => c.chartId)).toEqual([chartId]);
    batch(emu, id, [{ updateChartSpec: { chartId, spec: withBaseline } }]);
    const [chart] = emu.charts('Data');
    expect(chart).toMatchObject({ chartId, type: 'SCORECARD', ranges: ['Data!B3', 'Data!B2'] });
    expect(chart?.position).toMatchObject({ anchorRow: 5, anchorColumn: 1, offsetX: 4 });
    expect(chart?.options).toMatchObject({ width: 260, height: 130 });
    expect(chart?.spec).toEqual(withBaseline);
    // An unknown chart id: nothing of the batch is applied, the cell write before it included.
    const before = state(emu);
    const charts = emu.charts('Data');
    expect(() =>
      batch(emu, id, [
        {
          updateCells: {
            start: { sheetId: dataId, rowIndex: 1, columnIndex: 1 },
            fields: 'userEnteredValue',
            rows: [{ values: [{ userEnteredValue: { numberValue: 99 } }] }],
          },
        },
        { updateChartSpec: { chartId: (chartId ?? 0) + 1000, spec: withBaseline } },
      ]),
    ).toThrow(`Invalid requests[1].updateChartSpec: No chart with id: ${(chartId ?? 0) + 1000}`);
    expect(state(emu)).toEqual(before);
    expect(emu.charts('Data')).toEqual(charts);
  });

  test('unknown fields and bad enum values: refused as the API parser refuses them, nothing applied', () => {
    const { emu, id } = setup();
    const before = state(emu);
    const bad = { addSheet: { properties: { title: 'X', colour: 'red' } } } as unknown as Req;
    expect(() => batch(emu, id, [bad])).toThrow(
      `API call to sheets.spreadsheets.batchUpdate failed with error: Invalid JSON payload received. Unknown name "colour" at 'requests[0].add_sheet.properties': Cannot find field.`,
    );
    const enumBad = {
      updateDimensionProperties: {
        range: { sheetId: 0, dimension: 'COLUMN' },
        properties: { pixelSize: 3 },
        fields: 'pixelSize',
      },
    } as unknown as Req;
    expect(() => batch(emu, id, [addSheet(7, 'Y'), enumBad])).toThrow(
      `Invalid value at 'requests[1].update_dimension_properties.range.dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "COLUMN"`,
    );
    expect(state(emu)).toEqual(before);
  });

  test('a range out of the grid, a sheetId in use, a missing sheet: the whole batch fails, nothing applied', () => {
    const { emu, id, dataId } = setup();
    const before = state(emu);
    expect(() =>
      batch(emu, id, [
        addSheet(11, 'Nouveau', 10, 5),
        {
          repeatCell: {
            range: { sheetId: 11, startRowIndex: 0, endRowIndex: 11 },
            cell: {},
            fields: 'userEnteredFormat',
          },
        },
      ]),
    ).toThrow(
      "Invalid requests[1].repeatCell: Range ('Nouveau'!A1:E11) exceeds grid limits. Max rows: 10, max columns: 5",
    );
    expect(() => batch(emu, id, [addSheet(12, 'Un'), addSheet(dataId, 'Deux')])).toThrow(
      `Invalid requests[1].addSheet: A sheet with the ID ${dataId} already exists.`,
    );
    expect(() => batch(emu, id, [addSheet(13, 'data')])).toThrow(
      'Invalid requests[0].addSheet: A sheet with the name "data" already exists. Please enter another name.',
    );
    expect(() => batch(emu, id, [addSheet(14, 'Z'), { deleteSheet: { sheetId: 999 } }])).toThrow(
      'Invalid requests[1].deleteSheet: No sheet with id: 999',
    );
    expect(state(emu)).toEqual(before);
  });

  test('a swap in one batch: new sheet under a temporary name, old one deleted, new one renamed into its place', () => {
    const { emu, id, dataId } = setup();
    batch(emu, id, [
      { ...addSheet(21, 'Tmp') },
      { deleteSheet: { sheetId: dataId } },
      { updateSheetProperties: { properties: { sheetId: 21, title: 'Data', index: 0 }, fields: 'title,index' } },
    ]);
    expect(emu.sheetNames()).toEqual(['Data', 'Feuille 1'].filter((n) => emu.sheetNames().includes(n)));
    expect(emu.spreadsheet.getSheetByName('Data')!.getSheetId()).toBe(21);
  });

  test('an injected fault at the call applies nothing; a request type not implemented is refused, not ignored', () => {
    const { emu, id } = setup();
    const before = state(emu);
    emu.faults.failOn('Sheets.Spreadsheets.batchUpdate');
    expect(() => batch(emu, id, [addSheet(31, 'A')])).toThrow(/injected fault/);
    expect(() => batch(emu, id, [{ mergeCells: { range: { sheetId: 0 }, mergeType: 'MERGE_ALL' } }])).toThrow(
      'emulator: Sheets API request mergeCells not implemented',
    );
    expect(() => batch(emu, id, [])).toThrow('Must specify at least one request.');
    expect(state(emu)).toEqual(before);
  });
});

describe('Sheets.Spreadsheets.get', () => {
  test('the reply is cut to the fields mask; a malformed mask is refused', () => {
    const { emu, id } = setup();
    const api = emu.services.Sheets.Spreadsheets;
    expect(api.get(id, { fields: 'properties(locale,timeZone),sheets/properties(title,index)' })).toEqual({
      properties: { locale: 'fr_FR', timeZone: 'Europe/Paris' },
      sheets: [{ properties: { title: 'Data', index: 0 } }],
    });
    // No grid data unless the mask names it.
    expect(api.get(id, { ranges: ['Data!A1:B2'], fields: 'sheets(properties(sheetId))' }).sheets?.[0]).toEqual({
      properties: { sheetId: expect.any(Number) },
    });
    expect(() => api.get(id, { fields: 'sheets(properties(title)' })).toThrow('Invalid field selection');
    expect(() => api.get(id, { ranges: ["'Nope'!A1"], fields: 'sheets(data)' })).toThrow('Unable to parse range');
  });

  test('ranges: only the sheets they are on, each cell with its effective value and number format type', () => {
    const { emu, id } = setup();
    emu.spreadsheet.insertSheet('Other');
    const reply = emu.services.Sheets.Spreadsheets.get(id, {
      ranges: ['Data!A1:B3'],
      fields:
        'sheets(properties(title),data(startRow,startColumn,rowData(values(effectiveValue,effectiveFormat/numberFormat/type))))',
    });
    expect(reply.sheets?.map((s) => s.properties?.title)).toEqual(['Data']);
    const rows = reply.sheets?.[0].data?.[0].rowData?.map((r) => r.values?.map((v) => v.effectiveValue));
    expect(rows).toEqual([
      [{ stringValue: 'Mois' }, { stringValue: 'CA' }],
      [{ stringValue: '2026-01' }, { numberValue: 10 }],
      [{ stringValue: '2026-02' }, { numberValue: 12 }],
    ]);
  });

  test.each(['Europe/Paris', 'America/New_York', 'Pacific/Kiritimati'])(
    'whole sheets read in one call give what Range.getValues() gives (%s)',
    (timeZone) => {
      const emu = createEmulator({ locale: 'fr_FR', timeZone });
      const day = (y: number, m: number, d: number, h = 0) => fromWallClock(timeZone, y, m, d, h);
      loadWorkbook(emu, {
        "L'été": [
          ['Date', 'CA', 'Note', 'Ratio'],
          [day(2026, 3, 29), 1200.5, 'ok', '=B2/0'],
          [day(2026, 3, 30, 14), '', true, '=B2/B4'],
          ['31/12/2026', 300, '', '=A2+1'],
          [null, null, null, '=NA()'],
          [day(1999, 12, 31), -4, "'0123", ''],
        ],
      });
      const sheet = emu.spreadsheet.getSheetByName("L'été")!;
      sheet.getRange('D3').setNumberFormat('0.0%');
      const expected = sheet.getDataRange().getValues();
      const ssId = emu.spreadsheet.getId();
      emu.calls.reset();
      const api = emu.services.Sheets as unknown as AdvancedSheets;
      const got = readSheetValues(api, ssId, ["L'été"], timeZone).get("L'été") ?? [];
      expect(emu.calls.total).toBe(1);
      expect(got).toEqual(expected);
      // The dates are the same instants (the typed text too, read as a date in the locale).
      expect((got[3][0] as Date).getTime()).toBe((expected[3][0] as Date).getTime());
      expect(got[4][3]).toBe('#N/A');
    },
  );
});
