import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../emulator';

describe('PropertiesService', () => {
  test('script, user and document stores; values are strings', () => {
    const emu = createEmulator();
    const { PropertiesService } = emu.services;
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('schedule', 'weekly').setProperty('count', 3 as unknown as string);
    doc.setProperties({ a: '1', b: '2' });
    expect(doc.getProperty('count')).toBe('3');
    expect(doc.getProperty('missing')).toBeNull();
    expect(doc.getProperties()).toEqual({ schedule: 'weekly', count: '3', a: '1', b: '2' });
    doc.deleteProperty('a');
    doc.setProperties({ only: 'this' }, true);
    expect(emu.properties.document()).toEqual({ only: 'this' });
    PropertiesService.getUserProperties().setProperty('lang', 'fr');
    PropertiesService.getScriptProperties().setProperty('v', '1');
    expect(emu.properties.user()).toEqual({ lang: 'fr' });
    expect(emu.properties.script()).toEqual({ v: '1' });
    doc.deleteAllProperties();
    expect(emu.properties.document()).toEqual({});
  });

  test('document properties belong to the document', () => {
    const emu = createEmulator();
    emu.services.PropertiesService.getDocumentProperties().setProperty('k', 'first');
    const other = emu.createSpreadsheet('Other', { activate: true });
    expect(emu.services.PropertiesService.getDocumentProperties().getProperty('k')).toBeNull();
    emu.services.PropertiesService.getDocumentProperties().setProperty('k', 'second');
    expect(emu.properties.document(other.getId())).toEqual({ k: 'second' });
  });

  test('a value over 9 KB is refused, as in Apps Script; nothing is written', () => {
    const emu = createEmulator();
    const props = emu.services.PropertiesService.getScriptProperties();
    props.setProperty('ok', 'x'.repeat(9 * 1024));
    expect(() => props.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    expect(() => props.setProperty('accents', 'é'.repeat(5000))).toThrow('Argument too large: value'); // 10 000 bytes in UTF-8
    expect(() => props.setProperties({ fine: 'y', big: 'x'.repeat(10_000) })).toThrow('Argument too large: value');
    expect(Object.keys(emu.properties.script())).toEqual(['ok']);
  });

  test('a store is limited to 500 KB in all', () => {
    const emu = createEmulator();
    const props = emu.services.PropertiesService.getUserProperties();
    for (let i = 0; i < 56; i++) props.setProperty(`k${i}`, 'x'.repeat(9000));
    expect(() => props.setProperty('k56', 'x'.repeat(9000))).toThrow('You have exceeded the property storage quota');
  });
});

describe('ScriptApp triggers', () => {
  test('an add-on may hold one time-driven trigger per user per document', () => {
    const emu = createEmulator({ timeZone: 'Europe/Paris' });
    const { ScriptApp } = emu.services;
    const t = ScriptApp.newTrigger('runScheduled').timeBased().everyHours(1).create();
    expect(t.getHandlerFunction()).toBe('runScheduled');
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(String(t.getTriggerSource())).toBe('CLOCK');
    expect(() => ScriptApp.newTrigger('other').timeBased().everyDays(1).atHour(6).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    expect(ScriptApp.getUserTriggers(emu.spreadsheet).map((x) => x.getUniqueId())).toEqual([t.getUniqueId()]);
    // Another document may have its own.
    emu.createSpreadsheet('Other', { activate: true });
    ScriptApp.newTrigger('runScheduled').timeBased().everyDays(1).atHour(6).create();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(2);
    // Deleting frees the slot.
    ScriptApp.deleteTrigger(ScriptApp.getUserTriggers(emu.spreadsheet)[0]);
    ScriptApp.newTrigger('runScheduled').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(7).create();
    expect(emu.triggers().map((x) => x.schedule?.kind)).toEqual(['hours', 'weeks']);
  });

  test('add-on triggers fire at most hourly; schedules are validated', () => {
    const emu = createEmulator();
    const { ScriptApp } = emu.services;
    expect(() => ScriptApp.newTrigger('f').timeBased().everyMinutes(30).create()).toThrow(/at most once per hour/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(3)).toThrow(
      'The hour frequency must be one of 1, 2, 4, 6, 8 or 12.',
    );
    expect(() => ScriptApp.newTrigger('f').timeBased().create()).toThrow(/no schedule/);
    expect(() => ScriptApp.newTrigger('f').timeBased().everyHours(1).atHour(5).create()).toThrow(/atHour/);
    expect(emu.triggers()).toEqual([]);
  });

  test('dueTriggers: hourly, daily at an hour in the trigger time zone, weekly on a weekday', () => {
    const hourly = createEmulator({ now: '2025-01-06T08:20:00Z' });
    hourly.services.ScriptApp.newTrigger('tick').timeBased().everyHours(2).create();
    expect(hourly.dueTriggers('2025-01-06T08:20:00Z', '2025-01-06T15:00:00Z').map((d) => d.at.toISOString())).toEqual([
      '2025-01-06T10:00:00.000Z',
      '2025-01-06T12:00:00.000Z',
      '2025-01-06T14:00:00.000Z',
    ]);

    const daily = createEmulator({ now: '2025-03-28T12:00:00Z', timeZone: 'Europe/Paris' });
    daily.services.ScriptApp.newTrigger('refresh')
      .timeBased()
      .everyDays(1)
      .atHour(6)
      .inTimezone('Europe/Paris')
      .create();
    const due = daily.dueTriggers('2025-03-28T12:00:00Z', '2025-03-31T12:00:00Z');
    // 6:00 in Paris: UTC+1 before the DST change on 30 March, UTC+2 after.
    expect(due.map((d) => d.at.toISOString())).toEqual([
      '2025-03-29T05:00:00.000Z',
      '2025-03-30T04:00:00.000Z',
      '2025-03-31T04:00:00.000Z',
    ]);
    expect(due[0]).toMatchObject({
      handler: 'refresh',
      documentId: daily.spreadsheet.getId(),
      event: { hour: 6, timezone: 'Europe/Paris' },
    });

    const weekly = createEmulator({ now: '2025-01-01T00:00:00Z', timeZone: 'Etc/GMT' });
    const { ScriptApp } = weekly.services;
    ScriptApp.newTrigger('weekly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).create();
    expect(weekly.dueTriggers('2025-01-01T00:00:00Z', '2025-01-31T00:00:00Z').map((d) => d.at.toISOString())).toEqual([
      '2025-01-06T09:00:00.000Z',
      '2025-01-13T09:00:00.000Z',
      '2025-01-20T09:00:00.000Z',
      '2025-01-27T09:00:00.000Z',
    ]);
  });

  test('a time-driven trigger runs without active spreadsheet or UI, and by default without document lock or properties', () => {
    const emu = createEmulator();
    const { SpreadsheetApp, PropertiesService, LockService, ScriptApp } = emu.services;
    PropertiesService.getDocumentProperties().setProperty('target', emu.spreadsheet.getId());
    emu.asTrigger(() => {
      expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
      expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      // "outside of the context of a containing document" (LockService / PropertiesService reference)
      expect(PropertiesService.getDocumentProperties()).toBeNull();
      expect(LockService.getDocumentLock()).toBeNull();
      expect(LockService.getUserLock().tryLock(0)).toBe(true);
      expect(ScriptApp.getProjectTriggers()).toEqual([]);
    });
    // The optimistic case, as an option: the document's lock and properties.
    emu.asTrigger(
      () => {
        expect(SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
        const id = PropertiesService.getDocumentProperties().getProperty('target')!;
        expect(SpreadsheetApp.openById(id).getName()).toBe('Boussole test');
        expect(LockService.getDocumentLock().tryLock(1000)).toBe(true);
      },
      undefined,
      { documentContext: true },
    );
    // The execution ended: its lock is released.
    expect(LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('LockService', () => {
  test('another execution holding the document lock: tryLock waits (on the clock) and fails, waitLock throws', () => {
    const emu = createEmulator({ now: '2025-01-01T00:00:00Z' });
    const { LockService } = emu.services;
    const release = emu.holdDocumentLock();
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(emu.clock.now().toISOString()).toBe('2025-01-01T00:00:05.000Z');
    expect(() => lock.waitLock(10_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
    release();
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
  });

  test('a lock held until a time is obtained when the wait covers it', () => {
    const emu = createEmulator({ now: '2025-01-01T00:00:00Z' });
    emu.holdDocumentLock({ until: 3000 });
    const lock = emu.services.LockService.getDocumentLock();
    expect(lock.tryLock(1000)).toBe(false);
    lock.waitLock(30_000);
    expect(lock.hasLock()).toBe(true);
    expect(emu.clock.now().toISOString()).toBe('2025-01-01T00:00:03.000Z');
  });

  test('script and user locks are separate from the document lock', () => {
    const emu = createEmulator();
    emu.holdScriptLock();
    expect(emu.services.LockService.getScriptLock().tryLock(0)).toBe(false);
    expect(emu.services.LockService.getUserLock().tryLock(0)).toBe(true);
    expect(emu.services.LockService.getDocumentLock().tryLock(0)).toBe(true);
  });
});

describe('Session, Utilities, HtmlService, Ui', () => {
  test('Session', () => {
    const emu = createEmulator({ userEmail: 'claire@pme.fr', userLocale: 'fr', timeZone: 'Europe/Paris' });
    const { Session } = emu.services;
    expect(Session.getActiveUser().getEmail()).toBe('claire@pme.fr');
    expect(Session.getEffectiveUser().getEmail()).toBe('claire@pme.fr');
    expect(Session.getActiveUserLocale()).toBe('fr');
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
  });

  test('Utilities.formatDate with SimpleDateFormat patterns', () => {
    const { Utilities } = createEmulator().services;
    const d = new Date('2025-03-09T23:05:07.042Z');
    expect(Utilities.formatDate(d, 'Europe/Paris', 'yyyy-MM-dd')).toBe('2025-03-10');
    expect(Utilities.formatDate(d, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2025-03-10T00:05:07');
    expect(Utilities.formatDate(d, 'Etc/GMT', 'dd/MM/yyyy HH:mm')).toBe('09/03/2025 23:05');
    expect(Utilities.formatDate(d, 'Europe/Paris', 'EEE u EEEE MMM MMMM')).toBe('Mon 1 Monday Mar March');
    expect(Utilities.formatDate(d, 'America/New_York', 'h:mm a Z XXX')).toBe('7:05 PM -0400 -04:00');
    expect(Utilities.formatDate(d, 'Etc/GMT', "yy DDD SSS '''x'''")).toBe("25 068 042 'x'");
  });

  test('Utilities.sleep advances the clock without waiting; getUuid, computeDigest, base64', () => {
    const emu = createEmulator({ now: '2025-01-01T00:00:00Z' });
    const { Utilities } = emu.services;
    Utilities.sleep(1500);
    expect(emu.clock.now().toISOString()).toBe('2025-01-01T00:00:01.500Z');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
    const md5 = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc');
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]); // 900150983cd24fb0…
    expect(Utilities.base64Encode('Boussole')).toBe('Qm91c3NvbGU=');
    expect(Utilities.formatString('%s: %.1f%%', 'churn', 2.345)).toBe('churn: 2.3%');
  });

  test('HtmlService reads files from the configured directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>hello</p>');
    const emu = createEmulator({ htmlDir: dir });
    const { HtmlService } = emu.services;
    const out = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Boussole').setWidth(300);
    expect(out.getContent()).toBe('<p>hello</p>');
    expect(out.getTitle()).toBe('Boussole');
    expect(HtmlService.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>hello</p>');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(() => HtmlService.createTemplateFromFile('Sidebar')).toThrow(
      'emulator: HtmlService.createTemplateFromFile not implemented',
    );
  });

  test('Ui: menus, sidebars, dialogs and alerts are recorded; alerts answered by the responder', () => {
    const emu = createEmulator();
    const { SpreadsheetApp, HtmlService } = emu.services;
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('Ouvrir', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Plus').addItem('Aide', 'showHelp'))
      .addToUi();
    expect(emu.menus).toEqual([
      {
        kind: 'addon',
        caption: 'Boussole',
        items: [
          { caption: 'Ouvrir', functionName: 'showSidebar' },
          { caption: '', separator: true },
          {
            caption: 'Plus',
            submenu: { kind: 'menu', caption: 'Plus', items: [{ caption: 'Aide', functionName: 'showHelp' }] },
          },
        ],
      },
    ]);
    ui.showSidebar(HtmlService.createHtmlOutput('<b>hi</b>').setTitle('Boussole'));
    ui.showModelessDialog(HtmlService.createHtmlOutput('help').setWidth(520).setHeight(600), 'Aide');
    expect(emu.sidebars).toEqual([
      { kind: 'sidebar', title: 'Boussole', html: '<b>hi</b>', width: undefined, height: undefined },
    ]);
    expect(emu.dialogs).toEqual([{ kind: 'modeless', title: 'Aide', html: 'help', width: 520, height: 600 }]);
    emu.onAlert((a) => (a.prompt.includes('Supprimer') ? 'NO' : 'OK'));
    expect(String(ui.alert('Confirmer', 'Supprimer le tableau ?', ui.ButtonSet.YES_NO))).toBe('NO');
    expect(emu.alerts).toEqual([
      { title: 'Confirmer', prompt: 'Supprimer le tableau ?', buttons: 'YES_NO', answer: 'NO' },
    ]);
    emu.spreadsheet.toast('Terminé', 'Boussole');
    expect(emu.toasts).toEqual([expect.objectContaining({ message: 'Terminé', title: 'Boussole' })]);
  });
});

describe('users and files', () => {
  test('asUser: their own user properties, user lock and triggers; deleteSpreadsheet: openById fails', () => {
    const emu = createEmulator({ userEmail: 'claire@pme.fr' });
    const { PropertiesService, LockService, SpreadsheetApp, Session } = emu.services;
    PropertiesService.getUserProperties().setProperty('k', 'claire');
    const release = emu.holdUserLock();
    emu.asUser('bruno@pme.fr', () => {
      expect(Session.getActiveUser().getEmail()).toBe('bruno@pme.fr');
      expect(PropertiesService.getUserProperties().getProperty('k')).toBeNull();
      expect(LockService.getUserLock().tryLock(0)).toBe(true); // Claire's lock is not Bruno's
    });
    expect(LockService.getUserLock().tryLock(0)).toBe(false);
    release();
    expect(emu.properties.user('claire@pme.fr')).toEqual({ k: 'claire' });
    const other = emu.createSpreadsheet('Autre');
    const id = other.getId();
    emu.deleteSpreadsheet(id);
    expect(() => SpreadsheetApp.openById(id)).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });
});
