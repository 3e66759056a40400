/** ScriptApp: installable triggers with the add-on limits, and which of them fire between two instants. */
import type { EmulatorCore } from '../core';
import { checkTimeZone, fromWallClock, wallClock } from '../dates';
import { EmuObject } from '../instrument';
import type { EmuSpreadsheet } from '../spreadsheet/spreadsheet';

const names = <K extends string>(...keys: K[]) =>
  Object.freeze(Object.fromEntries(keys.map((k) => [k, k])) as { [P in K]: P });

export const SCRIPT_ENUMS = {
  AuthMode: names('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'),
  AuthorizationStatus: names('REQUIRED', 'NOT_REQUIRED'),
  EventType: names('CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'),
  TriggerSource: names('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'),
  WeekDay: names('SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'),
  InstallationSource: names('APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'),
};

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface Schedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'at' | 'after';
  every: number;
  atHour?: number;
  nearMinute?: number;
  weekDay?: number;
  monthDay?: number;
  /** For 'at' and 'after': the instant, in ms. */
  at?: number;
  timeZone: string;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  user: string;
  documentId: string | null;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string | null;
  schedule: Schedule | null;
  createdAt: Date;
}

/** One firing found by Emulator.dueTriggers(). */
export interface DueTrigger {
  triggerId: string;
  handler: string;
  documentId: string | null;
  user: string;
  at: Date;
  /** The event object Apps Script passes to a time-driven handler. */
  event: Record<string, unknown>;
}

