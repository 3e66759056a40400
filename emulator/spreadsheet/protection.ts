/** Protection of a sheet or a range: recorded, not enforced (the add-on runs as an editor). */
import { formatA1, type GridRange } from '../a1';
import { EmuObject } from '../instrument';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';

type P = GoogleAppsScript.Spreadsheet.Protection;

/** Plain form for snapshots. */
export interface ProtectionView {
  type: 'SHEET' | 'RANGE';
  sheet: string;
  range: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotectedRanges: string[];
  domainEdit: boolean;
}

export class EmuProtection
  extends EmuObject
  implements
    Pick<
      P,
      | 'getProtectionType'
      | 'getRange'
      | 'getDescription'
      | 'setDescription'
      | 'isWarningOnly'
      | 'setWarningOnly'
      | 'getEditors'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'canEdit'
      | 'canDomainEdit'
      | 'setDomainEdit'
      | 'remove'
      | 'getUnprotectedRanges'
      | 'setUnprotectedRanges'
      | 'getRangeName'
      | 'setRangeName'
    >
{
  readonly emuType = 'Protection';
  description = '';
  warningOnly = false;
  editors: string[];
  unprotected: GridRange[] = [];
  domainEdit = true;
  rangeName: string | null = null;

  constructor(
    readonly ss: EmuSpreadsheet,
    readonly type: 'SHEET' | 'RANGE',
    readonly sheet: EmuSheet,
    readonly grid: GridRange | null,
  ) {
    super();
    this.editors = [ss.core.options.effectiveUserEmail];
  }

  private get self(): P {
    return this as unknown as P;
  }

  private alive(): void {
    if (!this.ss.protections.includes(this)) throw new Error('The protection has been removed.');
  }

  view(): ProtectionView {
    return {
      type: this.type,
      sheet: this.sheet.name,
      range: this.grid ? formatA1(this.grid) : `A1:${this.sheetEnd()}`,
      description: this.description,
      warningOnly: this.warningOnly,
      editors: [...this.editors],
      unprotectedRanges: this.unprotected.map((g) => formatA1(g)),
      domainEdit: this.domainEdit,
    };
  }

  private sheetEnd(): string {
    return formatA1({ row: this.sheet.maxRows, column: this.sheet.maxColumns, numRows: 1, numColumns: 1 });
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const g = this.grid ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
    return this.sheet.range(g) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getDescription(): string {
    return this.description;
  }

  setDescription(description: string): P {
    this.alive();
    this.description = String(description);
    return this.self;
  }

  isWarningOnly(): boolean {
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): P {
    this.alive();
    this.warningOnly = !!warningOnly;
    return this.self;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    return this.editors.map(
      (email) => ({ getEmail: () => email, getUserLoginId: () => email }) as unknown as GoogleAppsScript.Base.User,
    );
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): P {
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this.self;
  }

  addEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): P {
    emailAddresses.forEach((e) => {
      this.addEditor(e);
    });
    return this.self;
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): P {
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    this.editors = this.editors.filter((e) => e !== email);
    return this.self;
  }

  removeEditors(emailAddresses: string[] | GoogleAppsScript.Base.User[]): P {
    emailAddresses.forEach((e) => {
      this.removeEditor(e);
    });
    return this.self;
  }

  canEdit(): boolean {
    return true;
  }

  canDomainEdit(): boolean {
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): P {
    this.domainEdit = !!editable;
    return this.self;
  }

  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.unprotected.map((g) => this.sheet.range(g)) as unknown as GoogleAppsScript.Spreadsheet.Range[];
  }

  setUnprotectedRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): P {
    if (this.type !== 'SHEET') throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this.unprotected = ranges.map((r) => (r as unknown as { grid: GridRange }).grid);
    return this.self;
  }

  getRangeName(): string {
    return this.rangeName ?? '';
  }

  setRangeName(rangeName: string): P {
    this.rangeName = rangeName;
    return this.self;
  }

  remove(): void {
    this.ss.protections = this.ss.protections.filter((p) => p !== this);
  }
}
