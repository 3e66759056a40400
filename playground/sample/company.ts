/**
 * « Opaline Logiciels » — a fictional SME from Lyon selling a booking SaaS to restaurants.
 * Thirty-six months (January 2023 – December 2025) of figures are drawn once from a seeded PRNG;
 * the sheets are laid out for all of them, but a month's figures are only "booked" (typed into its
 * row) once that month is over on the emulator's clock — as the company's accountant would. So
 * advancing the clock makes new data arrive, the dashboards move and the history grows.
 *
 * Every figure is deterministic: the same month always gets the same numbers.
 */

export const FIRST_YEAR = 2023;
export const MONTHS = 36;
/** Months booked when the playground's story starts (January 2023 – December 2024). */
export const BOOKED_AT_START = 24;
/** First and last sheet rows of the month tables (row 1 is the header). */
export const FIRST_ROW = 2;
export const LAST_ROW = FIRST_ROW + MONTHS - 1;

export const CHANNELS = ['Google Ads', 'LinkedIn', 'Salons', 'E-mailing'] as const;

import { prng } from '../../scripts/prng';

export { prng };

/** Month `i` (0 = January 2023) as `yyyy-mm-01`: the emulator reads it as a typed date. */
export const monthIso = (i: number): string => {
  const y = FIRST_YEAR + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}-01`;
};

/** The first instant after month `i`, in Paris (UTC+1/+2: midnight UTC of the 1st is safely after). */
export const monthEnd = (i: number): Date =>
  new Date(Date.UTC(FIRST_YEAR + Math.floor((i + 1) / 12), (i + 1) % 12, 1, 0, 0, 0));

export interface MonthFigures {
  spend: number[]; // per channel, €
  visitors: number[];
  conversions: number[]; // leads (demo requests) per channel
  newCustomers: number;
  lostCustomers: number;
  revenue: number;
  salesCycleDays: number;
  hires: number;
  departures: number;
  npsAnswers: { day: number; client: string; score: number }[];
}

const CLIENTS = [
  'Bistrot Lumière',
  'La Table de Julie',
  'Chez Marcel',
  'Le Petit Zinc',
  'Brasserie des Halles',
  'Café Saint-Jean',
  'Le Comptoir Gourmand',
  'Maison Pernet',
  'Les Canuts',
  'Le Bouchon Doré',
  "L'Ardoise",
  'Pizzeria Bella',
  'Sushi Rhône',
  'Le Quai 9',
  'La Fourchette Verte',
  'Crêperie du Vieux Lyon',
  'Le Jardin',
  'Côté Saône',
  'Le Sud',
  'Boulangerie Martin',
];

/** All 36 months, computed once. Seasonality: quiet August, busy spring and autumn (restaurants). */
export function companyFigures(seed = 20230101): MonthFigures[] {
  const rnd = prng(seed);
  const noise = (amp: number) => 1 + (rnd() * 2 - 1) * amp;
  const season = (i: number) => {
    const m = i % 12;
    return m === 7
      ? 0.62
      : m === 6
        ? 0.85
        : m === 11
          ? 0.9
          : m === 0
            ? 0.92
            : m >= 2 && m <= 4
              ? 1.12
              : m >= 8 && m <= 10
                ? 1.1
                : 1;
  };
  const out: MonthFigures[] = [];
  let customers = 420;
  let headcount = 21;
  for (let i = 0; i < MONTHS; i++) {
    const s = season(i);
    const growth = 1.021 ** i;
    const spend = [
      Math.round((5200 * growth * s * noise(0.08)) / 10) * 10,
      Math.round((2600 * 1.03 ** i * noise(0.1)) / 10) * 10,
      // Trade fairs: SIRHA in January (odd years), Equip'Hotel in November (even years), small events otherwise.
      i % 12 === 0 && (FIRST_YEAR + Math.floor(i / 12)) % 2 === 1
        ? 14500
        : i % 12 === 10 && (FIRST_YEAR + Math.floor(i / 12)) % 2 === 0
          ? 12800
          : Math.round((900 * noise(0.3)) / 10) * 10,
      Math.round((650 * noise(0.1)) / 10) * 10,
    ];
    const visitors = [
      Math.round(spend[0] * 1.2 * noise(0.07)),
      Math.round(spend[1] * 0.95 * noise(0.1)),
      Math.round((spend[2] > 5000 ? 1400 : 180) * noise(0.15)),
      Math.round(2100 * growth * noise(0.08)),
    ];
    const rates = [0.021, 0.034, 0.11, 0.012];
    const conversions = visitors.map((v, c) => Math.max(1, Math.round(v * rates[c] * noise(0.15))));
    const leads = conversions.reduce((a, b) => a + b, 0);
    const newCustomers = Math.max(4, Math.round(leads * 0.07 * noise(0.12)));
    const churn = 0.024 * 0.985 ** i * noise(0.35) * (i % 12 === 0 ? 1.4 : 1);
    const lostCustomers = Math.max(0, Math.round(customers * churn));
    const start = customers;
    customers = customers + newCustomers - lostCustomers;
    const arpa = 152 * 1.003 ** i * noise(0.02);
    const revenue =
      Math.round((((start + customers) / 2) * arpa) / 10) * 10 + Math.round((newCustomers * 390) / 10) * 10; // subscriptions + set-up fees
    const salesCycleDays = Math.round(41 * 0.988 ** i * noise(0.1));
    const departures = rnd() < 0.28 ? (rnd() < 0.2 ? 2 : 1) : 0;
    const hires = (i % 12 === 8 || i % 12 === 1 ? 2 : 0) + (rnd() < 0.3 ? 1 : 0) + departures;
    const hc = headcount;
    headcount = hc + hires - departures;
    const answers = 12 + Math.floor(rnd() * 7);
    const npsAnswers: MonthFigures['npsAnswers'] = [];
    for (let k = 0; k < answers; k++) {
      // Satisfaction improves slowly (support team hired in 2024).
      const r = rnd() + i * 0.006;
      const score =
        r > 0.58 ? (r > 0.85 ? 10 : 9) : r > 0.2 ? (r > 0.4 ? 8 : 7) : Math.min(6, Math.floor(rnd() * 7) + 1);
      npsAnswers.push({
        day: 1 + Math.floor(((k + 0.5) / answers) * 27),
        client: CLIENTS[Math.floor(rnd() * CLIENTS.length)],
        score,
      });
    }
    out.push({
      spend,
      visitors,
      conversions,
      newCustomers,
      lostCustomers,
      revenue,
      salesCycleDays,
      hires,
      departures,
      npsAnswers,
    });
  }
  return out;
}

export const SHEETS = {
  marketing: 'Marketing',
  sales: 'Ventes',
  customers: 'Clients',
  hr: 'RH',
  satisfaction: 'Satisfaction',
  channels: 'Canaux',
} as const;

const r = (i: number) => FIRST_ROW + i;
const RANGE = (col: string) => `${col}${FIRST_ROW}:${col}${LAST_ROW}`;
/** NPS answers: up to this row (18 a month at most, 36 months). */
export const ANSWERS_LAST_ROW = 1 + 19 * MONTHS;

/** A month's typed figures, by sheet: [row, first column (1-based), values]. */
export function bookingOf(
  i: number,
  f: MonthFigures,
): { sheet: string; row: number; column: number; values: (string | number)[][] }[] {
  const row = r(i);
  return [
    { sheet: SHEETS.marketing, row, column: 2, values: [[...f.spend]] },
    { sheet: SHEETS.marketing, row, column: 7, values: [[...f.visitors, ...f.conversions]] },
    { sheet: SHEETS.sales, row, column: 3, values: [[f.newCustomers, f.revenue, f.salesCycleDays]] },
    { sheet: SHEETS.customers, row, column: 4, values: [[f.lostCustomers]] },
    { sheet: SHEETS.hr, row, column: 3, values: [[f.hires, f.departures]] },
  ];
}

/** The NPS answers of month `i` start at this row of the Satisfaction sheet. */
export function answersRowOf(i: number, figures: MonthFigures[]): number {
  let row = 2;
  for (let k = 0; k < i; k++) row += figures[k].npsAnswers.length;
  return row;
}

export function answersOf(i: number, f: MonthFigures): (string | number)[][] {
  const [y, m] = monthIso(i).split('-');
  return f.npsAnswers.map((a) => [`${y}-${m}-${String(a.day).padStart(2, '0')}`, a.client, a.score]);
}

/**
 * The workbook's layout with the first `booked` months typed in: headers, month labels, the
 * formulas of the computed columns (Boussole's functions among them) and number formats. It stands
 * for what a French user typed in a fr_FR spreadsheet, so its formulas are in French syntax
 * (";" between arguments, "," in decimals), as Sheets reads them there.
 */
export function companyWorkbook(
  figures: MonthFigures[],
  booked: number,
): {
  sheets: Record<string, (string | number | null)[][]>;
  formats: { sheet: string; a1: string; format: string }[];
  widths: { sheet: string; column: number; width: number }[];
} {
  const blankRow = (n: number) => Array.from({ length: n }, () => null as string | number | null);
  const months = Array.from({ length: MONTHS }, (_, i) => monthIso(i));

  // Marketing: spend, visitors and leads by channel.
  const marketing: (string | number | null)[][] = [
    [
      'Mois',
      ...CHANNELS.map((c) => `Dépenses ${c} (€)`),
      'Dépenses totales (€)',
      ...CHANNELS.map((c) => `Visiteurs ${c}`),
      ...CHANNELS.map((c) => `Leads ${c}`),
      'Leads (total)',
    ],
  ];
  months.forEach((m, i) => {
    const row = blankRow(15);
    row[0] = m;
    row[5] = `=IF(COUNT(B${r(i)}:E${r(i)})=0;"";SUM(B${r(i)}:E${r(i)}))`;
    row[14] = `=IF(COUNT(K${r(i)}:N${r(i)})=0;"";SUM(K${r(i)}:N${r(i)}))`;
    marketing.push(row);
  });

  // Ventes: leads, new customers, revenue, sales cycle; CAC per month with one Boussole formula.
  const sales: (string | number | null)[][] = [
    [
      'Mois',
      'Leads',
      'Nouveaux clients',
      "Chiffre d'affaires (€)",
      'Cycle de vente (jours)',
      'Taux de transformation',
      'CAC (€)',
      'Tendance du CA (3 mois)',
    ],
  ];
  months.forEach((m, i) => {
    const row = blankRow(8);
    row[0] = m;
    row[1] = `=IF(Marketing!O${r(i)}="";"";Marketing!O${r(i)})`;
    row[5] = `=IF(OR(B${r(i)}="";C${r(i)}="");"";C${r(i)}/B${r(i)})`;
    sales.push(row);
  });
  sales[1][6] = `=CAC(Marketing!${RANGE('F')}; ${RANGE('C')}; TRUE)`;
  sales[1][7] = `=KPI_TREND(${RANGE('D')}; "pct"; 3)`;

  // Clients: the customer base, churn per month (Boussole), ARPA; LTV and friends on the right.
  const customers: (string | number | null)[][] = [
    [
      'Mois',
      'Clients en début de mois',
      'Nouveaux clients',
      'Clients perdus',
      'Clients en fin de mois',
      "Taux d'attrition",
      'ARPA (€)',
      '',
      'Indicateur',
      'Valeur',
    ],
  ];
  months.forEach((m, i) => {
    const row = blankRow(10);
    row[0] = m;
    row[1] = i === 0 ? 420 : `=IF(D${r(i)}="";"";E${r(i - 1)})`;
    row[2] = `=IF(D${r(i)}="";"";Ventes!C${r(i)})`;
    row[4] = `=IF(D${r(i)}="";"";B${r(i)}+C${r(i)}-D${r(i)})`;
    row[6] = `=IF(D${r(i)}="";"";ROUND(Ventes!D${r(i)}/AVERAGE(B${r(i)};E${r(i)});2))`;
    customers.push(row);
  });
  customers[1][5] = `=CHURN_RATE(${RANGE('D')}; ${RANGE('B')}; TRUE)`;
  const side: [string, string, string][] = [
    ['ARPA moyen (€)', `=AVERAGE(${RANGE('G')})`, '#,##0 "€"'],
    ["Taux d'attrition moyen", `=CHURN_RATE(${RANGE('D')}; ${RANGE('B')})`, '0.00%'],
    ['LTV (€, marge brute 78 %)', `=LTV(J2; J3; 78%)`, '#,##0 "€"'],
    ['CAC moyen (€)', `=CAC(Marketing!${RANGE('F')}; Ventes!${RANGE('C')})`, '#,##0 "€"'],
    ['LTV / CAC', '=LTV_CAC(J4; J5)', '0.0'],
    ['Rentabilisation du CAC (mois)', '=CAC_PAYBACK(J5; J2; 78%)', '0.0'],
    ['Tendance des clients actifs (pente / mois)', `=KPI_TREND(${RANGE('E')}; "slope"; 6)`, '+0.0;-0.0'],
  ];
  side.forEach(([label, formula], k) => {
    customers[1 + k][8] = label;
    customers[1 + k][9] = formula;
  });

  // RH: headcount, hires, departures, departure rate.
  const hr: (string | number | null)[][] = [
    ['Mois', 'Effectif en début de mois', 'Embauches', 'Départs', 'Effectif en fin de mois', 'Taux de départ'],
  ];
  months.forEach((m, i) => {
    const row = blankRow(6);
    row[0] = m;
    row[1] = i === 0 ? 21 : `=IF(D${r(i)}="";"";E${r(i - 1)})`;
    row[4] = `=IF(D${r(i)}="";"";B${r(i)}+C${r(i)}-D${r(i)})`;
    row[5] = `=IF(D${r(i)}="";"";D${r(i)}/B${r(i)})`;
    hr.push(row);
  });

  // Satisfaction: raw NPS answers (0–10) on the left, the monthly NPS on the right.
  const satisfaction: (string | number | null)[][] = [
    ['Date de réponse', 'Client', 'Note (0–10)', '', 'Mois', 'Réponses', 'NPS du mois', '', 'NPS (toutes réponses)'],
  ];
  months.forEach((m, i) => {
    const row = i + 1;
    while (satisfaction.length <= row) satisfaction.push(blankRow(9));
    const next = i + 1 < MONTHS ? `E${r(i + 1)}` : `EDATE(E${r(i)};1)`;
    satisfaction[row][4] = m;
    satisfaction[row][5] =
      `=COUNTIFS($A$2:$A$${ANSWERS_LAST_ROW};">="&E${r(i)};$A$2:$A$${ANSWERS_LAST_ROW};"<"&${next})`;
    const count = (cond: string) =>
      `COUNTIFS($A$2:$A$${ANSWERS_LAST_ROW};">="&E${r(i)};$A$2:$A$${ANSWERS_LAST_ROW};"<"&${next};$C$2:$C$${ANSWERS_LAST_ROW};"${cond}")`;
    satisfaction[row][6] = `=IF(F${r(i)}=0;"";ROUND((${count('>=9')}-${count('<=6')})/F${r(i)}*100;0))`;
  });
  satisfaction[1][8] = `=NPS(C2:C${ANSWERS_LAST_ROW})`;

  // Canaux: one row per channel, for the bar chart by category.
  const channels: (string | number | null)[][] = [
    ['Canal', 'Dépenses (€)', 'Visiteurs', 'Leads', 'Taux de conversion', 'Coût par lead (€)'],
  ];
  CHANNELS.forEach((c, k) => {
    const col = (first: string) => String.fromCharCode(first.charCodeAt(0) + k);
    channels.push([
      c,
      `=SUM(Marketing!${RANGE(col('B'))})`,
      `=SUM(Marketing!${RANGE(col('G'))})`,
      `=SUM(Marketing!${RANGE(col('K'))})`,
      null,
      `=IF(D${k + 2}=0;"";ROUND(B${k + 2}/D${k + 2};2))`,
    ]);
  });
  channels[1][4] = '=CONVERSION_RATE(D2:D5; C2:C5; TRUE)';

  const sheets: Record<string, (string | number | null)[][]> = {
    [SHEETS.marketing]: marketing,
    [SHEETS.sales]: sales,
    [SHEETS.customers]: customers,
    [SHEETS.hr]: hr,
    [SHEETS.satisfaction]: satisfaction,
    [SHEETS.channels]: channels,
  };
  for (let i = 0; i < booked; i++) {
    for (const b of bookingOf(i, figures[i])) {
      b.values[0].forEach((v, k) => {
        sheets[b.sheet][b.row - 1][b.column - 1 + k] = v;
      });
    }
    const at = answersRowOf(i, figures);
    answersOf(i, figures[i]).forEach((a, k) => {
      const rowIdx = at - 1 + k;
      while (sheets[SHEETS.satisfaction].length <= rowIdx) sheets[SHEETS.satisfaction].push(blankRow(9));
      sheets[SHEETS.satisfaction][rowIdx].splice(0, 3, ...a);
    });
  }

  const col = (c: string, sheet: string, format: string) => ({ sheet, a1: `${c}2:${c}${LAST_ROW}`, format });
  const formats = [
    ...['A'].flatMap((c) =>
      [SHEETS.marketing, SHEETS.sales, SHEETS.customers, SHEETS.hr].map((s) => col(c, s, 'mm/yyyy')),
    ),
    col('E', SHEETS.satisfaction, 'mm/yyyy'),
    { sheet: SHEETS.marketing, a1: `B2:F${LAST_ROW}`, format: '#,##0 "€"' },
    { sheet: SHEETS.marketing, a1: `G2:O${LAST_ROW}`, format: '#,##0' },
    col('D', SHEETS.sales, '#,##0 "€"'),
    col('F', SHEETS.sales, '0.0%'),
    col('G', SHEETS.sales, '#,##0 "€"'),
    { sheet: SHEETS.sales, a1: 'H2', format: '+0.0%;-0.0%' },
    col('F', SHEETS.customers, '0.00%'),
    col('G', SHEETS.customers, '#,##0 "€"'),
    ...side.map(([, , format], k) => ({ sheet: SHEETS.customers, a1: `J${2 + k}`, format })),
    col('F', SHEETS.hr, '0.0%'),
    { sheet: SHEETS.satisfaction, a1: `A2:A${ANSWERS_LAST_ROW}`, format: 'dd/mm/yyyy' },
    { sheet: SHEETS.satisfaction, a1: 'I2', format: '0.0' },
    { sheet: SHEETS.channels, a1: 'B2:B5', format: '#,##0 "€"' },
    { sheet: SHEETS.channels, a1: 'C2:D5', format: '#,##0' },
    { sheet: SHEETS.channels, a1: 'E2:E5', format: '0.00%' },
    { sheet: SHEETS.channels, a1: 'F2:F5', format: '#,##0.00 "€"' },
  ];
  const widths = [
    // Wide enough for each header, as a person would drag them.
    ...Object.entries(sheets).flatMap(([sheet, rows]) =>
      (rows[0] ?? [])
        .map((h, c) => ({ sheet, column: c + 1, width: Math.max(90, Math.min(230, String(h ?? '').length * 7 + 16)) }))
        .filter((w) => w.width > 100),
    ),
    ...[SHEETS.marketing, SHEETS.sales, SHEETS.customers, SHEETS.hr].map((sheet) => ({ sheet, column: 1, width: 90 })),
    { sheet: SHEETS.customers, column: 9, width: 250 },
    { sheet: SHEETS.satisfaction, column: 2, width: 170 },
    { sheet: SHEETS.satisfaction, column: 9, width: 150 },
    { sheet: SHEETS.channels, column: 1, width: 120 },
  ];
  return { sheets, formats, widths };
}
