/** Embedded charts: recorded with their type, ranges, options and position, drawn by the playground. */
import { formatA1 } from '../a1';
import { EmuObject } from '../instrument';
import { checkChartOption } from './chart-options';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';

type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

/** Plain form for snapshots and the playground. */
export interface ChartView {
  chartId: number | null;
  type: string;
  /** A1 ranges with their sheet, e.g. "'KPI dashboard'!A1:B13". */
  ranges: string[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  /** A chart added through the Sheets API: its ChartSpec as sent (scorecards exist only there). */
  spec?: gapi.client.sheets.ChartSpec;
}

interface ChartState {
  type: string;
  ranges: EmuRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: string;
  hiddenDimensionStrategy: string;
  spec?: gapi.client.sheets.ChartSpec;
}

function copyState(s: ChartState): ChartState {
  return { ...s, ranges: [...s.ranges], options: { ...s.options }, position: { ...s.position } };
}

export class EmuChart
  extends EmuObject
  implements
    Pick<
      Chart,
      | 'getChartId'
      | 'getOptions'
      | 'getRanges'
      | 'getContainerInfo'
      | 'modify'
      | 'getNumHeaders'
      | 'getTransposeRowsAndColumns'
      | 'getMergeStrategy'
      | 'getHiddenDimensionStrategy'
    >
{
  readonly emuType = 'EmbeddedChart';
  chartId: number | null;

  constructor(
    public sheet: EmuSheet,
    readonly state: ChartState,
    chartId: number | null,
  ) {
    super();
    this.chartId = chartId;
  }

  view(): ChartView {
    return {
      chartId: this.chartId,
      type: this.state.type,
      ranges: this.state.ranges.map((r) => rangeText(r)),
      options: { ...this.state.options },
      position: { ...this.state.position },
      numHeaders: this.state.numHeaders,
      transpose: this.state.transpose,
      mergeStrategy: this.state.mergeStrategy,
      hiddenDimensionStrategy: this.state.hiddenDimensionStrategy,
      ...(this.state.spec ? { spec: this.state.spec } : {}),
    };
  }

  getChartId(): number {
    return this.chartId as number;
  }

  /** The chart's id as a string (EmbeddedChart.getId in the Advanced API sense). */
  getId(): string {
    return this.chartId === null ? '' : `chart-${this.chartId}`;
  }

  /** Not part of Apps Script's EmbeddedChart: exposed for tests. */
  getChartType(): string {
    return this.state.type;
  }

  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = { ...this.state.options };
    return {
      get: (option: string) => (option in options ? options[option] : null),
      getOrDefault: (option: string) => (option in options ? options[option] : null),
    } as unknown as GoogleAppsScript.Charts.ChartOptions;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.state.ranges] as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = { ...this.state.position };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    } as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  getNumHeaders(): number {
    return this.state.numHeaders;
  }

  getTransposeRowsAndColumns(): boolean {
    return this.state.transpose;
  }

  getMergeStrategy(): GoogleAppsScript.Charts.ChartMergeStrategy {
    return this.state.mergeStrategy as unknown as GoogleAppsScript.Charts.ChartMergeStrategy;
  }

  getHiddenDimensionStrategy(): GoogleAppsScript.Charts.ChartHiddenDimensionStrategy {
    return this.state.hiddenDimensionStrategy as unknown as GoogleAppsScript.Charts.ChartHiddenDimensionStrategy;
  }

  modify(): Builder {
    return new EmbeddedChartBuilder(this.sheet, copyState(this.state), this.chartId) as unknown as Builder;
  }
}

export function rangeText(r: EmuRange): string {
  const name = r.sheet.name;
  const quoted = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  return `${quoted}!${formatA1(r.grid)}`;
}

/**
 * EmbeddedChartBuilder and its typed variants (asLineChart()… return the same builder): every
 * setter ends up as an option, with the keys setOption() would use ('title', 'hAxis.title', …).
 */
export class EmbeddedChartBuilder extends EmuObject {
  readonly emuType = 'EmbeddedChartBuilder';
  private state: ChartState;

  constructor(
    private readonly sheet: EmuSheet,
    state?: ChartState,
    private readonly chartId: number | null = null,
  ) {
    super();
    this.state = state ?? {
      type: 'LINE',
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
      mergeStrategy: 'MERGE_COLUMNS',
      hiddenDimensionStrategy: 'IGNORE_BOTH',
    };
  }

  private opt(key: string, value: unknown): Builder {
    this.state.options[key] = value;
    return this as unknown as Builder;
  }

