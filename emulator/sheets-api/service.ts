/**
 * The Advanced Sheets service (`Sheets`, enabled in appsscript.json) as Boussole uses it:
 * `Sheets.Spreadsheets.batchUpdate(resource, spreadsheetId)`. One counted, fault-injectable
 * service call (`Sheets.Spreadsheets.batchUpdate`) per batch, like any other.
 */
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';
import type { EmuSheet } from '../spreadsheet/sheet';
import { GoogleJsonResponseException, SheetsBatchUpdate } from './batch-update';
import { applyFieldMask, parseFieldMask } from './field-mask';
import { gridDataOf } from './grid-data';

export class EmuSheetsSpreadsheets extends EmuObject {
  readonly emuType = 'Sheets.Spreadsheets';
  constructor(private readonly core: EmulatorCore) {
    super();
  }

  batchUpdate(
    resource: gapi.client.sheets.BatchUpdateSpreadsheetRequest,
    spreadsheetId: string,
  ): gapi.client.sheets.BatchUpdateSpreadsheetResponse {
    const ss = this.core.spreadsheets.get(spreadsheetId);
    // The API's 404 text for an unknown spreadsheet id.
    if (!ss) throw new GoogleJsonResponseException('Requested entity was not found.', 404);
    // What crosses to the API is JSON: what doesn't survive JSON.stringify never reaches Google.
    const body = JSON.parse(JSON.stringify(resource ?? {})) as gapi.client.sheets.BatchUpdateSpreadsheetRequest;
    return new SheetsBatchUpdate(ss).run(body);
  }

  /**
   * The spreadsheet: its properties, its sheets with their properties, charts (those added
   * through the API, with their spec) and sheet-level developer metadata; with `ranges`, only the
   * sheets those ranges are on, each with one GridData per range (grid-data.ts). The reply is cut
   * to the `fields` mask, exactly as Google does (field-mask.ts); grid data is returned only when
   * the mask names it or, without a mask, with `includeGridData` (spreadsheets.get reference).
   */
  get(
    spreadsheetId: string,
    optionalArgs: { fields?: string; ranges?: string | string[]; includeGridData?: boolean } = {},
  ): gapi.client.sheets.Spreadsheet {
    const ss = this.core.spreadsheets.get(spreadsheetId);
    if (!ss) throw new GoogleJsonResponseException('Requested entity was not found.', 404, 'get');
    let mask = null;
    if (optionalArgs.fields !== undefined) {
      try {
        mask = parseFieldMask(String(optionalArgs.fields));
      } catch (e) {
        throw new GoogleJsonResponseException((e as Error).message, 400, 'get');
      }
    }
    const ranges = optionalArgs.ranges === undefined ? [] : ([] as string[]).concat(optionalArgs.ranges);
    const grids = new Map<EmuSheet, gapi.client.sheets.GridData[]>();
    for (const r of ranges) {
      const { sheet, data } = gridDataOf(ss, r);
      grids.set(sheet, [...(grids.get(sheet) ?? []), data]);
    }
    const withData = mask ? mask.get('sheets')?.has('data') === true : optionalArgs.includeGridData === true;
    const shown = ranges.length ? ss.sheets.filter((s) => grids.has(s)) : ss.sheets;
    const full: gapi.client.sheets.Spreadsheet = {
      spreadsheetId,
      properties: { title: ss.name, locale: ss.locale, timeZone: ss.timeZone },
      sheets: shown.map((s) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.name,
          index: ss.sheets.indexOf(s),
          sheetType: 'GRID',
          hidden: s.hidden,
          gridProperties: { rowCount: s.maxRows, columnCount: s.maxColumns, frozenRowCount: s.frozenRows },
        },
        ...(withData && { data: grids.get(s) ?? [] }),
        charts: s.charts
          .filter((c) => c.state.spec)
          .map((c) => ({
            chartId: c.chartId ?? undefined,
            spec: JSON.parse(JSON.stringify(c.state.spec)) as gapi.client.sheets.ChartSpec,
          })),
        developerMetadata: ss.metadata
          .filter((m) => m.location.type === 'SHEET' && m.location.sheet === s)
          .map((m) => ({
            metadataId: m.id,
            metadataKey: m.key,
            metadataValue: m.value ?? undefined,
            visibility: m.visibility,
            location: { locationType: 'SHEET' as const, sheetId: s.sheetId },
          })),
      })),
    };
    return applyFieldMask(full, mask);
  }
}

/** The typed surface Boussole calls (src/addon/sheets-api.ts declares the same). */
export interface EmuAdvancedSheets {
  Spreadsheets: EmuSheetsSpreadsheets;
}
