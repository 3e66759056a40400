/**
 * The fault campaign (#14): for every server API method (and the refresh, which the trigger and
 * refreshNow share), the service-call positions are enumerated from a first clean run of the
 * operation (the emulator records every call), then a fault is injected at each chosen position
 * in turn, on a fresh copy of the same state. Each case checks:
 *   - half-write: the state (every sheet, property and trigger) is exactly as before or exactly
 *     as the clean run left it, nothing in between;
 *   - error shown although done: the answer is not a failure when the change was committed
 *     (the user would retry, and a create would be made twice);
 *   - raw error: no TypeError / RangeError / ReferenceError reaches the user, only the fault's
 *     own message or a message of the add-on;
 *   - retry: the same request again (a retried create carries its client-made id) is accepted
 *     and leaves exactly what the clean run left: no duplicate row, id or history line.
 *
 * Positions: see `positions` below (CAMPAIGN_POSITIONS=all faults every single one, ≈ 5× longer).
 */
import { OPERATIONS, type Operation } from './operations';
import { report, type Totals } from './totals';
import { call, diff, stateOf, world } from './world';

const ALL = process.env.CAMPAIGN_POSITIONS === 'all';
const WRITE =
  /\.(set|insert|delete|add|remove|protect|clear|append|copy|move|hide|show|new|batchUpdate|update|duplicate|sort|merge|release|build|create\b|create$)/;
const isWrite = (m: string) => WRITE.test(m) && !/Finder/.test(m);

const RAW = /^(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)$/;
const FAULT = 'Service Spreadsheets timed out (injected)';

interface Outcome {
  kind: 'answer' | 'refusal' | 'thrown';
  name?: string;
  message?: string;
}

function run(op: Operation): Outcome {
  try {
    const a = call(op.method, op.args) as { ok?: boolean; message?: string; errors?: unknown };
    if (a && typeof a === 'object' && a.ok === false) return { kind: 'refusal', message: a.message };
    // A refresh that failed says so in its entry (the trigger's contract: it never throws).
    if (op.method === 'refreshNow' && Array.isArray(a?.errors) && a.errors.length)
      return { kind: 'refusal', message: String(a.errors[0]) };
    return { kind: 'answer' };
  } catch (e) {
    return { kind: 'thrown', name: (e as Error)?.name, message: (e as Error)?.message };
  }
}

/**
 * Positions to fault. Every position with CAMPAIGN_POSITIONS=all; otherwise, where a fault can
 * cut a change in two: each write call and the call right after it, the first and last calls of
 * the write window, and the first, middle and last read-only calls around it.
 */
function positions(log: readonly string[]): number[] {
  const n = log.length;
  if (ALL) return Array.from({ length: n }, (_, i) => i + 1);
  const writes = log.map((m, i) => (isWrite(m) ? i + 1 : 0)).filter((k) => k > 0);
  const set = new Set<number>();
  const spread = (from: number, to: number) => {
    if (from <= to) for (const k of [from, Math.round((from + to) / 2), to]) set.add(k);
  };
  if (!writes.length) spread(1, n);
  else {
    const first = writes[0];
    const last = Math.min(n, writes[writes.length - 1] + 1);
    for (const k of writes) {
      set.add(k);
      if (k < n) set.add(k + 1);
    }
    spread(1, first - 1);
    spread(last + 1, n);
  }
  return [...set].sort((a, b) => a - b);
}

/** Ids in the storage sheets and (kpi, period) in the history: a duplicate is a key seen twice. */
function duplicates(state: Record<string, string>): string[] {
  const dup: string[] = [];
  for (const [part, json] of Object.entries(state)) {
    if (!/^sheet:Boussole · (Objectifs|KPI|Historique)$/.test(part)) continue;
    const values = (JSON.parse(json) as { values: unknown[][] }).values;
    const history = part.endsWith('Historique');
    const header = (values[0] ?? []).map(String);
    const key = history
      ? (r: unknown[]) => `${r[header.indexOf('kpiId')]}|${r[header.indexOf('period')]}`
      : (r: unknown[]) => String(r[header.indexOf('id')]);
    const seen = new Set<string>();
    for (const r of values.slice(1)) {
      if (r.every((v) => v === '' || v === null)) continue;
      const k = key(r);
      if (seen.has(k)) dup.push(`${part} ${k}`);
      seen.add(k);
    }
  }
  return dup;
}

