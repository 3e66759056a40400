import { createEmulator, loadWorkbook } from '../../../emulator';
test('exp', () => {
  const emu = createEmulator({ locale: 'fr_FR', now: '2026-06-15T08:00:00Z' });
  const un = emu.install();
  const rows: unknown[][] = [['Mois','V','Cat']];
  for (let i=0;i<12;i++) rows.push([new Date(Date.UTC(2025, 6+i, 1)), i===5? '' : 100+i*10, 'c'+i]);
  loadWorkbook(emu, { H: [['id','p','s','v'],['k1','2025-01','2025-01-01',5],['k2','2025-01','2025-01-01',7],['k1','2025-02','2025-02-01',6],['k1','2025-03','2025-03-01','']], Ventes: rows, D: [[
    '=ISOWEEKNUM(DATE(2026,1,1))',
    '=IFERROR(COUNT(Nope!B2:B), "x")',
    '=SPARKLINE(Ventes!B2:B13, {"charttype","line";"color","red"})',
    '=ARRAYFORMULA(SUM(IF((H!A2:A="k1")*ISNUMBER(H!D2:D),1,0)))',
    '=ARRAYFORMULA(LARGE(IF((H!A2:A="k1")*ISNUMBER(H!D2:D), SEQUENCE(ROWS(H!D2:D))), 1))',
    '=DATE(VALUE(LEFT("2026-06-01",4)),VALUE(MID("2026-06-01",6,2)),VALUE(MID("2026-06-01",9,2)))',
    '=(VALUE(LEFT("2026-W05",4))-1)&MID("2026-W05",5,20)',
    '=YEAR(DATE(2026,6,15))&"-"&RIGHT("0"&MONTH(DATE(2026,6,15)),2)',
    '=0.1234',
    '=-0.05',
    '=0',
    '=1234.5',
    '=INDEX(Ventes!B2:M2, 1, 3)',
    '=ARRAYFORMULA(LARGE(IF(ISNUMBER(Ventes!B2:B), SEQUENCE(ROWS(Ventes!B2:B))), 20))',
    '=IFERROR(ARRAYFORMULA(LARGE(IF(ISNUMBER(Ventes!B2:B), SEQUENCE(ROWS(Ventes!B2:B))), 20)),"")',
    '=INDEX(Ventes!B2:B, 3, 1)',
    '=ROUND(2.5)',
    '=INT(-1.5)',
    '=DATE(2026,6,15)',
  ]]});
  const out: string[] = [];
  for (let c=0;c<19;c++) { const a1 = 'D!' + String.fromCharCode(65+c) + '1'; const v = emu.cell(a1); out.push(`${a1} ${JSON.stringify(v.value)} ${v.display} ${JSON.stringify(v.error)}`); }
  console.log(out.join('\n'));
  
  const sh = emu.spreadsheet.getSheetByName('D')!;
  sh.getRange('I1:L1').setNumberFormats([['"▲ "+0.0%;"▼ "-0.0%;"► "0.0%','"▲ "+0.0%;"▼ "-0.0%;"► "0.0%','"▲ "+0.0%;"▼ "-0.0%;"► "0.0%', '#,##0 "€"']]);
  sh.getRange('S1').setNumberFormat('mmm yyyy');
  console.log(['I1','J1','K1','L1','S1'].map(a=>emu.cell('D!'+a).display).join(' | '));
  un();
});
