import { createEmulator } from '../../emulator';

test('PROJECT-visible metadata is visible to the Cloud project that wrote it only; DOCUMENT to every project', () => {
  const emu = createEmulator();
  const { SpreadsheetApp } = emu.services;
  const V = SpreadsheetApp.DeveloperMetadataVisibility;
  const sheet = emu.spreadsheet.getSheets()[0];
  sheet.addDeveloperMetadata('p', 'mine', V.PROJECT);
  sheet.addDeveloperMetadata('d', 'everyone', V.DOCUMENT);
  emu.spreadsheet.addDeveloperMetadata('sp', 'mine', V.PROJECT);
  const keys = () => ({
    finder: emu.spreadsheet
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => m.getKey()),
    sheet: sheet.getDeveloperMetadata().map((m) => m.getKey()),
    spreadsheet: emu.spreadsheet.getDeveloperMetadata().map((m) => m.getKey()),
  });
  expect(keys()).toEqual({ finder: ['p', 'd', 'sp'], sheet: ['p', 'd'], spreadsheet: ['sp'] });
  emu.setCloudProject('standard-project');
  expect(keys()).toEqual({ finder: ['d'], sheet: ['d'], spreadsheet: [] });
  // Still in the file: inspection sees everything.
  expect(emu.metadata().map((m) => m.key)).toEqual(['p', 'd', 'sp']);
  emu.setCloudProject('apps-script-default');
  expect(keys().finder).toEqual(['p', 'd', 'sp']);
});
