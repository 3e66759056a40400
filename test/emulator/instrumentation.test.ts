import { createEmulator, loadWorkbook } from '../../emulator';

describe('service call counting', () => {
  test('every method call on every service object counts once, by Type.method', () => {
    const emu = createEmulator();
    const { SpreadsheetApp } = emu.services;
    emu.calls.reset();
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A1:B2').getValues();
    sheet.getRange(1, 1).setFontWeight('bold').setBackground('red');
    expect(emu.calls.total).toBe(9);
    expect(emu.calls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 3,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Range.setFontWeight': 1,
      'Range.setBackground': 1,
    });
    expect(emu.calls.count('Range.setValues')).toBe(1);
    expect(emu.calls.log.slice(0, 3)).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheets',
      'Sheet.getRange',
    ]);
    emu.calls.reset();
    expect(emu.calls.total).toBe(0);
  });

  test('objects passed back into services are the same (proxies are unwrapped), and the same object gets the same proxy', () => {
    const emu = createEmulator();
    const ss = emu.services.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = ss.insertSheet('X');
    expect(ss.getSheetByName('X')).toBe(sheet);
    ss.setActiveSheet(ss.getSheets()[0]);
    ss.deleteSheet(sheet);
    expect(emu.sheetNames()).toEqual(['Sheet1']);
  });

  test('inspection helpers and loadWorkbook are not counted', () => {
    const emu = createEmulator();
    emu.calls.reset();
    loadWorkbook(emu, { Data: [['a', 1]] });
    emu.snapshot('Data');
    emu.cell('Data!A1');
    emu.sheetValues('Data');
    expect(emu.calls.total).toBe(0);
  });

  test('a simulated latency per call advances the clock', () => {
    const emu = createEmulator({ now: '2025-01-01T00:00:00Z', callLatencyMs: 50 });
    const sheet = emu.services.SpreadsheetApp.getActiveSheet();
    for (let r = 1; r <= 10; r++) sheet.getRange(r, 1).setValue(r);
    expect(emu.clock.now().toISOString()).toBe('2025-01-01T00:00:01.050Z'); // 21 calls
  });
});

describe('fault injection', () => {
  test('the k-th service call from now throws an injected error, once', () => {
    const emu = createEmulator();
    const sheet = emu.services.SpreadsheetApp.getActiveSheet();
    emu.faults.failAt(3, 'Service Spreadsheets timed out');
    const a1 = sheet.getRange('A1'); // call 1
    a1.setValue(1); // call 2
    expect(() => sheet.getRange('A2').setValue(2)).toThrow(
      /injected fault at service call #\d+ \(Sheet\.getRange\): Service Spreadsheets timed out/,
    );
    sheet.getRange('A2').setValue(2); // armed once only
    expect(emu.sheetValues(sheet.getName())).toEqual([[1], [2]]);
  });

  test('a fault on the write leaves the sheet unchanged; failOn targets a method', () => {
    const emu = createEmulator();
    const sheet = emu.services.SpreadsheetApp.getActiveSheet();
    emu.faults.failOn('Range.setValues', 2);
    sheet.getRange('A1:A2').setValues([[1], [2]]);
    expect(() => sheet.getRange('B1:B2').setValues([[3], [4]])).toThrow('emulator: injected fault on Range.setValues');
    expect(emu.sheetValues(sheet.getName())).toEqual([[1], [2]]);
    emu.faults.failAt(1);
    emu.faults.clear();
    expect(() => sheet.getRange('A1')).not.toThrow();
  });

  test('counts keep running across resets; failAt is relative to now', () => {
    const emu = createEmulator();
    const app = emu.services.SpreadsheetApp;
    app.getActive();
    emu.calls.reset();
    emu.faults.failAt(1);
    expect(() => app.getActive()).toThrow(/injected fault/);
    expect(emu.calls.total).toBe(1);
  });
});

describe('install, missing methods, authorization modes', () => {
  test('install() puts the services on globalThis; the returned function restores what was there', () => {
    const emu = createEmulator();
    const g = globalThis as Record<string, unknown>;
    g.Session = 'before';
    const uninstall = emu.install();
    expect(SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Boussole test');
    expect(PropertiesService.getScriptProperties().getProperties()).toEqual({});
    expect(typeof ScriptApp.newTrigger).toBe('function');
    uninstall();
    expect(g.Session).toBe('before');
    expect('SpreadsheetApp' in g).toBe(false);
    delete g.Session;
  });

  test('a method the emulator lacks throws "emulator: X not implemented" (and counts)', () => {
    const emu = createEmulator();
    const range = emu.services.SpreadsheetApp.getActiveSheet().getRange('A1');
    expect(() => range.getBandings()).toThrow('emulator: Range.getBandings not implemented');
    expect(emu.calls.count('Range.getBandings')).toBe(1);
  });

  test('in AuthMode.NONE (onOpen before authorization) only menus are allowed', () => {
    const emu = createEmulator({ userLocale: 'fr' });
    const { SpreadsheetApp, Session, PropertiesService } = emu.services;
    emu.withAuthMode('NONE', () => {
      expect(Session.getActiveUserLocale()).toBe('fr');
      SpreadsheetApp.getUi().createAddonMenu().addItem('Aide', 'showHelp').addToUi();
      expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
        'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets',
      );
      expect(() => PropertiesService.getDocumentProperties()).toThrow(/permission/);
    });
    expect(emu.menus).toHaveLength(1);
    expect(SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
  });
});
