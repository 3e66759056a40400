/** The campaign's counters, printed at the end of each part so a reader sees the coverage. */
export interface Totals {
  [line: string]: number;
}

export function report(title: string, totals: Totals, notes: string[] = []): string {
  const width = Math.max(...Object.keys(totals).map((k) => k.length));
  return [
    `── ${title}`,
    ...Object.entries(totals).map(([k, v]) => `   ${k.padEnd(width)}  ${v}`),
    ...notes.map((n) => `   ${n}`),
  ].join('\n');
}
