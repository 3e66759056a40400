/**
 * The sidebar's state and actions without a browser: a fake server records every call, so the
 * number of round trips is what the code does, not what it claims. Views are not involved.
 */
import { SEMICOLON_SYNTAX } from '../../../src/core/formula/syntax';
import { isoDay } from '../../../src/core/kpi/dates';
import { kpiSeriesOf, type SeriesPayload, seriesPayload } from '../../../src/core/kpi/kpi-series';
import type { Kpi, Objective } from '../../../src/core/kpi/model';
import type { Bootstrap, ChangeResult, ScheduleState, ServerApi, SourceRead } from '../../../src/shared/api';
import type { Client } from '../../../src/sidebar/client';
import { askDelete, confirmDelete } from '../../../src/sidebar/screens/home';
import { Session } from '../../../src/sidebar/session';
import type { State } from '../../../src/sidebar/store';
import { edit, next, openWizard, readSource } from '../../../src/sidebar/wizard/actions';

const objective: Objective = {
  id: 'obj_1',
  title: 'Croissance',
  description: '',
  horizon: '2025-12-31',
  level: 'strategic',
  owner: '',
};
const kpi: Kpi = {
  id: 'kpi_1',
  name: 'Leads qualifiés',
  definition: 'Formulaires de contact soumis dans le mois avec un score supérieur à 70.',
  unit: 'count',
  direction: 'higher',
  objectiveId: 'obj_1',
  indicator: 'leading',
  source: { kind: 'range', values: "'Marketing'!B2:B13" },
  baseline: 100,
  target: 140,
  deadline: '2025-06-30',
  frequency: 'monthly',
  benchmark: null,
  owner: '',
  level: 'tactical',
};
/** A source's values as the server sends them: one per period, by the core's own aggregation. */
const payloadOf = (k: Kpi, values: number[]): SeriesPayload =>
  seriesPayload(
    kpiSeriesOf(k, { values, length: values.length }, { today: isoDay('2025-01-15') ?? 0, dateOrder: 'dmy' }),
  );

const boot = (kpis: Kpi[]): Bootstrap => ({
  lang: 'fr',
  settings: { lang: 'auto' },
  today: '2025-01-15',
  syntax: SEMICOLON_SYNTAX,
  objectives: [objective],
  kpis: kpis.map((k) => ({
    kpi: k,
    latest: null,
    latestText: '',
    latestPeriod: null,
    inProgress: false,
    judgedPeriod: null,
    judgedText: '',
    status: 'no_data',
    progress: null,
    change: null,
    changeText: '',
    series: payloadOf(k, []),
    sourceError: null,
  })),
  problems: [],
});
const schedule: ScheduleState = { schedule: { kind: 'off' }, layout: 'by_level', lastRun: null, dashboards: [] };

