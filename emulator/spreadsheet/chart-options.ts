/**
 * The options Sheets documents for embedded charts (EmbeddedChartBuilder.setOption → "Chart
 * configuration options", developers.google.com/apps-script/chart-configuration-options, the
 * sections for area, bar, column, combo, histogram, line, pie and scatter charts). Sheets ignores
 * any other key without a word (`series.1.lineDashStyle`, a Google Charts option, draws a plain
 * line), so the emulator refuses it: a chart that relies on one fails its test instead of
 * looking right only here. An object value stands for its dotted keys (`legend: {position}` is
 * `legend.position`); `N` is a series or axis index.
 *
 * Unverified: the page's full text could not be read from this machine (only its outline); the
 * list is the page's option names as the Google Charts reference it mirrors spells them, kept to
 * the families below. Add a key only with the page section that documents it.
 */
const DOCUMENTED = [
  'title',
  'titlePosition',
  'titleTextStyle.*',
  'backgroundColor',
  'backgroundColor.*',
  'chartArea.*',
  'colors',
  'fontName',
  'fontSize',
  'width',
  'height',
  'legend',
  'legend.position',
  'legend.alignment',
  'legend.textStyle.*',
  'hAxis.*',
  'vAxis.*',
  'vAxes.N.*',
  'hAxes.N.*',
  'series.N.color',
  'series.N.lineWidth',
  'series.N.pointSize',
  'series.N.pointShape',
  'series.N.pointsVisible',
  'series.N.targetAxisIndex',
  'series.N.type',
  'series.N.labelInLegend',
  'series.N.visibleInLegend',
  'series.N.areaOpacity',
  'series.N.curveType',
  'series.N.dataLabel',
  'series.N.dataLabelPlacement',
  'trendlines.N.*',
  'lineWidth',
  'pointSize',
  'pointShape',
  'pointsVisible',
  'curveType',
  'interpolateNulls',
  'isStacked',
  'areaOpacity',
  'bar.groupWidth',
  'seriesType',
  'orientation',
  'reverseCategories',
  'treatLabelsAsText',
  'useFirstColumnAsDomain',
  'tooltip.*',
  'annotations.*',
  'is3D',
  'pieHole',
  'pieSliceText',
  'pieSliceTextStyle.*',
  'slices.N.*',
  'sliceVisibilityThreshold',
  'pieStartAngle',
  'histogram.*',
  'theme',
] as const;

const PATTERNS = DOCUMENTED.map(
  (d) =>
    new RegExp(
      `^${d
        .split('.')
        .map((part) => (part === '*' ? '[A-Za-z0-9.]+' : part === 'N' ? '\\d+' : part))
        .join('\\.')}$`,
    ),
);

export const isDocumentedChartOption = (key: string): boolean => PATTERNS.some((p) => p.test(key));

/** The dotted keys an option sets: `legend: {position: 'bottom'}` → `legend.position`. */
export function optionKeys(key: string, value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [key];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [key];
  return entries.flatMap(([k, v]) => optionKeys(`${key}.${k}`, v));
}

/** Throws for a key Sheets does not document (it would silently do nothing in Sheets). */
export function checkChartOption(key: string, value: unknown): void {
  const unknown = optionKeys(key, value).filter((k) => !isDocumentedChartOption(k));
  if (unknown.length)
    throw new Error(
      `emulator: chart option ${unknown.map((k) => `"${k}"`).join(', ')} is not one Sheets documents for embedded charts (Sheets would ignore it silently)`,
    );
}
