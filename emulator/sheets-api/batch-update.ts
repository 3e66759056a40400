/**
 * `Sheets.Spreadsheets.batchUpdate` on the emulator: the requests Boussole sends, all or nothing.
 *
 * "If any request is not valid, the entire update fails and nothing is applied" (Sheets API,
 * spreadsheets.batchUpdate reference). The body is first checked against the API's schema
 * (unknown fields, bad enum values: schema.ts), then every request is checked in order against
 * a model of the spreadsheet as the earlier requests of the batch leave it (sheet ids, titles,
 * grid sizes); only when all of them pass is anything applied. A request type the emulator does
 * not implement is refused: the emulator is never kinder than Google.
 *
 * Error texts: known ones are Google's (named with their source beside them); the ones marked
 * "(assumed)" follow the API's "Invalid requests[i].<type>: …" shape with our own words.
 */
import { formatA1, type GridRange } from '../a1';
import { normalizeColor } from '../spreadsheet/colors';
import { type ChartPosition, EmuChart } from '../spreadsheet/charts';
import { EmuProtection } from '../spreadsheet/protection';
import { EmuConditionalFormatRule } from '../spreadsheet/rules';
import type { EmuSheet } from '../spreadsheet/sheet';
import type { EmuSpreadsheet } from '../spreadsheet/spreadsheet';
import type { Style } from '../spreadsheet/cells';
import { schemaErrors } from './schema';

type Req = gapi.client.sheets.Request;
type Res = gapi.client.sheets.Response;
type Grid = gapi.client.sheets.GridRange;
type CellData = gapi.client.sheets.CellData;
type Color = gapi.client.sheets.Color;

/** The error Apps Script throws when an Advanced service call fails (gas-fakes src/support/helpers.js). */
export class GoogleJsonResponseException extends Error {
  override name = 'GoogleJsonResponseException';
  constructor(
    readonly apiMessage: string,
    readonly code = 400,
    method = 'batchUpdate',
  ) {
    super(`API call to sheets.spreadsheets.${method} failed with error: ${apiMessage}`);
  }
}

/** Sheet as the validation pass sees it (the real ones are untouched until everything passed). */
interface Model {
  sheetId: number;
  title: string;
  rows: number;
  columns: number;
  hidden: boolean;
}

const IMPLEMENTED = [
  'addSheet',
  'deleteSheet',
  'updateSheetProperties',
  'updateCells',
  'repeatCell',
  'updateDimensionProperties',
  'addConditionalFormatRule',
  'addChart',
  'updateChartSpec',
  'addProtectedRange',
  'createDeveloperMetadata',
] as const;
type Kind = (typeof IMPLEMENTED)[number];

const fail = (i: number, kind: string, text: string): never => {
  throw new GoogleJsonResponseException(`Invalid requests[${i}].${kind}: ${text}`);
};

const quoted = (title: string) => `'${title.replace(/'/g, "''")}'`;

/** A GridRange resolved against a sheet (missing bounds are the sheet's own), 0-based end-exclusive. */
function resolve(g: Grid, m: Model) {
  return {
    r0: g.startRowIndex ?? 0,
    r1: g.endRowIndex ?? m.rows,
    c0: g.startColumnIndex ?? 0,
    c1: g.endColumnIndex ?? m.columns,
  };
}

function a1Of(r: { r0: number; r1: number; c0: number; c1: number }): string {
  return formatA1({ row: r.r0 + 1, column: r.c0 + 1, numRows: r.r1 - r.r0, numColumns: r.c1 - r.c0 });
}

