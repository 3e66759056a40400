/**
 * A small French SME workbook for the playground and the browser tests: two years of monthly
 * sales and customer-service figures (January 2023 to December 2024), deterministic.
 */
import type { WorkbookData } from '../emulator';

const MONTHS = 24;

/** Month `i` (0 = January 2023) as an ISO date, the way a user types it. */
const month = (i: number): string => {
  const y = 2023 + Math.floor(i / 12);
  const m = (i % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
};

/** A repeatable wobble in [-1, 1]: the figures look measured, and tests get the same numbers every run. */
const wobble = (i: number, seed: number): number =>
  Math.sin(i * 12.9898 + seed * 78.233) * 0.5 + Math.sin(i * 3.1 + seed) * 0.5;

const round = (x: number, step = 1): number => Math.round(x / step) * step;

export function sampleWorkbook(): WorkbookData {
  const ventes: unknown[][] = [
    ['Mois', "Chiffre d'affaires (€)", 'Nouveaux clients', 'Dépenses marketing (€)', 'Visites du site', 'CAC (€)'],
  ];
  const support: unknown[][] = [['Mois', 'Tickets reçus', 'Délai de première réponse (h)', 'Clients satisfaits (%)']];
  for (let i = 0; i < MONTHS; i++) {
    const season = 1 + 0.08 * Math.sin(((i % 12) / 12) * 2 * Math.PI);
    const revenue = round(42_000 * 1.018 ** i * season * (1 + 0.03 * wobble(i, 1)), 10);
    const newCustomers = Math.max(8, round(30 + i * 0.9 + 4 * wobble(i, 2)));
    const cac = round(230 * 0.985 ** i * (1 + 0.025 * wobble(i, 3)));
    const spend = cac * newCustomers;
    const visits = round(5200 * 1.025 ** i * (1 + 0.05 * wobble(i, 4)), 10);
    ventes.push([month(i), revenue, newCustomers, spend, visits, cac]);
    const tickets = round(310 + 6 * i + 25 * wobble(i, 5));
    const firstReply = Math.round(9.5 * 0.975 ** i * (1 + 0.06 * wobble(i, 6)) * 10) / 10;
    const satisfied = Math.round((0.78 + 0.004 * i + 0.015 * wobble(i, 7)) * 1000) / 1000;
    support.push([month(i), tickets, firstReply, satisfied]);
  }
  return { Ventes: ventes, 'Service client': support };
}
