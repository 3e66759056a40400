/**
 * The Advanced Sheets service (`Sheets`, enabled in appsscript.json) as Boussole uses it:
 * `Sheets.Spreadsheets.batchUpdate(resource, spreadsheetId)`. One counted, fault-injectable
 * service call (`Sheets.Spreadsheets.batchUpdate`) per batch, like any other.
 */
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';
import { GoogleJsonResponseException, SheetsBatchUpdate } from './batch-update';

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
   * The spreadsheet's sheets with their properties and sheet-level developer metadata. `fields`
   * is accepted and not applied: more than asked for is returned (Google returns exactly the mask).
   */
  get(spreadsheetId: string, _optionalArgs?: { fields?: string }): gapi.client.sheets.Spreadsheet {
    const ss = this.core.spreadsheets.get(spreadsheetId);
    if (!ss) throw new GoogleJsonResponseException('Requested entity was not found.', 404, 'get');
    return {
      spreadsheetId,
      properties: { title: ss.name, locale: ss.locale, timeZone: ss.timeZone },
      sheets: ss.sheets.map((s, index) => ({
        properties: {
          sheetId: s.sheetId,
          title: s.name,
          index,
          sheetType: 'GRID',
          hidden: s.hidden,
          gridProperties: { rowCount: s.maxRows, columnCount: s.maxColumns, frozenRowCount: s.frozenRows },
        },
        // Charts added through the API, with their spec (those built with EmbeddedChartBuilder have none here).
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
  }
}

/** The typed surface Boussole calls (src/addon/sheets-api.ts declares the same). */
export interface EmuAdvancedSheets {
  Spreadsheets: EmuSheetsSpreadsheets;
}
