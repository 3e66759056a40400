/**
 * The Advanced Sheets service, typed with the maintained Sheets API v4 typing
 * (@maxim_mazurok/gapi.client.sheets-v4). @types/google-apps-script's own `Sheets` typing lags
 * the API (no scorecardChart, enums as plain strings), so Boussole declares the two calls it
 * makes. The service is enabled in appsscript.json (`enabledAdvancedServices`: Sheets v4).
 */

export interface AdvancedSheets {
  Spreadsheets: {
    batchUpdate(
      resource: gapi.client.sheets.BatchUpdateSpreadsheetRequest,
      spreadsheetId: string,
    ): gapi.client.sheets.BatchUpdateSpreadsheetResponse;
    get(
      spreadsheetId: string,
      optionalArgs?: { fields?: string; ranges?: string[]; includeGridData?: boolean },
    ): gapi.client.sheets.Spreadsheet;
  };
}

export function advancedSheets(): AdvancedSheets {
  const api = (globalThis as { Sheets?: unknown }).Sheets;
  if (!api) throw new Error('Boussole: the Advanced Sheets service is not enabled (appsscript.json › dependencies).');
  return api as AdvancedSheets;
}

export interface SheetInfo {
  sheetId: number;
  title: string;
  index: number;
  /** Developer metadata on the sheet itself, by key (the first of each key). */
  tags: Map<string, string>;
  /** The sheet's charts with their spec (only when asked for: `spreadsheetOf(…, { charts: true })`). */
  charts: { chartId: number; spec: gapi.client.sheets.ChartSpec }[];
}

/** Every sheet's id, title, position and tags: one service call. */
export function sheetsOf(api: AdvancedSheets, spreadsheetId: string): SheetInfo[] {
  return spreadsheetOf(api, spreadsheetId).sheets;
}

/**
 * The same call with the spreadsheet's locale (`SpreadsheetProperties.locale`, e.g. "fr_FR"),
 * which decides how formulas are spelt, and its time zone (how date cells are read): no extra
 * service call for them.
 */
export function spreadsheetOf(
  api: AdvancedSheets,
  spreadsheetId: string,
  options: { charts?: boolean } = {},
): { sheets: SheetInfo[]; locale: string; timeZone: string } {
  const charts = options.charts ? ',charts(chartId,spec)' : '';
  const ss = api.Spreadsheets.get(spreadsheetId, {
    fields: `properties(locale,timeZone),sheets(properties(sheetId,title,index),developerMetadata(metadataKey,metadataValue,location)${charts})`,
  });
  return {
    sheets: sheetInfos(ss),
    locale: ss.properties?.locale ?? 'en_US',
    timeZone: ss.properties?.timeZone ?? 'Etc/UTC',
  };
}

function sheetInfos(ss: gapi.client.sheets.Spreadsheet): SheetInfo[] {
  return (ss.sheets ?? []).map((s, i) => {
    const tags = new Map<string, string>();
    for (const m of s.developerMetadata ?? []) {
      if (m.location?.locationType === 'SHEET' && m.metadataKey && !tags.has(m.metadataKey))
        tags.set(m.metadataKey, m.metadataValue ?? '');
    }
    return {
      sheetId: s.properties?.sheetId ?? 0,
      title: s.properties?.title ?? '',
      index: s.properties?.index ?? i,
      tags,
      charts: (s.charts ?? []).flatMap((c) =>
        c.chartId !== undefined && c.spec ? [{ chartId: c.chartId, spec: c.spec }] : [],
      ),
    };
  });
}
