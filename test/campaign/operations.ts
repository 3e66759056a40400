/**
 * The operations the campaign runs, each from a state built by the server API itself: every
 * server API method (the writes from the states they meet in use: first save, later save,
 * edit, delete, first and later dashboards and refreshes) and the refresh. Ids of new items are
 * made by the client (as the sidebar does), so a retry is the same request.
 */
import type { ServerApi } from '../../src/shared/api';
import { accepted, call, kpi, objective, type World } from './world';

export interface Operation {
  name: string;
  /** Builds the state the operation starts from. */
  setup(w: World): void;
  method: keyof ServerApi;
  args: readonly unknown[];
  /** A retry whose first attempt committed may answer this refusal (a delete finds nothing to delete). */
  retryRefusal?: RegExp;
  /** State parts a retry legitimately changes again (the run log's lines, the last run). */
  volatile?: (part: string) => boolean;
}

const O1 = 'obj_campaign01';
const K1 = 'kpi_campaign01';

/** An objective, a KPI over a range, a KPI on a single cell. */
export function seeded(w: World): void {
  void w;
  accepted(call('saveObjective', [objective({ id: O1 }), { create: true }]));
  accepted(call('saveKpi', [kpi({ id: K1, objectiveId: O1 }), { create: true }]));
  accepted(
    call('saveKpi', [
      kpi({
        id: 'kpi_campaign02',
        name: 'Tickets ouverts',
        objectiveId: O1,
        unit: 'count',
        direction: 'lower',
        source: { kind: 'cell', ref: 'Support!B4' },
        frequency: 'weekly',
        baseline: 50,
        target: 30,
      }),
      { create: true },
    ]),
  );
}

function withDashboards(w: World): void {
  seeded(w);
  call('generateDashboards', ['by_level', { [K1]: 80, kpi_campaign02: 60 }]);
  call('refreshNow', []);
  w.env.emu.clock.set('2026-07-01T06:00:00Z');
}

/** What a refresh retried legitimately writes again: its run log line, its last-run state. */
const runlog = (part: string) => /^sheet:Boussole · (Journal|Run log|État|State)$/.test(part) || part === 'document';

export const OPERATIONS: Operation[] = [
  {
    name: 'saveObjective: the first (storage sheet created)',
    setup: () => {},
    method: 'saveObjective',
    args: [objective({ id: O1 }), { create: true }],
  },
  {
    name: 'saveKpi: the first (storage sheet created)',
    setup: () => accepted(call('saveObjective', [objective({ id: O1 }), { create: true }])),
    method: 'saveKpi',
    args: [kpi({ id: K1, objectiveId: O1 }), { create: true }],
  },
  {
    name: 'saveObjective: an edit on the loaded copy',
    setup: seeded,
    method: 'saveObjective',
    args: [objective({ id: O1, title: 'Conquérir Lyon et Grenoble' }), { base: objective({ id: O1 }) }],
  },
  {
    name: 'saveKpi: a create in an existing sheet',
    setup: seeded,
    method: 'saveKpi',
    args: [kpi({ id: 'kpi_campaign03', name: 'CA mensuel', unit: '€', objectiveId: O1 }), { create: true }],
  },
  {
    name: 'saveKpi: an edit on the loaded copy',
    setup: seeded,
    method: 'saveKpi',
    args: [kpi({ id: K1, objectiveId: O1, target: 75 }), { base: kpi({ id: K1, objectiveId: O1 }) }],
  },
  { name: 'deleteKpi', setup: seeded, method: 'deleteKpi', args: [K1], retryRefusal: /introuvable/ },
  {
    name: 'deleteObjective',
    setup: (w) => {
      seeded(w);
      accepted(call('saveObjective', [objective({ id: 'obj_campaign02', title: 'Fidéliser' }), { create: true }]));
    },
    method: 'deleteObjective',
    args: ['obj_campaign02'],
    retryRefusal: /introuvable/,
  },
  { name: 'saveSettings', setup: seeded, method: 'saveSettings', args: [{ lang: 'en' }] },
  {
    name: 'generateDashboards: the first',
    setup: seeded,
    method: 'generateDashboards',
    args: ['by_level', { [K1]: 80, kpi_campaign02: 60 }],
  },
  {
    name: 'generateDashboards: rebuilt in another layout',
    setup: withDashboards,
    method: 'generateDashboards',
    args: ['overall', { [K1]: 82, kpi_campaign02: 60 }],
  },
  { name: 'refreshNow: the first', setup: seeded, method: 'refreshNow', args: [], volatile: runlog },
  { name: 'refreshNow: a later one', setup: withDashboards, method: 'refreshNow', args: [], volatile: runlog },
  { name: 'setSchedule: daily', setup: seeded, method: 'setSchedule', args: [{ kind: 'daily', hour: 7 }] },
  {
    name: 'setSchedule: weekly, replacing daily',
    setup: (w) => {
      seeded(w);
      call('setSchedule', [{ kind: 'daily', hour: 7 }]);
    },
    method: 'setSchedule',
    args: [{ kind: 'weekly', day: 'MONDAY', hour: 6 }],
  },
  {
    name: 'setSchedule: off',
    setup: (w) => {
      seeded(w);
      call('setSchedule', [{ kind: 'daily', hour: 7 }]);
    },
    method: 'setSchedule',
    args: [{ kind: 'off' }],
  },
  { name: 'bootstrap', setup: withDashboards, method: 'bootstrap', args: [] },
  { name: 'getSchedule', setup: withDashboards, method: 'getSchedule', args: [] },
  {
    name: 'readSource',
    setup: seeded,
    method: 'readSource',
    args: [{ kind: 'range', values: 'Ventes!D2:D13', dates: 'Ventes!A2:A13' }, { frequency: 'monthly' }],
  },
  { name: 'readSelection', setup: (w) => void w.env.emu.select('Ventes!B2:B13'), method: 'readSelection', args: [] },
];
