/**
 * A SheetPlan as Sheets API requests (the Advanced Sheets service's batchUpdate): one addSheet
 * with a chosen sheetId and a grid sized to the plan, one updateCells per block, a repeatCell per
 * style, updateDimensionProperties for sizes and hidden columns, the conditional formats, the
 * charts (native scorecards included), the warning-only protection and the tags. Typed with the
 * maintained Sheets API typing: a misspelt field or enum value fails `tsc`.
 */
import type {
  Area,
  Block,
  ChartRange,
  ChartSpec,
  ConditionalFormat,
  SheetPlan,
  Style,
} from '../../core/dashboard/plan';
import { parseA1 } from '../../core/kpi/a1';

type Request = gapi.client.sheets.Request;
type GridRange = gapi.client.sheets.GridRange;
type Color = gapi.client.sheets.Color;
type CellData = gapi.client.sheets.CellData;

export interface RenderContext {
  sheetId: number;
  /** Sheet ids by title (the KPIs' source sheets, for the category charts). */
  sheetIds: ReadonlyMap<string, number>;
}

export function color(hex: string): Color {
  const n = Number.parseInt(hex.slice(1), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

const grid = (sheetId: number, a: Area): GridRange => ({
  sheetId,
  startRowIndex: a.row - 1,
  endRowIndex: a.row - 1 + a.rows,
  startColumnIndex: a.column - 1,
  endColumnIndex: a.column - 1 + a.columns,
});

/** A chart range as a GridRange, or null when its sheet no longer exists (the chart is left out). */
function chartGrid(ctx: RenderContext, r: ChartRange): GridRange | null {
  if (r.sheet === 'self') return grid(ctx.sheetId, r);
  const p = parseA1(r.a1);
  const id = p?.sheet !== undefined ? ctx.sheetIds.get(p.sheet) : undefined;
  if (!p || id === undefined) return null;
  return {
    sheetId: id,
    startRowIndex: p.startRow - 1,
    ...(p.endRow !== null && { endRowIndex: p.endRow }),
    startColumnIndex: p.startCol - 1,
    ...(p.endCol !== null && { endColumnIndex: p.endCol }),
  };
}

function cellOf(v: string | number, numberFormat: string): CellData {
  const pattern = {
    numberFormat: numberFormat === '@' ? { type: 'TEXT' as const } : { type: 'NUMBER' as const, pattern: numberFormat },
  };
  if (typeof v === 'number') return { userEnteredValue: { numberValue: v }, userEnteredFormat: pattern };
  if (v === '') return { userEnteredFormat: pattern };
  if (v.startsWith('=')) return { userEnteredValue: { formulaValue: v }, userEnteredFormat: pattern };
  return { userEnteredValue: { stringValue: v }, userEnteredFormat: pattern };
}

export function blockRequest(sheetId: number, b: Block): Request {
  return {
    updateCells: {
      range: grid(sheetId, b),
      rows: b.values.map((row, r) => ({ values: row.map((v, c) => cellOf(v, b.numberFormats[r][c])) })),
      fields: 'userEnteredValue,userEnteredFormat.numberFormat',
    },
  };
}

function styleRequest(sheetId: number, s: Style): Request {
  const fields: string[] = [];
  const format: gapi.client.sheets.CellFormat = {};
  const text: gapi.client.sheets.TextFormat = {};
  if (s.fontWeight) {
    text.bold = s.fontWeight === 'bold';
    fields.push('userEnteredFormat.textFormat.bold');
  }
  if (s.fontSize) {
    text.fontSize = s.fontSize;
    fields.push('userEnteredFormat.textFormat.fontSize');
  }
  if (s.fontColor) {
    text.foregroundColor = color(s.fontColor);
    fields.push('userEnteredFormat.textFormat.foregroundColor');
  }
  if (Object.keys(text).length) format.textFormat = text;
  if (s.background) {
    format.backgroundColor = color(s.background);
    fields.push('userEnteredFormat.backgroundColor');
  }
  if (s.horizontalAlignment) {
    format.horizontalAlignment =
      s.horizontalAlignment === 'left' ? 'LEFT' : s.horizontalAlignment === 'center' ? 'CENTER' : 'RIGHT';
    fields.push('userEnteredFormat.horizontalAlignment');
  }
  if (s.verticalAlignment) {
    format.verticalAlignment =
      s.verticalAlignment === 'top' ? 'TOP' : s.verticalAlignment === 'middle' ? 'MIDDLE' : 'BOTTOM';
    fields.push('userEnteredFormat.verticalAlignment');
  }
  if (s.wrap !== undefined) {
    format.wrapStrategy = s.wrap ? 'WRAP' : 'OVERFLOW_CELL';
    fields.push('userEnteredFormat.wrapStrategy');
  }
  return { repeatCell: { range: grid(sheetId, s), cell: { userEnteredFormat: format }, fields: fields.join(',') } };
}

function ruleRequest(sheetId: number, c: ConditionalFormat, index: number): Request {
  return {
    addConditionalFormatRule: {
      index,
      rule: {
        ranges: c.areas.map((a) => grid(sheetId, a)),
        booleanRule: {
          condition:
            c.when === 'text_equals'
              ? { type: 'TEXT_EQ', values: [{ userEnteredValue: c.text }] }
              : { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: c.formula }] },
          format: {
            ...(c.background && { backgroundColor: color(c.background) }),
            ...((c.fontColor || c.bold !== undefined) && {
              textFormat: {
                ...(c.fontColor && { foregroundColor: color(c.fontColor) }),
                ...(c.bold !== undefined && { bold: c.bold }),
              },
            }),
          },
        },
      },
    },
  };
}

