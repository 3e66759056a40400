import type { Kpi } from '../../../src/core/kpi/model';

export function kpi(over: Partial<Kpi> = {}): Kpi {
  return {
    id: 'kpi_cell01',
    name: 'Tickets ouverts',
    definition: 'Demandes clients ouvertes',
    unit: 'count',
    direction: 'lower',
    objectiveId: '',
    indicator: 'leading',
    source: { kind: 'cell', ref: "'Support'!B2" },
    baseline: 100,
    target: 20,
    deadline: '2027-12-31',
    frequency: 'weekly',
    benchmark: null,
    owner: '',
    level: 'operational',
    ...over,
  };
}