  private typed(type: string): Builder {
    this.state.type = type;
    return this as unknown as Builder;
  }

  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    return this.typed(String(type));
  }

  getChartType(): GoogleAppsScript.Charts.ChartType {
    return this.state.type as unknown as GoogleAppsScript.Charts.ChartType;
  }

  addRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    this.state.ranges.push(range as unknown as EmuRange);
    return this as unknown as Builder;
  }

  removeRange(range: GoogleAppsScript.Spreadsheet.Range): Builder {
    const r = range as unknown as EmuRange;
    this.state.ranges = this.state.ranges.filter(
      (x) => !(x.sheet === r.sheet && formatA1(x.grid) === formatA1(r.grid)),
    );
    return this as unknown as Builder;
  }

  clearRanges(): Builder {
    this.state.ranges = [];
    return this as unknown as Builder;
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return [...this.state.ranges] as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): Builder {
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this as unknown as Builder;
  }

  getContainer(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    const p = { ...this.state.position };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    } as unknown as GoogleAppsScript.Spreadsheet.ContainerInfo;
  }

  setOption(option: string, value: unknown): Builder {
    checkChartOption(option, value);
    return this.opt(option, value);
  }

  setNumHeaders(headers: number): Builder {
    this.state.numHeaders = headers;
    return this as unknown as Builder;
  }

  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this.state.transpose = transpose;
    return this as unknown as Builder;
  }

  setMergeStrategy(mergeStrategy: GoogleAppsScript.Charts.ChartMergeStrategy): Builder {
    this.state.mergeStrategy = String(mergeStrategy);
    return this as unknown as Builder;
  }

  setHiddenDimensionStrategy(strategy: GoogleAppsScript.Charts.ChartHiddenDimensionStrategy): Builder {
    this.state.hiddenDimensionStrategy = String(strategy);
    return this as unknown as Builder;
  }

  asAreaChart(): Builder {
    return this.typed('AREA');
  }
  asBarChart(): Builder {
    return this.typed('BAR');
  }
  asColumnChart(): Builder {
    return this.typed('COLUMN');
  }
  asComboChart(): Builder {
    return this.typed('COMBO');
  }
  asHistogramChart(): Builder {
    return this.typed('HISTOGRAM');
  }
  asLineChart(): Builder {
    return this.typed('LINE');
  }
  asPieChart(): Builder {
    return this.typed('PIE');
  }
  asScatterChart(): Builder {
    return this.typed('SCATTER');
  }
  asTableChart(): Builder {
    return this.typed('TABLE');
  }

  // Typed-builder setters, stored as the options they stand for.
  setTitle(chartTitle: string): Builder {
    return this.opt('title', chartTitle);
  }
  setTitleTextStyle(textStyle: unknown): Builder {
    return this.opt('titleTextStyle', textStyle);
  }
  setXAxisTitle(title: string): Builder {
    return this.opt('hAxis.title', title);
  }
  setYAxisTitle(title: string): Builder {
    return this.opt('vAxis.title', title);
  }
  setLegendPosition(position: GoogleAppsScript.Charts.Position): Builder {
    return this.opt('legend.position', String(position).toLowerCase());
  }
  setColors(cssValues: string[]): Builder {
    return this.opt('colors', [...cssValues]);
  }
  setStacked(): Builder {
    return this.opt('isStacked', true);
  }
  setBackgroundColor(cssValue: string): Builder {
    return this.opt('backgroundColor', cssValue);
  }
  setDimensions(width: number, height: number): Builder {
    this.opt('width', width);
    return this.opt('height', height);
  }
  setCurveStyle(style: GoogleAppsScript.Charts.CurveStyle): Builder {
    return this.opt('curveType', String(style) === 'SMOOTH' ? 'function' : 'none');
  }
  setPointStyle(style: GoogleAppsScript.Charts.PointStyle): Builder {
    return this.opt(
      'pointSize',
      String(style) === 'NONE'
        ? 0
        : String(style) === 'TINY'
          ? 2
          : String(style) === 'LARGE'
            ? 10
            : String(style) === 'HUGE'
              ? 14
              : 7,
    );
  }
  setRange(start: number, end: number): Builder {
    this.opt('vAxis.viewWindow.min', start);
    return this.opt('vAxis.viewWindow.max', end);
  }
  useLogScale(): Builder {
    return this.opt('vAxis.logScale', true);
  }
  reverseCategories(): Builder {
    return this.opt('hAxis.direction', -1);
  }
  set3D(): Builder {
    return this.opt('is3D', true);
  }
  setPieSliceText(text: string): Builder {
    return this.opt('pieSliceText', text);
  }

  build(): Chart {
    return new EmuChart(this.sheet, copyState(this.state), this.chartId) as unknown as Chart;
  }
}