const GOOD = color('#137333');
const BAD = color('#c5221f');

export function chartRequest(ctx: RenderContext, c: ChartSpec): Request | null {
  const position: gapi.client.sheets.EmbeddedObjectPosition = {
    overlayPosition: {
      anchorCell: { sheetId: ctx.sheetId, rowIndex: c.position.row - 1, columnIndex: c.position.column - 1 },
      offsetXPixels: c.position.offsetX,
      offsetYPixels: c.position.offsetY,
      widthPixels: c.width,
      heightPixels: c.height,
    },
  };
  if (c.type === 'SCORECARD') {
    const data = (a: Area): gapi.client.sheets.ChartData => ({ sourceRange: { sources: [grid(ctx.sheetId, a)] } });
    return {
      addChart: {
        chart: {
          spec: {
            title: c.title,
            titleTextFormat: { fontSize: 11, bold: true },
            // Chart data sits in hidden columns: plot it anyway.
            hiddenDimensionStrategy: 'SHOW_ALL',
            scorecardChart: {
              keyValueData: data(c.key),
              ...(c.baseline && {
                baselineValueData: data(c.baseline),
                baselineValueFormat: {
                  comparisonType: c.comparison,
                  description: c.changeLabel,
                  // "Color to be used, in case baseline value represents a positive change for key value."
                  positiveColor: c.lowerIsBetter ? BAD : GOOD,
                  negativeColor: c.lowerIsBetter ? GOOD : BAD,
                  textFormat: { fontSize: 10 },
                },
              }),
              aggregateType: 'SUM',
              keyValueFormat: { textFormat: { fontSize: 28, bold: true } },
              ...(c.scale === 1 && !c.prefix && !c.suffix
                ? { numberFormatSource: 'FROM_DATA' as const }
                : {
                    numberFormatSource: 'CUSTOM' as const,
                    scaleFactor: c.scale,
                    customFormatOptions: { prefix: c.prefix, suffix: c.suffix },
                  }),
            },
          },
          position,
        },
      },
    };
  }
  const domain = chartGrid(ctx, c.domain);
  const series: { s: (typeof c.series)[number]; g: GridRange }[] = [];
  for (const s of c.series) {
    const g = chartGrid(ctx, s.range);
    if (!g) return null;
    series.push({ s, g });
  }
  if (!domain) return null;
  return {
    addChart: {
      chart: {
        spec: {
          title: c.title,
          hiddenDimensionStrategy: 'SHOW_ALL',
          basicChart: {
            chartType: c.type,
            legendPosition: c.legend === 'BOTTOM' ? 'BOTTOM_LEGEND' : 'NO_LEGEND',
            headerCount: c.headerCount,
            axis: c.valueFormat
              ? [{ position: c.type === 'BAR' ? 'BOTTOM_AXIS' : 'LEFT_AXIS', format: { fontSize: 9 } }]
              : undefined,
            domains: [{ domain: { sourceRange: { sources: [domain] } } }],
            series: series.map(({ s, g }) => ({
              series: { sourceRange: { sources: [g] } },
              targetAxis: c.type === 'BAR' ? ('BOTTOM_AXIS' as const) : ('LEFT_AXIS' as const),
              color: color(s.color),
              // The target is a visibly distinct series: a dashed line (BasicChartSeries.lineStyle);
              // the benchmark a dotted one.
              ...(s.line && {
                lineStyle: { type: s.line === 'dashed' ? ('MEDIUM_DASHED' as const) : ('DOTTED' as const), width: 2 },
              }),
            })),
          },
        },
        position,
      },
    },
  };
}

