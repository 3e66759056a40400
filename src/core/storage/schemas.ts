/** The two storage tables: objectives and KPIs, one row each, columns named by stable keys. */
import { validateKpi, validateObjective, type Kpi, type Objective } from '../kpi/model';
import type { Column, TableSchema } from './table';

/** Bumped when the columns change in a way older code can't read. Stored as sheet metadata. */
export const SCHEMA_VERSION = 1;

const col = (key: string, text: boolean, required = true): Column => ({ key, text, required });
const blankToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const optionalText = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : v);

export const OBJECTIVES: TableSchema<Objective> = {
  kind: 'objectives',
  columns: [
    col('id', true),
    col('title', true),
    col('description', true),
    col('horizon', true),
    col('level', true),
    col('owner', true),
  ],
  decode: (r, lang) => validateObjective({ ...r }, lang),
  encode: (o) => ({
    id: o.id,
    title: o.title,
    description: o.description,
    horizon: o.horizon,
    level: o.level,
    owner: o.owner,
  }),
  id: (o) => o.id,
};

export const KPIS: TableSchema<Kpi> = {
  kind: 'kpis',
  columns: [
    col('id', true),
    col('name', true),
    col('definition', true),
    col('unit', true),
    col('unitLabel', true, false),
    col('direction', true),
    col('objectiveId', true),
    col('indicator', true),
    col('sourceKind', true),
    col('sourceRef', true),
    col('sourceValues', true),
    col('sourceDates', true),
    col('sourceCategories', true),
    col('baseline', false),
    col('target', false),
    col('deadline', true),
    col('frequency', true),
    col('benchmark', false),
    col('owner', true),
    col('level', true),
    col('formula', true, false),
    col('templateId', true, false),
    col('createdAt', true, false),
    // Added with the aggregation per period: optional, so sheets written before still load
    // (their KPIs get their template's or unit's aggregation) and gain the columns at the next save.
    col('aggregation', true, false),
    col('sourceDenominator', true, false),
  ],
  decode(r, lang) {
    const source =
      r.sourceKind === 'cell'
        ? { kind: 'cell', ref: r.sourceRef }
        : {
            kind: r.sourceKind,
            values: r.sourceValues,
            dates: optionalText(r.sourceDates),
            categories: optionalText(r.sourceCategories),
            denominator: optionalText(r.sourceDenominator),
          };
    return validateKpi(
      {
        id: r.id,
        name: r.name,
        definition: r.definition,
        unit: r.unit,
        unitLabel: optionalText(r.unitLabel),
        direction: r.direction,
        objectiveId: r.objectiveId ?? '',
        indicator: r.indicator,
        source,
        baseline: blankToNull(r.baseline),
        target: blankToNull(r.target),
        deadline: r.deadline,
        frequency: r.frequency,
        aggregation: optionalText(r.aggregation),
        benchmark: blankToNull(r.benchmark),
        owner: r.owner ?? '',
        level: r.level,
        formula: optionalText(r.formula),
        templateId: optionalText(r.templateId),
        createdAt: optionalText(r.createdAt),
      },
      lang,
    );
  },
  encode(k) {
    const s = k.source;
    return {
      id: k.id,
      name: k.name,
      definition: k.definition,
      unit: k.unit,
      unitLabel: k.unitLabel ?? '',
      direction: k.direction,
      objectiveId: k.objectiveId,
      indicator: k.indicator,
      sourceKind: s.kind,
      sourceRef: s.kind === 'cell' ? s.ref : '',
      sourceValues: s.kind === 'range' ? s.values : '',
      sourceDates: s.kind === 'range' ? (s.dates ?? '') : '',
      sourceCategories: s.kind === 'range' ? (s.categories ?? '') : '',
      baseline: k.baseline ?? '',
      target: k.target ?? '',
      deadline: k.deadline,
      frequency: k.frequency,
      benchmark: k.benchmark ?? '',
      owner: k.owner,
      level: k.level,
      formula: k.formula ?? '',
      templateId: k.templateId ?? '',
      createdAt: k.createdAt ?? '',
      aggregation: k.aggregation ?? '',
      sourceDenominator: s.kind === 'range' ? (s.denominator ?? '') : '',
    };
  },
  id: (k) => k.id,
};