export class EmuTrigger
  extends EmuObject
  implements
    Pick<
      GoogleAppsScript.Script.Trigger,
      'getHandlerFunction' | 'getUniqueId' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'
    >
{
  readonly emuType = 'Trigger';

  constructor(readonly record: TriggerRecord) {
    super();
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getUniqueId(): string {
    return this.record.id;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
}

export class TriggerBuilder extends EmuObject {
  readonly emuType = 'TriggerBuilder';

  constructor(
    private readonly app: EmuScriptApp,
    private readonly handler: string,
  ) {
    super();
  }

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.app, this.handler) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : (sheet as unknown as EmuSpreadsheet).id;
    return new SpreadsheetTriggerBuilder(
      this.app,
      this.handler,
      id,
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

export class SpreadsheetTriggerBuilder extends EmuObject {
  readonly emuType = 'SpreadsheetTriggerBuilder';
  private eventType: TriggerRecord['eventType'] | null = null;

  constructor(
    private readonly app: EmuScriptApp,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    super();
  }

  private on(t: TriggerRecord['eventType']): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.eventType = t;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  onOpen() {
    return this.on('ON_OPEN');
  }
  onEdit() {
    return this.on('ON_EDIT');
  }
  onChange() {
    return this.on('ON_CHANGE');
  }
  onFormSubmit() {
    return this.on('ON_FORM_SUBMIT');
  }

  create(): GoogleAppsScript.Script.Trigger {
    if (!this.eventType) throw new Error('Trigger event type not specified.');
    return this.app.install({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.spreadsheetId,
      documentId: this.spreadsheetId,
      schedule: null,
    }) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

export class ClockTriggerBuilder extends EmuObject {
  readonly emuType = 'ClockTriggerBuilder';
  private s: Partial<Schedule> = {};

  constructor(
    private readonly app: EmuScriptApp,
    private readonly handler: string,
  ) {
    super();
  }

  private set(patch: Partial<Schedule>): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (patch.kind && this.s.kind && this.s.kind !== patch.kind) {
      throw new Error(`Already chose a recurrence for this trigger (${this.s.kind}); cannot also use ${patch.kind}.`);
    }
    Object.assign(this.s, patch);
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  everyMinutes(n: number) {
    if (![1, 5, 10, 15, 30].includes(n)) throw new Error('The minute frequency must be one of 1, 5, 10, 15 or 30.');
    return this.set({ kind: 'minutes', every: n });
  }
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw new Error('The hour frequency must be one of 1, 2, 4, 6, 8 or 12.');
    return this.set({ kind: 'hours', every: n });
  }
  everyDays(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: days');
    return this.set({ kind: 'days', every: n });
  }
  everyWeeks(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error('Invalid argument: weeks');
    return this.set({ kind: 'weeks', every: n });
  }
  onWeekDay(day: GoogleAppsScript.Base.Weekday) {
    const i = WEEKDAYS.indexOf(String(day));
    if (i < 0) throw new Error('Invalid argument: day');
    if (this.s.kind === undefined) this.s.kind = 'weeks';
    this.s.every ??= 1;
    return this.set({ weekDay: i });
  }
  onMonthDay(day: number) {
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new Error('Invalid argument: day');
    return this.set({ kind: 'months', every: 1, monthDay: day });
  }
  atHour(hour: number) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Invalid argument: hour');
    return this.set({ atHour: hour });
  }
  nearMinute(minute: number) {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new Error('Invalid argument: minute');
    return this.set({ nearMinute: minute });
  }
  inTimezone(timezone: string) {
    checkTimeZone(timezone);
    return this.set({ timeZone: timezone });
  }
  at(date: Date) {
    return this.set({ kind: 'at', every: 0, at: date.getTime() });
  }
  atDate(year: number, month: number, day: number) {
    this.s.kind = 'at';
    this.s.every = 0;
    (this.s as { atDate?: [number, number, number] }).atDate = [year, month, day];
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }
  after(durationMilliseconds: number) {
    return this.set({ kind: 'after', every: 0, at: this.app.core.clock.millis() + durationMilliseconds });
  }

  create(): GoogleAppsScript.Script.Trigger {
    const s = this.s;
    if (!s.kind)
      throw new Error(
        'The trigger has no schedule: call everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay, at or after.',
      );
    if (s.atHour !== undefined && !['days', 'weeks', 'months'].includes(s.kind)) {
      throw new Error('atHour() can only be used with everyDays(), everyWeeks(), onWeekDay() or onMonthDay().');
    }
    if (this.app.core.options.addon && (s.kind === 'minutes' || s.kind === 'at' || s.kind === 'after')) {
      throw new Error(
        'Add-ons may only create time-based triggers that run at most once per hour (use everyHours, everyDays or everyWeeks).',
      );
    }
    const timeZone = s.timeZone ?? this.app.core.options.scriptTimeZone;
    const atDate = (s as { atDate?: [number, number, number] }).atDate;
    const schedule: Schedule = {
      kind: s.kind,
      every: s.every ?? 1,
      atHour: s.atHour,
      nearMinute: s.nearMinute,
      weekDay: s.kind === 'weeks' ? (s.weekDay ?? wallClock(this.app.core.clock.now(), timeZone).weekday) : undefined,
      monthDay: s.monthDay,
      at: atDate ? fromWallClock(timeZone, atDate[0], atDate[1], atDate[2]).getTime() : s.at,
      timeZone,
    };
    const documentId = this.app.core.context.documentId;
    return this.app.install({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      documentId,
      schedule,
    }) as unknown as GoogleAppsScript.Script.Trigger;
  }
}

export class EmuScriptApp
  extends EmuObject
  implements
    Pick<
      GoogleAppsScript.Script.ScriptApp,
      | 'newTrigger'
      | 'getUserTriggers'
      | 'getProjectTriggers'
      | 'deleteTrigger'
      | 'getScriptId'
      | 'getAuthorizationInfo'
      | 'getOAuthToken'
    >
{
  readonly emuType = 'ScriptApp';
  triggers: TriggerRecord[] = [];

  constructor(readonly core: EmulatorCore) {
    super();
    Object.assign(this, SCRIPT_ENUMS);
  }

  private get user(): string {
    return this.core.options.userEmail;
  }

  install(t: Omit<TriggerRecord, 'id' | 'user' | 'createdAt'>): EmuTrigger {
    if (this.core.context.authMode !== 'FULL') {
      throw new Error(
        'You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
      );
    }
    const mine = this.triggers.filter((x) => x.user === this.user);
    if (mine.length >= 20)
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    if (this.core.options.addon) {
      const sameDoc = mine.filter((x) => x.documentId === t.documentId && x.eventType === t.eventType);
      if (t.eventType === 'CLOCK' && sameDoc.length >= 1) {
        throw new Error(
          'This add-on has created too many time-based triggers in this document for this Google user account.',
        );
      }
      if (t.eventType !== 'CLOCK' && sameDoc.length >= 1) {
        throw new Error(
          `This add-on has created too many ${t.eventType} triggers in this document for this Google user account.`,
        );
      }
    }
    const record: TriggerRecord = {
      ...t,
      id: String(1_000_000 + this.core.nextId('trigger')),
      user: this.user,
      createdAt: this.core.clock.now(),
    };
    this.triggers.push(record);
    return new EmuTrigger(record);
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== 'string' || !functionName) throw new Error('Invalid argument: functionName');
    return new TriggerBuilder(this, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  /** The current user's triggers for this project in one document. */
  getUserTriggers(document: unknown): GoogleAppsScript.Script.Trigger[] {
    const id = (document as { id?: string })?.id ?? null;
    return this.triggers
      .filter((t) => t.user === this.user && t.documentId === id)
      .map((t) => new EmuTrigger(t)) as unknown as GoogleAppsScript.Script.Trigger[];
  }

  getProjectTriggers(): GoogleAppsScript.Script.Trigger[] {
    return this.triggers
      .filter((t) => t.user === this.user)
      .map((t) => new EmuTrigger(t)) as unknown as GoogleAppsScript.Script.Trigger[];
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const id = (trigger as unknown as EmuTrigger).record?.id ?? trigger.getUniqueId();
    this.triggers = this.triggers.filter((t) => t.id !== id);
  }

  getScriptId(): string {
    return 'emulator-script-id';
  }

  getOAuthToken(): string {
    return 'emulator-oauth-token';
  }

  getAuthorizationInfo(_authMode: GoogleAppsScript.Script.AuthMode): GoogleAppsScript.Script.AuthorizationInfo {
    return {
      getAuthorizationStatus: () => 'NOT_REQUIRED',
      getAuthorizationUrl: () => null,
      getAuthorizedScopes: () => [],
    } as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }

  invalidateAuth(): void {
    /* nothing to revoke */
  }

  /** Firings of time-driven triggers in (from, to], in time order. */
  due(from: Date, to: Date): DueTrigger[] {
    const out: DueTrigger[] = [];
    for (const t of this.triggers) {
      if (t.eventType !== 'CLOCK' || !t.schedule) continue;
      for (const at of firings(t, from.getTime(), to.getTime())) {
        const w = wallClock(at, t.schedule.timeZone);
        out.push({
          triggerId: t.id,
          handler: t.handler,
          documentId: t.documentId,
          user: t.user,
          at: new Date(at),
          event: {
            authMode: 'FULL',
            triggerUid: t.id,
            year: w.year,
            month: w.month,
            'day-of-month': w.day,
            'day-of-week': w.weekday === 0 ? 7 : w.weekday,
            hour: w.hour,
            minute: w.minute,
            second: w.second,
            timezone: t.schedule.timeZone,
          },
        });
      }
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.triggerId.localeCompare(b.triggerId));
  }
}

/**
 * When a trigger fires, deterministically: hourly triggers at minute `nearMinute` (0 by default)
 * every n hours counted from the hour of creation; daily/weekly/monthly ones at `atHour`
 * (default: the hour of creation) and `nearMinute` in the trigger's time zone. Real Apps Script
 * picks a random minute within ±15 min of that.
 */
function firings(t: TriggerRecord, from: number, to: number): number[] {
  const s = t.schedule as Schedule;
  const created = t.createdAt.getTime();
  const lo = Math.max(from, created);
  const out: number[] = [];
  if (s.kind === 'at' || s.kind === 'after') {
    if (s.at !== undefined && s.at > lo && s.at <= to) out.push(s.at);
    return out;
  }
  if (s.kind === 'minutes' || s.kind === 'hours') {
    const step = s.kind === 'minutes' ? s.every * 60_000 : s.every * HOUR;
    const base =
      s.kind === 'minutes'
        ? Math.floor(created / 60_000) * 60_000
        : Math.floor(created / HOUR) * HOUR + (s.nearMinute ?? 0) * 60_000;
    let k = Math.max(0, Math.floor((lo - base) / step));
    for (let at = base + k * step; at <= to; at = base + ++k * step) if (at > lo) out.push(at);
    return out;
  }
  const cw = wallClock(created, s.timeZone);
  const hour = s.atHour ?? cw.hour;
  const minute = s.nearMinute ?? 0;
  const createdDay = Date.UTC(cw.year, cw.month - 1, cw.day) / DAY;
  const start = wallClock(lo, s.timeZone);
  const end = wallClock(to, s.timeZone);
  for (
    let day = Date.UTC(start.year, start.month - 1, start.day) / DAY;
    day <= Date.UTC(end.year, end.month - 1, end.day) / DAY;
    day++
  ) {
    const d = new Date(day * DAY);
    const weekday = d.getUTCDay();
    let fires = false;
    if (s.kind === 'days') fires = (day - createdDay) % s.every === 0;
    else if (s.kind === 'weeks') {
      const weekIndex = Math.floor((day - createdDay + ((cw.weekday - (s.weekDay ?? 0) + 7) % 7)) / 7);
      fires = weekday === s.weekDay && weekIndex % s.every === 0;
    } else if (s.kind === 'months') fires = d.getUTCDate() === s.monthDay;
    if (!fires) continue;
    const at = fromWallClock(
      s.timeZone,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      hour,
      minute,
    ).getTime();
    if (at > lo && at <= to) out.push(at);
  }
  return out;
}