const totals: Totals = {
  operations: 0,
  'positions enumerated (clean runs)': 0,
  'positions faulted (cases tried)': 0,
  'outcome: nothing changed': 0,
  'outcome: completely changed': 0,
  'failures: half-writes': 0,
  'failures: error shown although done': 0,
  'failures: raw TypeErrors': 0,
  'failures: retry not converged': 0,
  'failures: duplicates after retry': 0,
  'of the failures, in known open operations': 0,
};
const failures: string[] = [];
const all: string[] = [];
const mine = (name: string) => all.filter((f) => f.includes(`${name} @`));
const fail = (kind: string, what: string) => {
  totals[`failures: ${kind}`]++;
  all.push(`${kind}: ${what}`);
  if (failures.length < 40) failures.push(`${kind}: ${what}`);
};

afterAll(() => {
  console.log(
    report('fault campaign', totals, [
      ALL
        ? 'every position faulted'
        : 'positions sampled: each write call and the one after it, 3 read-only calls each side (CAMPAIGN_POSITIONS=all for every one)',
      ...failures,
    ]),
  );
});

/**
 * Operations whose remaining failures are known and open (#14): counted and printed like the
 * others, not failing the suite. None is left: generateDashboards left the list when it stopped
 * writing anything after its one batch; setSchedule when a failed save began taking back what it
 * had made (schedule.ts restoreRunner); a later refresh when the dashboards' update after the
 * archived rows was tried a second time (run.ts). Add an entry only with the reason.
 */
const KNOWN_OPEN = null as RegExp | null;

const ONLY = process.env.CAMPAIGN_ONLY ? new RegExp(process.env.CAMPAIGN_ONLY) : null;
describe.each(OPERATIONS.filter((op) => !ONLY || ONLY.test(op.name)).map((op) => [op.name, op] as const))(
  'a fault at each service call: %s',
  (_name, op) => {
    test('leaves nothing or everything; the retry converges without duplicates', () => {
      // The clean run: the reference state and the positions.
      const ref = world();
      op.setup(ref);
      const refBefore = stateOf(ref.env);
      ref.env.emu.calls.reset();
      const clean = run(op);
      const log = [...ref.env.emu.calls.log];
      const refAfter = stateOf(ref.env);
      ref.close();
      expect(clean.kind === 'thrown' ? clean.message : clean.kind).toBe('answer');
      const chosen = positions(log);
      totals.operations++;
      totals['positions enumerated (clean runs)'] += log.length;
      const changes = diff(refBefore, refAfter).length > 0;
      const kept = (part: string) => !op.volatile?.(part);
      /** The state without the parts a retry may change again (the sheet order then without those sheets). */
      const view = (state: Record<string, string>) => {
        const out: Record<string, string> = {};
        for (const [part, json] of Object.entries(state)) if (kept(part)) out[part] = json;
        out.order = JSON.stringify((JSON.parse(state.order) as string[]).filter((n) => kept(`sheet:${n}`)));
        return out;
      };
      const differ = (a: Record<string, string>, b: Record<string, string>) => diff(view(a), view(b));

      for (const k of chosen) {
        totals['positions faulted (cases tried)']++;
        const w = world();
        op.setup(w);
        const before = stateOf(w.env);
        expect(diff(before, refBefore)).toEqual([]); // the setup is the same every time
        w.env.emu.faults.failAt(k, FAULT);
        const outcome = run(op);
        w.env.emu.faults.clear();
        const after = stateOf(w.env);
        const at = `${op.name} @${k} (${log[k - 1]})`;

        const untouched = differ(before, after).length === 0;
        const complete = differ(refAfter, after).length === 0;
        if (untouched) totals['outcome: nothing changed']++;
        else if (complete) totals['outcome: completely changed']++;
        else
          fail(
            'half-writes',
            `${at}: changed ${differ(before, after)}; not as the clean run: ${differ(refAfter, after)}`,
          );
        if (changes && complete && !untouched && outcome.kind !== 'answer' && !op.volatile)
          fail('error shown although done', `${at}: ${outcome.message}`);
        if (outcome.kind === 'thrown' && (RAW.test(outcome.name ?? '') || !outcome.message))
          fail('raw TypeErrors', `${at}: ${outcome.name}: ${outcome.message}`);

        const again = run(op);
        const retried = stateOf(w.env);
        const accepted =
          again.kind === 'answer' || (again.kind === 'refusal' && !!op.retryRefusal?.test(again.message ?? ''));
        const converged = differ(refAfter, retried).length === 0;
        if (!accepted || !converged)
          fail('retry not converged', `${at}: ${again.kind} ${again.message ?? ''} ${differ(refAfter, retried)}`);
        const dup = duplicates(retried);
        if (dup.length) fail('duplicates after retry', `${at}: ${dup.join(', ')}`);
        w.close();
      }
      if (KNOWN_OPEN?.test(op.name)) totals['of the failures, in known open operations'] += mine(op.name).length;
      else expect(mine(op.name)).toEqual([]);
    }, 120_000);
  },
);