export function toHex(c: Color | undefined): string | undefined {
  if (!c) return undefined;
  const h = (x: number | undefined) =>
    Math.round(Math.max(0, Math.min(1, x ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.red)}${h(c.green)}${h(c.blue)}`;
}

export class SheetsBatchUpdate {
  constructor(private readonly ss: EmuSpreadsheet) {}

  run(body: gapi.client.sheets.BatchUpdateSpreadsheetRequest): gapi.client.sheets.BatchUpdateSpreadsheetResponse {
    const problems = schemaErrors(body, 'BatchUpdateSpreadsheetRequest', '');
    if (problems.length) throw new GoogleJsonResponseException(problems.join('\n'));
    const requests = body.requests ?? [];
    // googleapis/google-api-nodejs-client#1001.
    if (!requests.length) throw new GoogleJsonResponseException('Must specify at least one request.');
    const models: Model[] = this.ss.sheets.map((s) => ({
      sheetId: s.sheetId,
      title: s.name,
      rows: s.maxRows,
      columns: s.maxColumns,
      hidden: s.hidden,
    }));
    const chartIds = new Set(this.ss.sheets.flatMap((s) => s.charts.map((c) => c.chartId)));
    const kinds = requests.map((r, i) => this.check(r, i, models, chartIds));
    const replies: Res[] = requests.map((r, i) => this.apply(r, kinds[i]));
    return { spreadsheetId: this.ss.id, replies };
  }

  // --- validation, in order, on the model -------------------------------------------------

  private check(r: Req, i: number, models: Model[], chartIds: Set<number | null>): Kind {
    const keys = Object.keys(r).filter((k) => (r as Record<string, unknown>)[k] !== undefined);
    // "Invalid requests[0]: No request set." is what an empty request gets (assumed wording for several).
    if (keys.length !== 1)
      throw new GoogleJsonResponseException(
        `Invalid requests[${i}]: ${keys.length ? 'More than one' : 'No'} request set.`,
      );
    const kind = keys[0] as Kind;
    if (!IMPLEMENTED.includes(kind)) throw new Error(`emulator: Sheets API request ${kind} not implemented`);
    const byId = (id: number | undefined, what = kind): Model => {
      const m = models.find((x) => x.sheetId === (id ?? 0));
      // "Invalid requests[0].updateSheetProperties: No sheet with id: 0" (blinkk/rootjs#554).
      return m ?? fail(i, what, `No sheet with id: ${id ?? 0}`);
    };
    const range = (g: Grid | undefined): Model => {
      const m = byId(g?.sheetId);
      const x = resolve(g ?? {}, m);
      if (x.r0 < 0 || x.c0 < 0 || x.r1 < x.r0 || x.c1 < x.c0)
        fail(i, kind, `Invalid range ${JSON.stringify(g)} (assumed)`);
      // "Range ('Solar'!Y1) exceeds grid limits. Max rows: 981, max columns: 24" (home-assistant/core#104198).
      if (x.r1 > m.rows || x.c1 > m.columns)
        fail(
          i,
          kind,
          `Range (${quoted(m.title)}!${a1Of(x)}) exceeds grid limits. Max rows: ${m.rows}, max columns: ${m.columns}`,
        );
      return m;
    };
    const titleFree = (title: string, except?: Model) => {
      const other = models.find((x) => x !== except && x.title.toLowerCase() === title.toLowerCase());
      if (other) fail(i, kind, `A sheet with the name "${title}" already exists. Please enter another name.`);
    };
    switch (kind) {
      case 'addSheet': {
        const p = r.addSheet?.properties ?? {};
        const id = p.sheetId;
        if (id !== undefined) {
          if (!Number.isInteger(id) || id < 0) fail(i, kind, `Invalid sheetId: ${id} (assumed)`);
          // The API reference: "It is an error to specify the ID of a sheet that already exists."
          if (models.some((x) => x.sheetId === id))
            fail(i, kind, `A sheet with the ID ${id} already exists. (assumed)`);
        }
        const title = p.title ?? this.ss.defaultSheetName();
        titleFree(title);
        const rows = p.gridProperties?.rowCount ?? 1000;
        const columns = p.gridProperties?.columnCount ?? 26;
        if (rows < 1 || columns < 1) fail(i, kind, 'A sheet needs at least one row and one column. (assumed)');
        const at = p.index ?? models.length;
        models.splice(Math.max(0, Math.min(at, models.length)), 0, {
          sheetId: id ?? -1 - i,
          title,
          rows,
          columns,
          hidden: !!p.hidden,
        });
        return kind;
      }
      case 'deleteSheet': {
        const m = byId(r.deleteSheet?.sheetId);
        if (!models.some((x) => x !== m && !x.hidden))
          fail(i, kind, "You can't remove all the visible sheets in a document. (assumed)");
        models.splice(models.indexOf(m), 1);
        return kind;
      }
      case 'updateSheetProperties': {
        const u = r.updateSheetProperties!;
        const m = byId(u.properties?.sheetId);
        const fields = (u.fields ?? '')
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean);
        if (!fields.length) fail(i, kind, "'fields' must not be empty. (assumed)");
        for (const f of fields) {
          if (
            !['title', 'index', 'hidden', 'gridProperties.frozenRowCount', 'gridProperties.frozenColumnCount'].includes(
              f,
            )
          )
            throw new Error(`emulator: updateSheetProperties field ${f} not implemented`);
        }
        if (fields.includes('title')) {
          titleFree(u.properties?.title ?? '', m);
          m.title = u.properties?.title ?? '';
        }
        if (fields.includes('hidden')) m.hidden = !!u.properties?.hidden;
        return kind;
      }
      case 'updateCells': {
        const u = r.updateCells!;
        if (!u.fields) fail(i, kind, "'fields' must be specified. (assumed)");
        if (u.start && u.range) fail(i, kind, 'Only one of start and range may be set. (assumed)');
        if (u.start) {
          const m = byId(u.start.sheetId);
          const rows = u.rows ?? [];
          const width = Math.max(0, ...rows.map((row) => row.values?.length ?? 0));
          range({
            sheetId: m.sheetId,
            startRowIndex: u.start.rowIndex ?? 0,
            endRowIndex: (u.start.rowIndex ?? 0) + rows.length,
            startColumnIndex: u.start.columnIndex ?? 0,
            endColumnIndex: (u.start.columnIndex ?? 0) + width,
          });
        } else range(u.range);
        return kind;
      }
      case 'repeatCell':
        if (!r.repeatCell?.fields) fail(i, kind, "'fields' must be specified. (assumed)");
        range(r.repeatCell?.range);
        return kind;
      case 'updateDimensionProperties': {
        const u = r.updateDimensionProperties!;
        if (!u.fields) fail(i, kind, "'fields' must be specified. (assumed)");
        const d = u.range ?? {};
        const m = byId(d.sheetId);
        const size = d.dimension === 'ROWS' ? m.rows : m.columns;
        if (d.dimension !== 'ROWS' && d.dimension !== 'COLUMNS')
          fail(i, kind, 'dimension must be ROWS or COLUMNS. (assumed)');
        if ((d.endIndex ?? size) > size || (d.startIndex ?? 0) < 0 || (d.startIndex ?? 0) >= (d.endIndex ?? size))
          fail(
            i,
            kind,
            `Invalid dimension range ${d.startIndex ?? 0}–${d.endIndex ?? size} on a sheet of ${size} ${d.dimension?.toLowerCase()}. (assumed)`,
          );
        return kind;
      }
      case 'addConditionalFormatRule': {
        const rule = r.addConditionalFormatRule?.rule;
        if (!rule?.ranges?.length) fail(i, kind, 'A rule needs at least one range. (assumed)');
        for (const g of rule!.ranges!) range(g);
        const t = rule!.booleanRule?.condition?.type;
        if (
          !rule!.booleanRule ||
          (t !== 'TEXT_EQ' && t !== 'CUSTOM_FORMULA' && t !== 'NUMBER_LESS' && t !== 'NUMBER_GREATER')
        )
          throw new Error(`emulator: conditional format condition ${t ?? '(gradient)'} not implemented`);
        return kind;
      }
      case 'addChart': {
        const c = r.addChart?.chart ?? {};
        if (c.chartId !== undefined) {
          if (chartIds.has(c.chartId)) fail(i, kind, `Chart with ID ${c.chartId} already exists. (assumed)`);
          chartIds.add(c.chartId);
        }
        const anchor = c.position?.overlayPosition?.anchorCell;
        if (!anchor) throw new Error('emulator: only overlay chart positions are implemented');
        const m = byId(anchor.sheetId);
        if ((anchor.rowIndex ?? 0) >= m.rows || (anchor.columnIndex ?? 0) >= m.columns)
          fail(
            i,
            kind,
            `Range (${quoted(m.title)}!${a1Of({ r0: anchor.rowIndex ?? 0, r1: (anchor.rowIndex ?? 0) + 1, c0: anchor.columnIndex ?? 0, c1: (anchor.columnIndex ?? 0) + 1 })}) exceeds grid limits. Max rows: ${m.rows}, max columns: ${m.columns}`,
          );
        for (const g of chartSources(c.spec ?? {})) range(g);
        const spec = c.spec ?? {};
        if (!spec.basicChart && !spec.scorecardChart)
          throw new Error('emulator: only basic and scorecard charts are implemented');
        return kind;
      }
      case 'updateChartSpec': {
        const u = r.updateChartSpec ?? {};
        // The API names the missing chart by id, as for sheets (wording assumed).
        if (u.chartId === undefined || !chartIds.has(u.chartId))
          fail(i, kind, `No chart with id: ${u.chartId ?? 0} (assumed)`);
        const spec = u.spec ?? {};
        for (const g of chartSources(spec)) range(g);
        if (!spec.basicChart && !spec.scorecardChart)
          throw new Error('emulator: only basic and scorecard charts are implemented');
        return kind;
      }
      case 'addProtectedRange': {
        const g = r.addProtectedRange?.protectedRange?.range;
        if (!g) fail(i, kind, 'A protected range needs a range. (assumed)');
        range(g);
        return kind;
      }
      case 'createDeveloperMetadata': {
        const d = r.createDeveloperMetadata?.developerMetadata ?? {};
        if (!d.metadataKey) fail(i, kind, 'Developer metadata must have a key. (assumed)');
        if (!d.visibility) fail(i, kind, 'Developer metadata must have a visibility. (assumed)');
        const l = d.location ?? {};
        if (l.sheetId !== undefined) byId(l.sheetId);
        else if (!l.spreadsheet)
          throw new Error('emulator: only sheet and spreadsheet metadata locations are implemented');
        return kind;
      }
    }
  }

  // --- application (everything passed) ----------------------------------------------------

  /** A chart as the API records it: its sources resolved, its options for the playground, its spec kept. */
  private chart(
    sheet: EmuSheet,
    spec: gapi.client.sheets.ChartSpec,
    position: ChartPosition,
    size: { width: number; height: number },
    chartId: number | null,
  ): EmuChart {
    const ranges = chartSources(spec).map((g) => {
      const x = this.grid(g);
      return x.sheet.range(x.grid);
    });
    const b = spec.basicChart;
    const options: Record<string, unknown> = { title: spec.title ?? '', width: size.width, height: size.height };
    if (b) {
      options.legend = { position: (b.legendPosition ?? 'RIGHT_LEGEND').replace('_LEGEND', '').toLowerCase() };
      options.colors = (b.series ?? []).map((s) => toHex(s.colorStyle?.rgbColor ?? s.color) ?? null);
      options.series = Object.fromEntries(
        (b.series ?? []).map((s, k) => [
          k,
          { lineDashType: s.lineStyle?.type ?? 'SOLID', lineWidth: s.lineStyle?.width },
        ]),
      );
    }
    return new EmuChart(
      sheet,
      {
        type: spec.scorecardChart ? 'SCORECARD' : (b?.chartType ?? 'LINE'),
        ranges,
        options,
        position,
        numHeaders: b?.headerCount ?? 0,
        transpose: false,
        mergeStrategy: 'MERGE_COLUMNS',
        hiddenDimensionStrategy: spec.hiddenDimensionStrategy ?? 'SKIP_HIDDEN_ROWS_AND_COLUMNS',
        spec: JSON.parse(JSON.stringify(spec)) as gapi.client.sheets.ChartSpec,
      },
      chartId,
    );
  }

  private sheet(id: number | undefined): EmuSheet {
    const s = this.ss.sheets.find((x) => x.sheetId === (id ?? 0));
    if (!s) throw new Error(`emulator: sheet ${id} vanished during a validated batch`);
    return s;
  }

  private grid(g: Grid): { sheet: EmuSheet; grid: GridRange } {
    const sheet = this.sheet(g.sheetId);
    const m = {
      sheetId: sheet.sheetId,
      title: sheet.name,
      rows: sheet.maxRows,
      columns: sheet.maxColumns,
      hidden: false,
    };
    const x = resolve(g, m);
    return { sheet, grid: { row: x.r0 + 1, column: x.c0 + 1, numRows: x.r1 - x.r0, numColumns: x.c1 - x.c0 } };
  }

  private apply(r: Req, kind: Kind): Res {
    switch (kind) {
      case 'addSheet': {
        const p = r.addSheet!.properties ?? {};
        const sheet = this.ss.addSheet(p.title ?? this.ss.defaultSheetName(), p.index, p.sheetId);
        sheet.maxRows = p.gridProperties?.rowCount ?? 1000;
        sheet.maxColumns = p.gridProperties?.columnCount ?? 26;
        sheet.frozenRows = p.gridProperties?.frozenRowCount ?? 0;
        sheet.frozenColumns = p.gridProperties?.frozenColumnCount ?? 0;
        sheet.hidden = !!p.hidden;
        return {
          addSheet: {
            properties: {
              sheetId: sheet.sheetId,
              title: sheet.name,
              index: sheet.getIndex() - 1,
              sheetType: 'GRID',
              gridProperties: { rowCount: sheet.maxRows, columnCount: sheet.maxColumns },
            },
          },
        };
      }
      case 'deleteSheet': {
        const s = this.sheet(r.deleteSheet!.sheetId);
        this.ss.deleteSheet(s as unknown as GoogleAppsScript.Spreadsheet.Sheet);
        return {};
      }
      case 'updateSheetProperties': {
        const u = r.updateSheetProperties!;
        const s = this.sheet(u.properties!.sheetId);
        const fields = u.fields!.split(',').map((f) => f.trim());
        if (fields.includes('title')) this.ss.renameSheet(s, u.properties!.title ?? '');
        if (fields.includes('hidden')) s.hidden = !!u.properties!.hidden;
        if (fields.includes('gridProperties.frozenRowCount'))
          s.frozenRows = u.properties!.gridProperties?.frozenRowCount ?? 0;
        if (fields.includes('gridProperties.frozenColumnCount'))
          s.frozenColumns = u.properties!.gridProperties?.frozenColumnCount ?? 0;
        if (fields.includes('index')) {
          const list = this.ss.sheets.filter((x) => x !== s);
          list.splice(Math.max(0, Math.min(u.properties!.index ?? 0, list.length)), 0, s);
          this.ss.sheets = list;
        }
        return {};
      }
      case 'updateCells': {
        const u = r.updateCells!;
        const rows = u.rows ?? [];
        const width = Math.max(0, ...rows.map((row) => row.values?.length ?? 0));
        const target = u.start
          ? this.grid({
              sheetId: u.start.sheetId,
              startRowIndex: u.start.rowIndex ?? 0,
              endRowIndex: (u.start.rowIndex ?? 0) + rows.length,
              startColumnIndex: u.start.columnIndex ?? 0,
              endColumnIndex: (u.start.columnIndex ?? 0) + width,
            })
          : this.grid(u.range!);
        const cells = Array.from({ length: target.grid.numRows }, (_, ri) =>
          Array.from({ length: target.grid.numColumns }, (_, ci) => rows[ri]?.values?.[ci] ?? {}),
        );
        writeCells(target.sheet, target.grid, cells, u.fields!);
        return {};
      }
      case 'repeatCell': {
        const u = r.repeatCell!;
        const t = this.grid(u.range!);
        const cell = u.cell ?? {};
        const cells = Array.from({ length: t.grid.numRows }, () =>
          Array.from({ length: t.grid.numColumns }, () => cell),
        );
        writeCells(t.sheet, t.grid, cells, u.fields!);
        return {};
      }
      case 'updateDimensionProperties': {
        const u = r.updateDimensionProperties!;
        const d = u.range!;
        const s = this.sheet(d.sheetId);
        const start = (d.startIndex ?? 0) + 1;
        const count = (d.endIndex ?? (d.dimension === 'ROWS' ? s.maxRows : s.maxColumns)) + 1 - start;
        const fields = u.fields!.split(',').map((f) => f.trim());
        const rowsDim = d.dimension === 'ROWS';
        for (let k = start; k < start + count; k++) {
          if (fields.includes('pixelSize') && u.properties?.pixelSize !== undefined)
            (rowsDim ? s.rowHeights : s.columnWidths).set(k, u.properties.pixelSize);
          if (fields.includes('hiddenByUser')) {
            const set = rowsDim ? s.hiddenRows : s.hiddenColumns;
            if (u.properties?.hiddenByUser) set.add(k);
            else set.delete(k);
          }
        }
        return {};
      }
      case 'addConditionalFormatRule': {
        const rule = r.addConditionalFormatRule!.rule!;
        const b = rule.booleanRule!;
        const cond = b.condition!;
        const t = cond.type as string;
        const criteria =
          t === 'TEXT_EQ'
            ? 'TEXT_EQUAL_TO'
            : t === 'CUSTOM_FORMULA'
              ? 'CUSTOM_FORMULA'
              : t === 'NUMBER_LESS'
                ? 'NUMBER_LESS_THAN'
                : 'NUMBER_GREATER_THAN';
        const ranges = rule.ranges!.map((g) => {
          const x = this.grid(g);
          return x.sheet.range(x.grid);
        });
        const f = b.format ?? {};
        const values = (cond.values ?? []).map((v) => {
          const raw = v.userEnteredValue ?? '';
          return criteria.startsWith('NUMBER') ? Number(raw) : raw;
        });
        const ruleObj = new EmuConditionalFormatRule({
          criteria,
          values,
          format: {
            background: toHex(f.backgroundColorStyle?.rgbColor ?? f.backgroundColor) ?? null,
            fontColor: toHex(f.textFormat?.foregroundColorStyle?.rgbColor ?? f.textFormat?.foregroundColor) ?? null,
            bold: f.textFormat?.bold ?? null,
          },
          ranges,
          gradient: null,
        });
        const sheet = ranges[0].sheet;
        const at = r.addConditionalFormatRule!.index ?? 0;
        sheet.conditionalFormats.splice(Math.min(at, sheet.conditionalFormats.length), 0, ruleObj);
        return {};
      }
      case 'addChart': {
        const c = r.addChart!.chart!;
        const spec = c.spec!;
        const o = c.position!.overlayPosition!;
        const anchor = o.anchorCell!;
        const sheet = this.sheet(anchor.sheetId);
        const chartId = c.chartId ?? this.ss.core.nextId('chart');
        const chart = this.chart(
          sheet,
          spec,
          {
            anchorRow: (anchor.rowIndex ?? 0) + 1,
            anchorColumn: (anchor.columnIndex ?? 0) + 1,
            offsetX: o.offsetXPixels ?? 0,
            offsetY: o.offsetYPixels ?? 0,
          },
          { width: o.widthPixels ?? 600, height: o.heightPixels ?? 371 },
          chartId,
        );
        sheet.charts.push(chart);
        return { addChart: { chart: { chartId, spec, position: c.position } } };
      }
      case 'updateChartSpec': {
        const u = r.updateChartSpec!;
        // The chart keeps its id, its sheet and its place; its spec is replaced whole.
        for (const sheet of this.ss.sheets) {
          const at = sheet.charts.findIndex((x) => x.chartId === u.chartId);
          if (at < 0) continue;
          const old = sheet.charts[at]!;
          const size = {
            width: Number(old.state.options.width ?? 600),
            height: Number(old.state.options.height ?? 371),
          };
          sheet.charts[at] = this.chart(sheet, u.spec!, { ...old.state.position }, size, old.chartId);
        }
        return {};
      }
      case 'addProtectedRange': {
        const pr = r.addProtectedRange!.protectedRange!;
        const g = pr.range!;
        const whole = g.startRowIndex === undefined && g.endRowIndex === undefined && g.startColumnIndex === undefined;
        const x = this.grid(g);
        const p = new EmuProtection(this.ss, whole ? 'SHEET' : 'RANGE', x.sheet, whole ? null : x.grid);
        this.ss.protections.push(p);
        p.setDescription(pr.description ?? '');
        p.setWarningOnly(!!pr.warningOnly);
        return {
          addProtectedRange: { protectedRange: { ...pr, protectedRangeId: this.ss.core.nextId('protection') } },
        };
      }
      case 'createDeveloperMetadata': {
        const d = r.createDeveloperMetadata!.developerMetadata!;
        const l = d.location!;
        const location =
          l.sheetId !== undefined
            ? { type: 'SHEET' as const, sheet: this.sheet(l.sheetId) }
            : { type: 'SPREADSHEET' as const };
        const rec = this.ss.addMetadata(location, d.metadataKey!, d.metadataValue ?? null, d.visibility);
        return { createDeveloperMetadata: { developerMetadata: { ...d, metadataId: rec.id } } };
      }
    }
  }
}

/** Every range a chart reads. */
export function chartSources(spec: gapi.client.sheets.ChartSpec): Grid[] {
  const out: Grid[] = [];
  const add = (d: gapi.client.sheets.ChartData | undefined) => {
    for (const g of d?.sourceRange?.sources ?? []) out.push(g);
  };
  for (const d of spec.basicChart?.domains ?? []) add(d.domain);
  for (const s of spec.basicChart?.series ?? []) add(s.series);
  add(spec.scorecardChart?.keyValueData);
  add(spec.scorecardChart?.baselineValueData);
  return out;
}

const covered = (fields: string, path: string): boolean =>
  fields === '*' ||
  fields
    .split(',')
    .map((f) => f.trim())
    .some((f) => f === path || path.startsWith(`${f}.`) || f.startsWith(`${path}.`));

/** userEnteredValue / userEnteredFormat / note of a block of cells, as far as `fields` covers them. */
function writeCells(sheet: EmuSheet, g: GridRange, cells: CellData[][], fields: string): void {
  const values = covered(fields, 'userEnteredValue');
  const format = covered(fields, 'userEnteredFormat');
  const whole = (p: string) =>
    fields === '*' || fields.split(',').some((f) => f.trim() === p || p.startsWith(`${f.trim()}.`));
  for (let ri = 0; ri < g.numRows; ri++) {
    for (let ci = 0; ci < g.numColumns; ci++) {
      const data = cells[ri][ci];
      const cell = sheet.ensureCell(g.row + ri, g.column + ci);
      if (format) {
        const f = data.userEnteredFormat ?? {};
        const style: Style = whole('userEnteredFormat') ? {} : { ...cell.style };
        const set = (path: string, key: keyof Style, v: unknown) => {
          if (!covered(fields, `userEnteredFormat.${path}`)) return;
          if (v === undefined || v === null) delete style[key];
          else (style as Record<string, unknown>)[key] = v;
        };
        const nf = f.numberFormat;
        set('numberFormat', 'numberFormat', nf ? (nf.pattern ?? (nf.type === 'TEXT' ? '@' : undefined)) : undefined);
        set(
          'textFormat.bold',
          'fontWeight',
          f.textFormat?.bold === undefined ? undefined : f.textFormat.bold ? 'bold' : 'normal',
        );
        set(
          'textFormat.italic',
          'fontStyle',
          f.textFormat?.italic === undefined ? undefined : f.textFormat.italic ? 'italic' : 'normal',
        );
        set('textFormat.fontSize', 'fontSize', f.textFormat?.fontSize);
        const fg = toHex(f.textFormat?.foregroundColorStyle?.rgbColor ?? f.textFormat?.foregroundColor);
        set('textFormat.foregroundColor', 'fontColor', fg && normalizeColor(fg));
        const bg = toHex(f.backgroundColorStyle?.rgbColor ?? f.backgroundColor);
        set('backgroundColor', 'background', bg && normalizeColor(bg));
        set('horizontalAlignment', 'horizontalAlignment', f.horizontalAlignment?.toLowerCase());
        set('verticalAlignment', 'verticalAlignment', f.verticalAlignment?.toLowerCase());
        set('wrapStrategy', 'wrapStrategy', f.wrapStrategy);
        if (covered(fields, 'userEnteredFormat.wrapStrategy') && f.wrapStrategy) style.wrap = f.wrapStrategy === 'WRAP';
        cell.style = style;
      }
      if (covered(fields, 'note')) cell.note = data.note ?? undefined;
    }
  }
  if (values) {
    // Formulas go through the emulator's own parser (the spreadsheet's locale syntax); strings stay text.
    const block = cells.map((row) =>
      row.map((d) => {
        const v = d.userEnteredValue;
        if (!v) return '';
        if (v.formulaValue !== undefined) return v.formulaValue;
        if (v.numberValue !== undefined) return v.numberValue;
        if (v.boolValue !== undefined) return v.boolValue;
        return '';
      }),
    );
    sheet.range(g).setValues(block);
    let texts = false;
    cells.forEach((row, ri) => {
      row.forEach((d, ci) => {
        const s = d.userEnteredValue?.stringValue;
        if (s === undefined) return;
        const cell = sheet.ensureCell(g.row + ri, g.column + ci);
        cell.v = s;
        cell.f = undefined;
        cell.hf = undefined;
        texts = true;
      });
    });
    if (texts) sheet.sync(g.row, g.column, g.numRows, g.numColumns);
  }
}