/**
 * What tells one of a dashboard's charts from the others, whatever its figures: its kind and where
 * its data starts (a scorecard's key cell; a basic chart's domain and first series). A chart's
 * data grows down (more periods) and a scorecard gains or loses its baseline: neither changes this.
 */
export function chartSignature(spec: gapi.client.sheets.ChartSpec): string {
  const start = (d: gapi.client.sheets.ChartData | undefined) => {
    const g = d?.sourceRange?.sources?.[0];
    return g ? `${g.sheetId ?? 0}:${g.startRowIndex ?? 0}:${g.startColumnIndex ?? 0}` : '-';
  };
  if (spec.scorecardChart) return `scorecard ${start(spec.scorecardChart.keyValueData)}`;
  const b = spec.basicChart;
  return `${b?.chartType ?? '?'} ${start(b?.domains?.[0]?.domain)} ${start(b?.series?.[0]?.series)}`;
}

export interface SheetTags {
  key: string;
  value: string;
}

/** Every request that builds the plan on a new sheet `ctx.sheetId` named `title` at `index`. */
export function sheetRequests(
  ctx: RenderContext,
  plan: SheetPlan,
  title: string,
  index: number,
  tags: readonly SheetTags[],
  protection: string,
): Request[] {
  const id = ctx.sheetId;
  const out: Request[] = [
    {
      addSheet: {
        properties: {
          sheetId: id,
          title,
          index,
          gridProperties: { rowCount: plan.rows, columnCount: plan.columns, frozenRowCount: plan.frozenRows },
        },
      },
    },
  ];
  for (const b of plan.blocks) out.push(blockRequest(id, b));
  for (const s of plan.styles) out.push(styleRequest(id, s));
  for (const w of plan.columnWidths)
    out.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'COLUMNS', startIndex: w.column - 1, endIndex: w.column - 1 + w.count },
        properties: { pixelSize: w.width },
        fields: 'pixelSize',
      },
    });
  for (const h of plan.rowHeights)
    out.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'ROWS', startIndex: h.row - 1, endIndex: h.row - 1 + h.count },
        properties: { pixelSize: h.height },
        fields: 'pixelSize',
      },
    });
  for (const h of plan.hiddenColumns)
    out.push({
      updateDimensionProperties: {
        range: { sheetId: id, dimension: 'COLUMNS', startIndex: h.column - 1, endIndex: h.column - 1 + h.count },
        properties: { hiddenByUser: true },
        fields: 'hiddenByUser',
      },
    });
  plan.conditionalFormats.forEach((c, i) => {
    out.push(ruleRequest(id, c, i));
  });
  for (const c of plan.charts) {
    const r = chartRequest(ctx, c);
    if (r) out.push(r);
  }
  out.push({
    addProtectedRange: { protectedRange: { range: { sheetId: id }, description: protection, warningOnly: true } },
  });
  for (const t of tags)
    out.push({
      createDeveloperMetadata: {
        developerMetadata: {
          metadataKey: t.key,
          metadataValue: t.value,
          location: { sheetId: id },
          visibility: 'DOCUMENT',
        },
      },
    });
  return out;
}
