/** The SpreadsheetApp service and its enums (values are the enum names as strings). */
import type { EmulatorCore } from '../core';
import { EmuObject } from '../instrument';
import { ConditionalFormatRuleBuilder, DataValidationBuilder } from './rules';
import type { EmuSpreadsheet } from './spreadsheet';
import { EmuUi } from './ui';

const names = <K extends string>(...keys: K[]) =>
  Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P });

export const SPREADSHEET_ENUMS = {
  BooleanCriteria: names(
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'DATE_NOT_EQUAL_TO',
    'DATE_AFTER_RELATIVE',
    'DATE_BEFORE_RELATIVE',
    'DATE_EQUAL_TO_RELATIVE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_NOT_EQUAL_TO',
    'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH',
    'CUSTOM_FORMULA',
  ),
  DataValidationCriteria: names(
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ),
  ProtectionType: names('RANGE', 'SHEET'),
  DeveloperMetadataVisibility: names('DOCUMENT', 'PROJECT'),
  DeveloperMetadataLocationType: names('SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'),
  ColorType: names('UNSUPPORTED', 'RGB', 'THEME'),
  Dimension: names('COLUMNS', 'ROWS'),
  Direction: names('UP', 'DOWN', 'PREVIOUS', 'NEXT'),
  WrapStrategy: names('WRAP', 'OVERFLOW', 'CLIP'),
  BorderStyle: names('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'),
  InterpolationType: names('NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX'),
  SheetType: names('GRID', 'OBJECT', 'DATASOURCE'),
  CopyPasteType: names(
    'PASTE_NORMAL',
    'PASTE_NO_BORDERS',
    'PASTE_FORMAT',
    'PASTE_FORMULA',
    'PASTE_DATA_VALIDATION',
    'PASTE_VALUES',
    'PASTE_CONDITIONAL_FORMATTING',
    'PASTE_COLUMN_WIDTHS',
  ),
  TextDirection: names('LEFT_TO_RIGHT', 'RIGHT_TO_LEFT'),
  AutoFillSeries: names('DEFAULT_SERIES', 'ALTERNATE_SERIES'),
};

export const CHARTS_ENUMS = {
  ChartType: names(
    'AREA',
    'BAR',
    'BUBBLE',
    'CANDLESTICK',
    'COLUMN',
    'COMBO',
    'GAUGE',
    'GEO',
    'HISTOGRAM',
    'RADAR',
    'LINE',
    'ORG',
    'PIE',
    'SCATTER',
    'SPARKLINE',
    'STEPPED_AREA',
    'TABLE',
    'TIMELINE',
    'TREEMAP',
    'WATERFALL',
  ),
  CurveStyle: names('NORMAL', 'SMOOTH'),
  PointStyle: names('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE'),
  Position: names('TOP', 'RIGHT', 'BOTTOM', 'NONE'),
  ChartMergeStrategy: names('MERGE_COLUMNS', 'MERGE_ROWS'),
  ChartHiddenDimensionStrategy: names('IGNORE_BOTH', 'IGNORE_ROWS', 'IGNORE_COLUMNS', 'SHOW_BOTH'),
  Orientation: names('HORIZONTAL', 'VERTICAL'),
  TextAlignment: names('LEFT', 'CENTER', 'RIGHT'),
  MatchType: names('EXACT', 'PREFIX', 'ANY'),
  PickerValuesLayout: names('ALIGNED', 'BELOW'),
};

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class EmuSpreadsheetApp
  extends EmuObject
  implements
    Pick<
      App,
      | 'getActiveSpreadsheet'
      | 'getActive'
      | 'openById'
      | 'openByUrl'
      | 'create'
      | 'getUi'
      | 'flush'
      | 'newConditionalFormatRule'
      | 'newDataValidation'
      | 'getActiveSheet'
      | 'getActiveRange'
      | 'getCurrentCell'
      | 'getSelection'
      | 'setActiveSheet'
      | 'setActiveRange'
      | 'setActiveSpreadsheet'
    >
{
  readonly emuType = 'SpreadsheetApp';

  constructor(
    private readonly core: EmulatorCore,
    private readonly create_: (name: string) => EmuSpreadsheet,
  ) {
    super();
    Object.assign(this, SPREADSHEET_ENUMS);
  }

  getActiveSpreadsheet(): SS {
    return this.core.activeSpreadsheet() as unknown as SS;
  }

  getActive(): SS {
    return this.getActiveSpreadsheet();
  }

  private active(): EmuSpreadsheet {
    const ss = this.core.activeSpreadsheet();
    if (!ss) throw new Error('No active spreadsheet.');
    return ss;
  }

  setActiveSpreadsheet(newActiveSpreadsheet: SS): void {
    this.core.context.documentId = (newActiveSpreadsheet as unknown as EmuSpreadsheet).id;
    this.core.context.activeSpreadsheet = true;
  }

  openById(id: string): SS {
    const ss = this.core.spreadsheets.get(id);
    if (!ss)
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    return ss as unknown as SS;
  }

  openByUrl(url: string): SS {
    const m = /\/d\/([^/]+)/.exec(url);
    return this.openById(m ? m[1] : url);
  }

  create(name: string): SS {
    return this.create_(name) as unknown as SS;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.core.context.ui) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
    return new EmuUi(this.core, this.core.options.addonName) as unknown as GoogleAppsScript.Base.Ui;
  }

  flush(): void {
    /* writes are applied at once */
  }

  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder() as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilder() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.active().getActiveSheet();
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.active().getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }

  getCurrentCell(): GoogleAppsScript.Spreadsheet.Range {
    return this.active().getActiveCell();
  }

  getSelection(): GoogleAppsScript.Spreadsheet.Selection {
    return this.active().getSelection();
  }

  setActiveSheet(
    sheet: GoogleAppsScript.Spreadsheet.Sheet,
    restoreSelection?: boolean,
  ): GoogleAppsScript.Spreadsheet.Sheet {
    return this.active().setActiveSheet(sheet, restoreSelection);
  }

  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    return this.active().setActiveRange(range);
  }
}

/** The Charts service: only its enums (charts are built through Sheet.newChart()). */
export class EmuCharts extends EmuObject {
  readonly emuType = 'Charts';

  constructor() {
    super();
    Object.assign(this, CHARTS_ENUMS);
  }
}
