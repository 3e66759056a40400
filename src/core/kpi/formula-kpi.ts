/**
 * A KPI whose template carries a formula (`=CONVERSION_RATE('Canaux'!C2:C5, 'Canaux'!B2:B5)`)
 * computes that formula per period from its inputs, with the same functions the cells use
 * (core/metrics): no pre-computed column needed. Pure.
 *
 * How each function is computed for one period (or one category within it):
 * - `rows`: the function over the period's rows, as Sheets would compute it over a range
 *   holding only them: CAC, CONVERSION_RATE and CHURN_RATE are ratios of sums (Σ spend ÷ Σ new
 *   customers…), NPS the score of the period's answers, LTV the means of its rates.
 * - `scalars`: each input aggregated first (sums for amounts, means for per-unit values), then
 *   the function on those numbers: KPI_PROGRESS(Σ actual, Σ target), LTV_CAC(mean LTV, mean CAC),
 *   CAC_PAYBACK(mean CAC, mean ARPA, mean margin).
 * - `trend`: KPI_TREND of the per-period sums up to this period (revenue growth: this period's
 *   revenue against the previous one's).
 * A `by_period` argument (TRUE: one result per row) is dropped: the period is the row here.
 * `1-FN(…)` (retention = 1 − churn) is supported; any other formula is not computed and the
 * KPI reads its values range.
 */
import { cac, cacPayback, churnRate, conversionRate, kpiProgress, kpiTrend, ltv, ltvCac, nps } from '../metrics';
import type { Arg, CellValue, Result } from '../metrics';
import { parseA1 } from './a1';
import { at, group } from '../arrays';
import type { Aggregation } from './aggregation';

export type FormulaArg = { kind: 'range'; ref: string } | { kind: 'value'; value: number | string | boolean };

export interface FormulaKpi {
  fn: string;
  /** `1-FN(…)`. */
  complement: boolean;
  args: FormulaArg[];
}

type Spec =
  | { kind: 'rows'; impl: (...args: Arg[]) => Result; byPeriodArg?: number }
  | { kind: 'scalars'; impl: (...args: Arg[]) => Result; inputs: Aggregation[] }
  | { kind: 'trend' };

export const FORMULA_FUNCTIONS: Readonly<Record<string, Spec>> = {
  CAC: { kind: 'rows', impl: cac, byPeriodArg: 2 },
  CONVERSION_RATE: { kind: 'rows', impl: conversionRate, byPeriodArg: 2 },
  CHURN_RATE: { kind: 'rows', impl: churnRate, byPeriodArg: 2 },
  NPS: { kind: 'rows', impl: nps },
  LTV: { kind: 'rows', impl: ltv },
  KPI_PROGRESS: { kind: 'scalars', impl: kpiProgress, inputs: ['sum', 'sum', 'average'] },
  LTV_CAC: { kind: 'scalars', impl: ltvCac, inputs: ['average', 'average'] },
  CAC_PAYBACK: { kind: 'scalars', impl: cacPayback, inputs: ['average', 'average', 'average'] },
  KPI_TREND: { kind: 'trend' },
};

/**
 * How each function is computed, by name alone: what parsing needs. Kept apart from the
 * implementations above so that a bundle which only validates formulas (the sidebar) does not
 * carry the whole metrics library (about 15 KB); a test checks both tables name the same functions.
 */
export const FORMULA_KINDS: Readonly<Record<string, Spec['kind']>> = {
  CAC: 'rows',
  CONVERSION_RATE: 'rows',
  CHURN_RATE: 'rows',
  NPS: 'rows',
  LTV: 'rows',
  KPI_PROGRESS: 'scalars',
  LTV_CAC: 'scalars',
  CAC_PAYBACK: 'scalars',
  KPI_TREND: 'trend',
};

/** Splits at top-level separators (`,` or `;`), outside quotes and parentheses. */
function splitArgs(s: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let quote: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const ch = at(s, i);
    if (quote) {
      cur += ch;
      if (ch === quote) {
        if (s[i + 1] === quote) cur += s[++i];
        else quote = null;
      }
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    if (depth < 0) return null;
    cur += ch;
  }
  if (quote || depth !== 0) return null;
  out.push(cur.trim());
  return out;
}

function readArg(text: string, decimalComma: boolean): FormulaArg | null {
  const t = text.trim();
  if (/^(TRUE|VRAI)$/i.test(t)) return { kind: 'value', value: true };
  if (/^(FALSE|FAUX)$/i.test(t)) return { kind: 'value', value: false };
  const str = /^"((?:[^"]|"")*)"$/.exec(t);
  if (str) return { kind: 'value', value: group(str, 1).replace(/""/g, '"') };
  const n = decimalComma ? t.replace(',', '.') : t;
  if (/^-?(\d+\.?\d*|\.\d+)$/.test(n)) return { kind: 'value', value: Number(n) };
  const range = parseA1(t);
  return range && range.sheet !== undefined ? { kind: 'range', ref: t } : null;
}

