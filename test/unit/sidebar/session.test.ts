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
import { editObjective, openObjective, saveObjective } from '../../../src/sidebar/screens/objective';
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
const schedule: ScheduleState = {
  schedule: { kind: 'off' },
  runBy: 'nobody',
  staleTrigger: false,
  layout: 'by_level',
  lastRun: null,
  dashboards: [],
};

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

// ---------------------------------------------------------------------------------------------
// #14 items 3 and 4: creates carry the id made when the form opened; edits carry what they loaded.

/** Types a new KPI into the wizard, as a person would, up to the review step. */
function typeNewKpi(session: Session): void {
  openWizard(session);
  const fields: [Parameters<typeof edit>[1], string][] = [
    ['name', 'Chiffre d’affaires mensuel'],
    ['definition', 'Somme des factures émises dans le mois'],
    ['unit', '€'],
    ['direction', 'higher'],
    ['indicator', 'lagging'],
    ['level', 'strategic'],
    ['values', "'Ventes'!D2:D13"],
    ['dates', "'Ventes'!A2:A13"],
    ['baseline', '50 000'],
    ['target', '80 000'],
    ['deadline', '2025-12-31'],
    ['frequency', 'monthly'],
  ];
  for (const [f, v] of fields) edit(session, f, v);
}

const lostAnswer = () => Promise.reject(new Error('NetworkError: connection lost'));

test('a new KPI is sent with the id made when the wizard opened; a retry after a lost answer sends the same', async () => {
  const sent: [Partial<Kpi>, unknown][] = [];
  let attempt = 0;
  const { client } = fakeServer({
    bootstrap: async () => boot([]),
    getSchedule: async () => schedule,
    readSource: async (source): Promise<SourceRead> => ({
      source,
      series: payloadOf(kpi, []),
      latest: null,
      error: null,
    }),
    saveKpi: async (draft, options) => {
      sent.push([draft, options]);
      if (++attempt === 1) return lostAnswer(); // written on the server, the answer never arrived
      const value = { ...kpi, ...draft } as Kpi;
      return { ok: true, value, summary: boot([value]) };
    },
  });
  const session = new Session(client);
  await session.start();
  typeNewKpi(session);
  for (let step = 1; step <= 5; step++) await next(session);
  let s = ready(session.store.get());
  expect(s.banner).toMatch(/connection lost/);
  expect(s.screen.name).toBe('wizard');
  await next(session); // Save again
  s = ready(session.store.get());
  expect(s.screen.name).toBe('home');
  expect(sent).toHaveLength(2);
  const [[first, firstOptions], [second, secondOptions]] = sent;
  expect(first.id).toMatch(/^kpi_[0-9a-f]{12}$/);
  expect(second.id).toBe(first.id);
  expect([firstOptions, secondOptions]).toEqual([{ create: true }, { create: true }]);
  // The next wizard makes another id.
  typeNewKpi(session);
  for (let step = 1; step <= 5; step++) await next(session);
  expect(sent[2]?.[0].id).toMatch(/^kpi_[0-9a-f]{12}$/);
  expect(sent[2]?.[0].id).not.toBe(first.id);
});

test('an edit sends the KPI as the wizard loaded it; a field changed meanwhile is shown with its newer value', async () => {
  const sent: unknown[] = [];
  const message =
    'Nom : modifié entre-temps ailleurs (maintenant « Leads (MQL) ») ; « Leads du mois » n’est pas enregistré. Rechargez.';
  const { client } = fakeServer({
    bootstrap: async () => boot([kpi]),
    getSchedule: async () => schedule,
    readSource: async (): Promise<SourceRead> => ({
      source: kpi.source,
      series: payloadOf(kpi, [1]),
      latest: 1,
      error: null,
    }),
    saveKpi: async (draft, options) => {
      sent.push(draft, options);
      return { ok: false, message, errors: [{ field: 'name', code: 'changed_meanwhile', message }] };
    },
  });
  const session = new Session(client);
  await session.start();
  openWizard(session, kpi.id);
  edit(session, 'name', 'Leads du mois');
  edit(session, 'target', '150');
  for (let step = 2; step <= 5; step++) await next(session);
  const [draft, options] = sent as [Partial<Kpi>, { base: Partial<Kpi> }];
  expect(draft).toMatchObject({ id: 'kpi_1', name: 'Leads du mois', target: 150 });
  // The base is the KPI as loaded, as the form sends it: what the user did not touch compares equal.
  expect(options.base).toMatchObject({ id: 'kpi_1', name: kpi.name, target: 140, baseline: 100 });
  expect(options).not.toHaveProperty('create');
  const s = ready(session.store.get());
  if (s.screen.name !== 'wizard') throw new Error('left the wizard');
  expect(s.screen.wizard.saveErrors).toEqual([{ field: 'name', code: 'changed_meanwhile', message }]);
  expect(s.banner).toBeNull();
});

test('the objective form: a create sends its id and retries with it, an edit sends the objective as loaded', async () => {
  const sent: [Partial<Objective>, unknown][] = [];
  let attempt = 0;
  const { client } = fakeServer({
    bootstrap: async () => boot([]),
    getSchedule: async () => schedule,
    saveObjective: async (draft, options) => {
      sent.push([draft, options]);
      if (++attempt === 1) return lostAnswer();
      if (options?.base) {
        const m = 'Intitulé : modifié entre-temps ailleurs (maintenant « Grandir »). Rechargez.';
        return { ok: false, message: m, errors: [{ field: 'title', code: 'changed_meanwhile', message: m }] };
      }
      const value = { ...objective, ...draft } as Objective;
      return { ok: true, value, summary: { ...boot([]), objectives: [objective, value] } };
    },
  });
  const session = new Session(client);
  await session.start();
  openObjective(session, null);
  editObjective(session, 'title', 'Fidéliser');
  editObjective(session, 'horizon', '2026-12-31');
  await saveObjective(session);
  expect(ready(session.store.get()).banner).toMatch(/connection lost/);
  await saveObjective(session);
  expect(ready(session.store.get()).screen.name).toBe('home');
  expect(sent[0]?.[0].id).toMatch(/^obj_[0-9a-f]{12}$/);
  expect(sent.map(([d, o]) => [d.id, o])).toEqual([
    [sent[0]?.[0].id, { create: true }],
    [sent[0]?.[0].id, { create: true }],
  ]);

  openObjective(session, objective.id);
  editObjective(session, 'title', 'Croître');
  await saveObjective(session);
  expect(sent[2]).toEqual([{ ...objectiveFields(objective), title: 'Croître' }, { base: objectiveFields(objective) }]);
  const s = ready(session.store.get());
  expect(s.screen.name === 'objective' && s.screen.errors.map((e) => e.code)).toEqual(['changed_meanwhile']);
});

const objectiveFields = (o: Objective): Partial<Objective> => ({
  id: o.id,
  title: o.title,
  description: o.description,
  horizon: o.horizon,
  level: o.level,
  owner: o.owner,
});
