/** Turns workload results into the summary table, printed as aligned text and as markdown. */
import { PEERS, type Measurement, type PeerId, type WorkloadResult } from './harness';

const fmtMs = (ms: number): string =>
  !Number.isFinite(ms) ? '—' : ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
const fmtRatio = (r: number): string => (!Number.isFinite(r) ? '—' : r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`);
const fmtRate = (perS: number, unit: string): string =>
  !Number.isFinite(perS)
    ? '—'
    : perS >= 1e6
      ? `${(perS / 1e6).toFixed(1)} M ${unit}/s`
      : perS >= 1e3
        ? `${(perS / 1e3).toFixed(1)} k ${unit}/s`
        : `${perS.toFixed(1)} ${unit}/s`;
export const fmtRel = (x: number): string => (x === 0 ? '0' : x.toExponential(1));

const perItem = (m: Measurement): number => m.medianMs / m.size;

export interface Table {
  header: string[];
  rows: string[][];
  footnotes: string[];
  /** Column alignment, 'l' or 'r'; default: the first two left, the rest right. */
  align?: ('l' | 'r')[];
}
const alignOf = (t: Table, i: number): 'l' | 'r' => t.align?.[i] ?? (i < 2 ? 'l' : 'r');

/** One line per workload: time per peer, ratios against Boussole (> 1: Boussole is faster), agreement. */
export function summaryTable(results: WorkloadResult[]): Table {
  const header = [
    'workload',
    'n',
    ...PEERS.map((p) => `${p.title} ms`),
    'formula.js ÷ Boussole',
    'HyperFormula ÷ Boussole',
    'previous design ÷ Boussole',
    'Boussole throughput',
    'results agree (< 1e-9)',
  ];
  const footnotes: string[] = [];
  const rows = results.map((r) => {
    const by = (id: PeerId) => r.measurements.find((m) => m.peer === id);
    const base = by('boussole');
    const cells = PEERS.map((p) => {
      const m = by(p.id);
      if (!m) return '—';
      if (m.error) return 'failed';
      if (m.size !== r.workload.size) {
        footnotes.push(
          `${r.workload.name}, ${p.title}: measured on n = ${m.size.toLocaleString('en')}; its ratio compares time per value.`,
        );
        return `${fmtMs(m.medianMs)} (n=${m.size.toLocaleString('en')})†`;
      }
      return fmtMs(m.medianMs);
    });
    const ratio = (id: PeerId): string => {
      const m = by(id);
      return m && base && !m.error && !base.error ? fmtRatio(perItem(m) / perItem(base)) : '—';
    };
    const worst = Math.max(0, ...r.agreement.map((a) => a.relDiff));
    return [
      r.workload.name,
      `${r.workload.size.toLocaleString('en')} ${r.workload.unit}`,
      ...cells,
      ratio('formulajs'),
      ratio('hyperformula'),
      ratio('previous'),
      base && !base.error ? fmtRate((base.size / base.medianMs) * 1000, r.workload.unit.split(' ')[0]) : '—',
      `${r.agrees ? 'yes' : 'NO'} (max rel. diff ${fmtRel(worst)})`,
    ];
  });
  return { header, rows, footnotes };
}

/** What each peer ran, with every sample, for the record. */
export function detailTable(results: WorkloadResult[]): Table {
  const header = [
    'workload',
    'peer',
    'call',
    'n',
    'median ms',
    'samples ms',
    'result',
    'rel. diff vs Boussole',
    'notes',
  ];
  const rows: string[][] = [];
  for (const r of results) {
    for (const m of r.measurements) {
      const a = r.agreement.find((x) => x.peer === m.peer);
      rows.push([
        r.workload.name,
        PEERS.find((p) => p.id === m.peer)!.title,
        `\`${m.label}\``,
        m.size.toLocaleString('en'),
        fmtMs(m.medianMs),
        m.error ? `failed: ${m.error}` : m.samplesMs.map(fmtMs).join(', '),
        Number.isFinite(m.value) ? String(m.value) : '—',
        a ? fmtRel(a.relDiff) : m.peer === 'boussole' ? '(reference)' : '—',
        m.note ?? '',
      ]);
    }
  }
  return { header, rows, footnotes: [], align: ['l', 'l', 'l', 'r', 'r', 'l', 'r', 'r', 'l'] };
}

export function toText(t: Table): string {
  const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (alignOf(t, i) === 'l' ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [
    line(t.header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...t.rows.map(line),
    ...t.footnotes.map((f) => `† ${f}`),
  ].join('\n');
}

export function toMarkdown(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${t.header.map(esc).join(' | ')} |`,
    `|${t.header.map((_, i) => (alignOf(t, i) === 'l' ? '---' : '---:')).join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ...(t.footnotes.length ? ['', ...t.footnotes.map((f) => `† ${f}`)] : []),
  ].join('\n');
}
