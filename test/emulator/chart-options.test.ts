/** The emulator accepts only the chart options Sheets documents: Sheets ignores the others silently. */
import { createEmulator } from '../../emulator';

const builder = () => {
  const emu = createEmulator();
  const sheet = emu.spreadsheet.getSheets()[0]!;
  return sheet.newChart().asLineChart().addRange(sheet.getRange('A1:B5'));
};

describe('embedded chart options', () => {
  test('a Google Charts option Sheets does not document is refused, in dotted or object form', () => {
    expect(() => builder().setOption('series.1.lineDashStyle', [4, 4])).toThrow(/series\.1\.lineDashStyle/);
    expect(() => builder().setOption('series', { 1: { lineDashStyle: [4, 4] } })).toThrow(/not one Sheets documents/);
    expect(() => builder().setOption('crosshair', { trigger: 'both' })).toThrow(/crosshair\.trigger/);
    expect(() => builder().setOption('series', {})).toThrow(/"series"/);
  });

  test('documented options are kept as given', () => {
    const chart = builder()
      .setOption('title', 'CA')
      .setOption('legend', { position: 'bottom' })
      .setOption('series', { 0: { lineWidth: 3, pointSize: 5 }, 1: { lineWidth: 1, pointSize: 0 } })
      .setOption('vAxis.format', '#,##0')
      .setOption('vAxis', { viewWindow: { min: 0 } })
      .setOption('colors', ['#1a73e8', '#9aa0a6'])
      .setOption('width', 620)
      .build();
    expect(chart.getOptions().get('legend')).toEqual({ position: 'bottom' });
    expect(chart.getOptions().get('series')).toEqual({
      0: { lineWidth: 3, pointSize: 5 },
      1: { lineWidth: 1, pointSize: 0 },
    });
  });
});
