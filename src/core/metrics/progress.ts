import { elementwise } from './elementwise';
import type { Arg, Result } from './input';

/** (actual − baseline) ÷ (target − baseline); works for lower-is-better goals; not clamped. */
export function progressToTarget(actual: number, target: number, baseline = 0): number | null {
  return target === baseline ? null : (actual - baseline) / (target - baseline);
}

export function kpiProgress(actual: Arg, target: Arg, baseline?: Arg): Result {
  return elementwise(
    'KPI_PROGRESS',
    [
      { name: 'actual', arg: actual },
      { name: 'target', arg: target },
      { name: 'baseline', arg: baseline, fallback: 0 },
    ],
    ([a, t, b]) => progressToTarget(a, t, b) ?? { code: 'target_equals_baseline' },
  );
}
