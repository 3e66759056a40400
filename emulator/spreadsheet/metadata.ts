/** Developer metadata on the spreadsheet, a sheet, or whole rows/columns (which move with inserts). */
import { EmuObject } from '../instrument';
import type { EmuSheet } from './sheet';
import type { EmuSpreadsheet } from './spreadsheet';

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: EmuSheet }
  | { type: 'ROW' | 'COLUMN'; sheet: EmuSheet; start: number; end: number };

export interface MetadataRecord {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /**
   * The Cloud project of the script that wrote it. PROJECT-visible metadata "is only visible to and
   * accessible by the developer project that created the metadata" (DeveloperMetadataVisibility
   * reference); publishing an add-on moves its script to a standard Cloud project.
   */
  project: string;
  location: MetadataLocation;
}

/** Plain form for snapshots: `{ id, key, value, visibility, location: 'spreadsheet' | 'Sheet1' | 'Sheet1!3:4' | 'Sheet1!B:B' }`. */
export interface MetadataView {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  locationType: MetadataLocation['type'];
  sheet: string | null;
  /** 1-based span of rows or columns, for ROW/COLUMN. */
  span: [number, number] | null;
}

export function viewOf(m: MetadataRecord): MetadataView {
  const l = m.location;
  return {
    id: m.id,
    key: m.key,
    value: m.value,
    visibility: m.visibility,
    locationType: l.type,
    sheet: l.type === 'SPREADSHEET' ? null : l.sheet.name,
    span: l.type === 'ROW' || l.type === 'COLUMN' ? [l.start, l.end] : null,
  };
}

type DM = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export class EmuDeveloperMetadata
  extends EmuObject
  implements
    Pick<
      DM,
      | 'getId'
      | 'getKey'
      | 'getValue'
      | 'getVisibility'
      | 'getLocation'
      | 'setKey'
      | 'setValue'
      | 'setVisibility'
      | 'remove'
      | 'moveToSheet'
      | 'moveToSpreadsheet'
    >
{
  readonly emuType = 'DeveloperMetadata';

  constructor(
    readonly ss: EmuSpreadsheet,
    readonly record: MetadataRecord,
  ) {
    super();
  }

  private alive(): MetadataRecord {
    if (!this.ss.metadata.includes(this.record)) throw new Error('The developer metadata has been removed.');
    return this.record;
  }

  getId(): number {
    return this.record.id;
  }

  getKey(): string {
    return this.alive().key;
  }

  getValue(): string | null {
    return this.alive().value;
  }

  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return this.alive().visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }

  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    return new EmuMetadataLocation(
      this.alive().location,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  }

  setKey(key: string): DM {
    checkKey(key);
    this.alive().key = key;
    return this as unknown as DM;
  }

  setValue(value: string): DM {
    this.alive().value = value === null ? null : String(value);
    return this as unknown as DM;
  }

  setVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): DM {
    this.alive().visibility = String(visibility) as 'DOCUMENT' | 'PROJECT';
    return this as unknown as DM;
  }

  moveToSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): DM {
    this.alive().location = { type: 'SHEET', sheet: sheet as unknown as EmuSheet };
    return this as unknown as DM;
  }

  moveToSpreadsheet(): DM {
    this.alive().location = { type: 'SPREADSHEET' };
    return this as unknown as DM;
  }

  remove(): void {
    this.ss.metadata = this.ss.metadata.filter((m) => m !== this.record);
  }
}

export class EmuMetadataLocation extends EmuObject {
  readonly emuType = 'DeveloperMetadataLocation';

  constructor(readonly location: MetadataLocation) {
    super();
  }

  getLocationType(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType {
    return this.location.type as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
  }

  getSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
    return null;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet | null {
    return this.location.type === 'SHEET'
      ? (this.location.sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet)
      : null;
  }

  getRow(): GoogleAppsScript.Spreadsheet.Range | null {
    const l = this.location;
    if (l.type !== 'ROW') return null;
    return l.sheet.range({
      row: l.start,
      column: 1,
      numRows: l.end - l.start + 1,
      numColumns: l.sheet.maxColumns,
      openColumns: true,
    }) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }

  getColumn(): GoogleAppsScript.Spreadsheet.Range | null {
    const l = this.location;
    if (l.type !== 'COLUMN') return null;
    return l.sheet.range({
      row: 1,
      column: l.start,
      numRows: l.sheet.maxRows,
      numColumns: l.end - l.start + 1,
      openRows: true,
    }) as unknown as GoogleAppsScript.Spreadsheet.Range;
  }
}

export function checkKey(key: unknown): void {
  if (typeof key !== 'string' || key.length === 0) throw new Error('Invalid argument: key');
}

type Finder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;

/** DeveloperMetadataFinder: filters combined with AND, searched within a scope. */
export class MetadataFinder
  extends EmuObject
  implements
    Pick<
      Finder,
      'withKey' | 'withValue' | 'withId' | 'withLocationType' | 'withVisibility' | 'onIntersectingLocations' | 'find'
    >
{
  readonly emuType = 'DeveloperMetadataFinder';
  private filters: ((m: MetadataRecord) => boolean)[] = [];
  private intersecting = false;

  constructor(
    readonly ss: EmuSpreadsheet,
    private readonly scope: (m: MetadataRecord, intersecting: boolean) => boolean,
  ) {
    super();
  }

  private add(f: (m: MetadataRecord) => boolean): Finder {
    this.filters.push(f);
    return this as unknown as Finder;
  }

  withKey(key: string): Finder {
    return this.add((m) => m.key === key);
  }

  withValue(value: string): Finder {
    return this.add((m) => m.value === value);
  }

  withId(id: number): Finder {
    return this.add((m) => m.id === id);
  }

  withLocationType(locationType: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType): Finder {
    return this.add((m) => m.location.type === String(locationType));
  }

  withVisibility(visibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility): Finder {
    return this.add((m) => m.visibility === String(visibility));
  }

  onIntersectingLocations(): Finder {
    this.intersecting = true;
    return this as unknown as Finder;
  }

  find(): DM[] {
    return this.ss
      .visibleMetadata()
      .filter((m) => this.scope(m, this.intersecting) && this.filters.every((f) => f(m)))
      .map((m) => new EmuDeveloperMetadata(this.ss, m)) as unknown as DM[];
  }
}
