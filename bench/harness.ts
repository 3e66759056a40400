/**
 * A tiny benchmark harness: a list of named workloads, each with one implementation per peer.
 * Every implementation is warmed up, then timed several times; the median is reported.
 * Later workloads ("render a dashboard", "run a refresh") plug in the same way and may report
 * extra counters (service calls…) next to the time.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** `previous`: Boussole's own previous design, kept under bench/previous/ to measure a redesign against. */
export type PeerId = 'boussole' | 'formulajs' | 'hyperformula' | 'previous';
export const PEERS: { id: PeerId; title: string }[] = [
  { id: 'boussole', title: 'Boussole' },
  { id: 'formulajs', title: 'formula.js' },
  { id: 'hyperformula', title: 'HyperFormula' },
  { id: 'previous', title: 'previous design' },
];

/** What one timed call returns: the computed value (checked across peers) and optional counters. */
export type Outcome = number | { value: number; counters?: Record<string, number> };

export interface Implementation {
  peer: PeerId;
  /** What exactly is called, e.g. `KPI_TREND(values, "slope")`. */
  label: string;
  /** Items processed by one call when it differs from the workload's size (a smaller sheet, say). */
  size?: number;
  /** Shown under the table (how the peer was adapted, why the size differs…). */
  note?: string;
  /** Untimed in the figures; its duration is reported as setup. */
  prepare?: () => void;
  /** The timed call. */
  run: () => Outcome;
  /** The value compared across peers; defaults to the last timed run's value. */
  result?: () => number;
  teardown?: () => void;
  /** Warm-up calls (default 3), repeated until at least `warmupMs` (default 250) have passed, so the JIT settles. */
  warmup?: number;
  warmupMs?: number;
  reps?: number;
  /** Stop repeating (after at least `minReps`) once this much time has been spent timing. */
  budgetMs?: number;
  minReps?: number;
}

export interface Workload {
  name: string;
  /** Items per call (values, rows…) and their unit, for per-item times and throughput. */
  size: number;
  unit: string;
  implementations: Implementation[];
  /** Relative difference under which two results agree. */
  tolerance?: number;
  /** The baseline's result on the first `size` items, to check a peer measured on a smaller size. */
  referenceAt?: (size: number) => number;
  /** Called once every implementation has run (frees shared fixtures). */
  teardown?: () => void;
}

export interface Measurement {
  peer: PeerId;
  label: string;
  size: number;
  note?: string;
  setupMs: number;
  samplesMs: number[];
  medianMs: number;
  value: number;
  counters?: Record<string, number>;
  error?: string;
}

export interface WorkloadResult {
  workload: Workload;
  measurements: Measurement[];
  /** Per peer, |x − ref| / max(|ref|, tiny) against the baseline on the same data. */
  agreement: { peer: PeerId; reference: number; value: number; relDiff: number }[];
  agrees: boolean;
}

const gc: (() => void) | undefined = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
})();

/** Collect garbage between samples so one sample's garbage is not paid by the next. */
export const collectGarbage = (): void => gc?.();
export const hasGc = gc !== undefined;

export const now = (): bigint => process.hrtime.bigint();
export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const outcomeValue = (o: Outcome): number => (typeof o === 'number' ? o : o.value);

export function measure(impl: Implementation, defaultSize: number, log: (s: string) => void = () => {}): Measurement {
  const size = impl.size ?? defaultSize;
  const base = { peer: impl.peer, label: impl.label, size, note: impl.note };
  let setupMs = 0;
  try {
    collectGarbage();
    const t0 = now();
    impl.prepare?.();
    setupMs = msSince(t0);

    const warmup = impl.warmup ?? 3;
    const reps = impl.reps ?? 7;
    const minReps = impl.minReps ?? Math.min(reps, 5);
    const budget = impl.budgetMs ?? Infinity;
    let last: Outcome = NaN;
    const warmupMs = impl.warmupMs ?? 250;
    const w0 = now();
    for (let i = 0; i < warmup || (i < 1000 && msSince(w0) < warmupMs); i++) last = impl.run();

    const samples: number[] = [];
    let spent = 0;
    while (samples.length < reps && (samples.length < minReps || spent < budget)) {
      collectGarbage();
      const t = now();
      last = impl.run();
      const ms = msSince(t);
      samples.push(ms);
      spent += ms;
    }
    const value = impl.result ? impl.result() : outcomeValue(last);
    const counters = typeof last === 'number' ? undefined : last.counters;
    const m: Measurement = { ...base, setupMs, samplesMs: samples, medianMs: median(samples), value, counters };
    log(
      `  ${impl.peer.padEnd(12)} ${m.medianMs.toFixed(2).padStart(10)} ms  (n=${samples.length}, setup ${setupMs.toFixed(0)} ms)`,
    );
    return m;
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    log(`  ${impl.peer.padEnd(12)} FAILED: ${error}`);
    return { ...base, setupMs, samplesMs: [], medianMs: NaN, value: NaN, error };
  } finally {
    impl.teardown?.();
  }
}

export function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
}

export function runWorkload(w: Workload, log: (s: string) => void = () => {}): WorkloadResult {
  log(`${w.name} — ${w.size.toLocaleString('en')} ${w.unit}`);
  const measurements: Measurement[] = [];
  try {
    for (const impl of w.implementations) measurements.push(measure(impl, w.size, log));
  } finally {
    w.teardown?.();
  }
  const baseline = measurements.find((m) => m.peer === 'boussole');
  const tolerance = w.tolerance ?? 1e-9;
  const agreement: WorkloadResult['agreement'] = [];
  if (baseline && !baseline.error) {
    for (const m of measurements) {
      if (m === baseline || m.error) continue;
      const reference = m.size === baseline.size ? baseline.value : (w.referenceAt?.(m.size) ?? NaN);
      agreement.push({ peer: m.peer, reference, value: m.value, relDiff: relDiff(reference, m.value) });
    }
  }
  const agrees = agreement.every((a) => a.relDiff < tolerance) && measurements.every((m) => !m.error);
  return { workload: w, measurements, agreement, agrees };
}