type Answers = { [K in keyof ServerApi]?: (...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>> };

/** A server whose answers the test gives; every call is recorded. */
function fakeServer(answers: Answers): { client: Client; calls: string[] } {
  const calls: string[] = [];
  const client = new Proxy({} as Client, {
    get:
      (_, method: string) =>
      (...args: unknown[]) => {
        calls.push(method);
        const answer = (answers as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[method];
        return answer ? answer(...args) : Promise.reject(new Error(`unexpected call ${method}`));
      },
  });
  return { client, calls };
}

// The toast's and the source read's timers never fire here (nothing waits for them).
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const ready = (s: State) => {
  if (s.phase !== 'ready') throw new Error(`not ready: ${s.phase}`);
  return s;
};

test('the first load reads the summary and the schedule, once each, and shows Home', async () => {
  const { client, calls } = fakeServer({
    bootstrap: async () => boot([kpi]),
    getSchedule: async () => schedule,
  });
  const session = new Session(client);
  await session.start();
  const s = ready(session.store.get());
  expect(s.screen.name).toBe('home');
  expect(s.boot.kpis).toHaveLength(1);
  expect(s.schedule).toEqual({ status: 'known', value: schedule });
  expect(calls.sort()).toEqual(['bootstrap', 'getSchedule']);
});

test('a failed first load is a page with the message; Retry loads again', async () => {
  let fail = true;
  const { client } = fakeServer({
    bootstrap: async () => {
      if (fail) throw new Error('Service Spreadsheets indisponible');
      return boot([]);
    },
    getSchedule: async () => schedule,
  });
  const session = new Session(client);
  await session.start();
  expect(session.store.get()).toMatchObject({ phase: 'fatal', message: 'Service Spreadsheets indisponible' });
  fail = false;
  await session.start();
  expect(ready(session.store.get()).screen.name).toBe('home');
});

test('saving a KPI is one round trip: the answer carries the summary Home then shows', async () => {
  const saved: Kpi = { ...kpi, name: 'Leads qualifiés (MQL)' };
  const answer: ChangeResult<Kpi> = { ok: true, value: saved, summary: boot([saved]) };
  const { client, calls } = fakeServer({
    bootstrap: async () => boot([kpi]),
    getSchedule: async () => schedule,
    readSource: async (): Promise<SourceRead> => ({
      source: kpi.source,
      series: payloadOf(kpi, [100, 110, 120]),
      latest: 120,
      error: null,
    }),
    saveKpi: async () => answer,
  });
  const session = new Session(client);
  await session.start();
  openWizard(session, kpi.id); // editing: every step is open, the source is read
  await readSource(session);
  edit(session, 'name', 'Leads qualifiés (MQL)');
  for (let step = 2; step <= 5; step++) await next(session);
  const s = ready(session.store.get());
  expect(s.screen.name).toBe('home');
  expect(s.boot.kpis[0]?.kpi.name).toBe('Leads qualifiés (MQL)');
  expect(s.toast?.text).toMatch(/enregistré/);
  const [first, second, ...rest] = calls.filter((c) => c !== 'readSource');
  expect([[first, second].sort(), rest]).toEqual([['bootstrap', 'getSchedule'], ['saveKpi']]);
});

test('a refused delete says why under the question and changes nothing', async () => {
  const { client } = fakeServer({
    bootstrap: async () => boot([kpi]),
    getSchedule: async () => schedule,
    deleteObjective: async () => ({ ok: false, message: 'Des KPI sont encore rattachés à cet objectif.', errors: [] }),
  });
  const session = new Session(client);
  await session.start();
  const before = ready(session.store.get()).boot;
  askDelete(session, 'objective', objective.id, objective.title);
  const s0 = ready(session.store.get());
  if (s0.screen.name !== 'home' || !s0.screen.confirm) throw new Error('no question');
  await confirmDelete(session, s0.screen.confirm);
  const s = ready(session.store.get());
  expect(s.screen.name === 'home' && s.screen.confirm?.error).toBe('Des KPI sont encore rattachés à cet objectif.');
  expect(s.boot).toBe(before);
  expect(s.banner).toBeNull();
});

test('a source read answered after the source changed is dropped', async () => {
  let answerFirst: (r: SourceRead) => void = () => undefined;
  const read = (values: string): SourceRead => ({
    source: { kind: 'range', values },
    series: payloadOf({ ...kpi, source: { kind: 'range', values } }, [1]),
    latest: 1,
    error: null,
  });
  let n = 0;
  const { client } = fakeServer({
    bootstrap: async () => boot([]),
    getSchedule: async () => schedule,
    readSource: (source) =>
      ++n === 1
        ? new Promise<SourceRead>((resolve) => (answerFirst = resolve))
        : Promise.resolve(read(source.kind === 'range' ? source.values : source.ref)),
  });
  const session = new Session(client);
  await session.start();
  openWizard(session);
  edit(session, 'values', "'Ventes'!B2:B13");
  const first = readSource(session);
  edit(session, 'values', "'Ventes'!C2:C13");
  await readSource(session);
  answerFirst(read("'Ventes'!B2:B13"));
  await first;
  const s = ready(session.store.get());
  if (s.screen.name !== 'wizard') throw new Error('not in the wizard');
  const src = s.screen.wizard.source;
  expect(src.status === 'read' && src.read.source).toEqual({ kind: 'range', values: "'Ventes'!C2:C13" });
});
