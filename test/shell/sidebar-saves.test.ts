/**
 * The sidebar's saves end to end (#14, items 3 and 4): the sidebar's own session and actions
 * calling the real server API on the emulator, each argument and answer passed through JSON as
 * google.script.run passes them. An answer lost on the way back, then Save pressed again, makes
 * one row; two sidebars editing one KPI keep each other's changes, and a field both changed is
 * refused with the newer value shown.
 */
import { serverApi } from '../../src/addon/api';
import type { Kpi, Objective } from '../../src/core/kpi/model';
import type { ServerApi } from '../../src/shared/api';
import { SERVER_METHODS } from '../../src/shared/api';
import type { Client } from '../../src/sidebar/client';
import { Session } from '../../src/sidebar/session';
import type { State } from '../../src/sidebar/store';
import { edit, next, openWizard } from '../../src/sidebar/wizard/actions';
import { addonEnv, salesKpi, salesWorkbook, saved, type AddonEnv } from '../support/addon-env';

let env: AddonEnv;
beforeEach(() => {
  jest.useFakeTimers(); // the wizard's debounced source reads never fire on their own
  env = addonEnv({}, salesWorkbook());
});
afterEach(() => {
  jest.useRealTimers();
  env.close();
});

/** A client over the server API; `lose(method)` says whether this call's answer is lost after the server ran it. */
function clientOf(lose: (method: string) => boolean = () => false): Client {
  const client = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of SERVER_METHODS) {
    client[method] = async (...args: unknown[]) => {
      const wire = JSON.parse(JSON.stringify(args)) as unknown[];
      const answer = (serverApi[method] as (...a: unknown[]) => unknown)(...wire);
      if (lose(method)) throw new Error('NetworkError: the connection was lost');
      return JSON.parse(JSON.stringify(answer ?? null));
    };
  }
  return client as unknown as Client & ServerApi;
}

const ready = (s: State) => {
  if (s.phase !== 'ready') throw new Error(`not ready: ${s.phase}`);
  return s;
};

const objectiveOf = (): Objective =>
  saved(
    serverApi.saveObjective({
      title: 'Conquérir le marché lyonnais',
      description: '',
      horizon: '2027-06-30',
      level: 'strategic',
      owner: 'Claire',
    }),
  );

const kpiDraft = (objectiveId: string): Partial<Kpi> => salesKpi({ objectiveId });

test('a new KPI whose answer was lost, saved again, is one row', async () => {
  objectiveOf();
  let saves = 0;
  const session = new Session(clientOf((m) => m === 'saveKpi' && ++saves === 1));
  await session.start();
  openWizard(session);
  for (const [f, v] of [
    ['name', 'CA mensuel'],
    ['unit', '€'],
    ['direction', 'higher'],
    ['indicator', 'lagging'],
    ['level', 'strategic'],
    ['values', 'Ventes!D2:D13'],
    ['dates', 'Ventes!A2:A13'],
    ['target', '80 000'],
    ['deadline', '2027-06-30'],
    ['frequency', 'monthly'],
  ] as const)
    edit(session, f, v);
  for (let step = 1; step <= 5; step++) await next(session);
  expect(ready(session.store.get()).banner).toMatch(/connection was lost/);
  // On the server the first attempt was written.
  expect(serverApi.bootstrap().kpis.map((k) => k.kpi.name)).toEqual(['CA mensuel']);
  await next(session); // Save, again
  const s = ready(session.store.get());
  expect(s.screen.name).toBe('home');
  expect(s.boot.kpis.map((k) => k.kpi.name)).toEqual(['CA mensuel']);
  expect(env.emu.sheetValues('Boussole · KPI')).toHaveLength(2); // the header and one row
});

test('an objective created in the wizard whose answer was lost is not created twice', async () => {
  let saves = 0;
  const session = new Session(clientOf((m) => m === 'saveObjective' && ++saves === 1));
  await session.start();
  openWizard(session); // no objective yet: step 1 creates one in place
  const w = ready(session.store.get());
  expect(w.screen.name === 'wizard' && w.screen.wizard.objectiveMode).toBe('create');
  session.store.updateWizard((x) => ({
    ...x,
    newObjective: { ...x.newObjective, title: 'Fidéliser', horizon: '2027-12-31' },
  }));
  await next(session);
  expect(ready(session.store.get()).banner).toMatch(/connection was lost/);
  await next(session);
  const s = ready(session.store.get());
  expect(s.screen.name === 'wizard' && s.screen.wizard.step).toBe(2);
  expect(serverApi.bootstrap().objectives.map((o) => o.title)).toEqual(['Fidéliser']);
});

test('two sidebars, one KPI: changes to different fields both survive; the same field is refused with the newer value', async () => {
  const o = objectiveOf();
  const k = saved(serverApi.saveKpi(kpiDraft(o.id)));
  const a = new Session(clientOf());
  const b = new Session(clientOf());
  await a.start();
  await b.start();

  // B renames the KPI.
  openWizard(b, k.id);
  edit(b, 'name', 'Clients signés');
  for (let step = 2; step <= 5; step++) await next(b);
  expect(ready(b.store.get()).screen.name).toBe('home');

  // A, holding the older copy, changes the target: B's name stays.
  openWizard(a, k.id);
  edit(a, 'target', '75');
  for (let step = 2; step <= 5; step++) await next(a);
  expect(ready(a.store.get()).screen.name).toBe('home');
  const stored = serverApi.bootstrap().kpis[0]?.kpi;
  expect([stored?.name, stored?.target]).toEqual(['Clients signés', 75]);

  // B (now on the older copy) renames again while A renames too: A's second save is refused.
  const rowBefore = env.emu.sheetValues('Boussole · KPI');
  openWizard(b, k.id);
  openWizard(a, k.id);
  edit(b, 'name', 'Clients gagnés');
  for (let step = 2; step <= 5; step++) await next(b);
  const a0 = ready(a.store.get());
  if (a0.screen.name !== 'wizard') throw new Error('A left the wizard');
  edit(a, 'name', 'Signatures');
  for (let step = 2; step <= 5; step++) await next(a);
  const s = ready(a.store.get());
  if (s.screen.name !== 'wizard') throw new Error('A left the wizard');
  expect(s.screen.wizard.saveErrors.map((e) => e.code)).toEqual(['changed_meanwhile']);
  expect(s.screen.wizard.saveErrors[0]?.message).toMatch(/«\u00a0Clients gagnés\u00a0».*«\u00a0Signatures\u00a0»/);
  const after = serverApi.bootstrap().kpis[0]?.kpi;
  expect(after?.name).toBe('Clients gagnés');
  // A's sidebar read the newer summary: reopened, the wizard starts from B's name.
  await Promise.resolve();
  await Promise.resolve();
  expect(ready(a.store.get()).boot.kpis[0]?.kpi.name).toBe('Clients gagnés');
  expect(env.emu.sheetValues('Boussole · KPI').length).toBe(rowBefore.length);
});