/**
 * The formula as a computation, or null when it is not one Boussole computes per period
 * (an unknown function, a nested expression, a range without its sheet).
 */
export function parseKpiFormula(formula: string | undefined | null): FormulaKpi | null {
  if (!formula) return null;
  const m = /^=\s*(1\s*-\s*)?([A-Z_][A-Z0-9_]*)\s*\(([\s\S]*)\)\s*$/i.exec(formula.trim());
  if (!m) return null;
  const fn = group(m, 2).toUpperCase();
  const kind = FORMULA_KINDS[fn];
  if (!kind) return null;
  const body = group(m, 3);
  const parts = splitArgs(body);
  if (!parts || parts.some((p) => p === '')) return null;
  const decimalComma = body.includes(';');
  const args: FormulaArg[] = [];
  for (const p of parts) {
    const a = readArg(p, decimalComma);
    if (!a) return null;
    args.push(a);
  }
  if (!args.some((a) => a.kind === 'range')) return null;
  if (kind === 'trend' && args[0]?.kind !== 'range') return null;
  return { fn, complement: !!m[1], args };
}

/** The ranges the formula reads, in order. */
export const formulaRanges = (f: FormulaKpi): string[] => f.args.flatMap((a) => (a.kind === 'range' ? [a.ref] : []));

export interface FormulaProblem {
  fn: string;
  /** core/metrics Problem and Where, as data (rendered with formatKpiError in the user's language). */
  problem: unknown;
  where: unknown;
}

export type FormulaOutcome = { ok: true; value: number } | { ok: false; problem: FormulaProblem };

const column = (cells: readonly CellValue[], rows: readonly number[]): CellValue[][] =>
  rows.map((i) => [cells[i] ?? '']);

function aggregateCells(cells: readonly CellValue[], rows: readonly number[], how: Aggregation): number | null {
  let sum = 0;
  let n = 0;
  for (const i of rows) {
    const v = cells[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  if (!n) return null;
  return how === 'sum' ? sum : sum / n;
}

function outcome(f: FormulaKpi, run: () => Result | number): FormulaOutcome {
  try {
    const r = run();
    const v = typeof r === 'number' ? r : Array.isArray(r) && r.length === 1 && r[0]?.length === 1 ? r[0][0] : NaN;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return { ok: false, problem: { fn: f.fn, problem: { code: 'not_finite' }, where: {} } };
    return { ok: true, value: f.complement ? 1 - v : v };
  } catch (e) {
    const err = e as { fn?: string; problem?: unknown; where?: unknown };
    if (err && typeof err === 'object' && err.problem)
      return { ok: false, problem: { fn: err.fn ?? f.fn, problem: err.problem, where: err.where ?? {} } };
    return { ok: false, problem: { fn: f.fn, problem: { code: 'not_finite' }, where: {} } };
  }
}

/**
 * The formula over some rows. `columns[k]` holds the cells of the k-th range argument (all
 * aligned); `rows` are the row positions in the group. Not for `trend` (see trendValue).
 */
export function formulaValue(
  f: FormulaKpi,
  columns: readonly (readonly CellValue[])[],
  rows: readonly number[],
): FormulaOutcome {
  const spec = FORMULA_FUNCTIONS[f.fn];
  if (!spec) throw new Error(`formulaValue: ${f.fn} is not computed per period`);
  let k = 0;
  const nextColumn = (): readonly CellValue[] => columns[k++] ?? [];
  if (spec.kind === 'rows') {
    const args: Arg[] = f.args.map((a) => (a.kind === 'range' ? column(nextColumn(), rows) : a.value));
    if (spec.byPeriodArg !== undefined && args.length > spec.byPeriodArg) args.length = spec.byPeriodArg;
    return outcome(f, () => spec.impl(...args));
  }
  if (spec.kind === 'scalars') {
    const args: Arg[] = [];
    for (const [i, a] of f.args.entries()) {
      if (a.kind === 'value') args.push(a.value);
      else {
        const v = aggregateCells(nextColumn(), rows, spec.inputs[i] ?? 'average');
        args.push(v === null ? '' : v);
      }
    }
    return outcome(f, () => spec.impl(...args));
  }
  throw new Error('formulaValue: KPI_TREND is computed over the per-period sums');
}

/** KPI_TREND over the per-period sums up to one period (oldest first). */
export function trendValue(f: FormulaKpi, sums: readonly number[]): FormulaOutcome {
  const extra = f.args.slice(1).map((a) => (a.kind === 'value' ? a.value : ''));
  return outcome(f, () =>
    kpiTrend(
      sums.map((s) => [s]),
      ...(extra as Arg[]),
    ),
  );
}

/** Whether the function needs at least two periods (a trend has no value for the first one). */
export const isTrend = (f: FormulaKpi): boolean => FORMULA_KINDS[f.fn] === 'trend';
