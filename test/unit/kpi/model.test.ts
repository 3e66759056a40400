import fc from 'fast-check';
import { newId, parseNumber, validateKpi, validateObjective, type Kpi, type Objective } from '../../../src/core/kpi';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

const goodKpi = (): Record<string, unknown> => ({
  id: 'kpi_7f3a9c',
  name: 'Leads qualifiés par mois',
  definition: 'Nombre de formulaires de contact soumis dans le mois avec un score supérieur à 70.',
  unit: 'count',
  direction: 'higher',
  objectiveId: 'obj_1a2b3c',
  indicator: 'leading',
  source: { kind: 'range', values: "'Marketing 2025'!B2:B13", dates: "'Marketing 2025'!A2:A13" },
  baseline: 50,
  target: 75,
  deadline: '2025-09-30',
  frequency: 'monthly',
  benchmark: null,
  owner: 'Claire',
  level: 'tactical',
});

const goodObjective = (): Record<string, unknown> => ({
  id: 'obj_1a2b3c',
  title: 'Croissance du chiffre d’affaires',
  description: 'Faire croître le CA de 15 % sur l’année.',
  horizon: '2025-12-31',
  level: 'strategic',
  owner: 'Direction',
});

/** The errors of validating `goodKpi()` with one field changed. */
function kpiErrors(field: string, value: unknown, lang: 'fr' | 'en' = 'en') {
  const draft = goodKpi();
  if (value === undefined) delete draft[field];
  else draft[field] = value;
  const r = validateKpi(draft, lang);
  return r.ok ? [] : r.errors;
}

describe('validateKpi', () => {
  test('a complete KPI is valid and comes back clean', () => {
    const r = validateKpi({ ...goodKpi(), name: '  Leads qualifiés par mois  ', extra: 'dropped' }, 'fr');
    expect(r.ok).toBe(true);
    const value = (r as { value: Kpi }).value;
    expect(value.name).toBe('Leads qualifiés par mois');
    expect(value).not.toHaveProperty('extra');
    expect(value.source).toEqual({
      kind: 'range',
      values: "'Marketing 2025'!B2:B13",
      dates: "'Marketing 2025'!A2:A13",
    });
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });

  test('not an object', () => {
    for (const v of [null, undefined, 'kpi', 42, []]) {
      const r = validateKpi(v, 'en');
      expect(r).toEqual({
        ok: false,
        errors: [{ field: 'kpi', code: 'not_an_object', message: 'KPI: expected an object with its fields.' }],
      });
    }
  });

  test.each(
    (
      [
        ['id', undefined, 'required'],
        ['id', '', 'required'],
        ['id', 'kpi 1', 'blank_in_id'],
        ['id', 'k'.repeat(65), 'too_long'],
        ['id', 42, 'not_text'],
        ['name', undefined, 'required'],
        ['name', '   ', 'required'],
        ['name', 'n'.repeat(50_001), 'too_long'],
        ['name', 5, 'not_text'],
        ['definition', 'd'.repeat(50_001), 'too_long'],
        ['definition', 3, 'not_text'],
        ['unit', undefined, 'required'],
        ['unit', 'euros', 'not_one_of'],
        ['unitLabel', 'u'.repeat(50_001), 'too_long'],
        ['direction', 'up', 'not_one_of'],
        ['direction', undefined, 'required'],
        ['objectiveId', 'obj 1', 'blank_in_id'],
        ['indicator', 'lead', 'not_one_of'],
        ['source', undefined, 'required'],
        ['source', "'Ventes'!B2", 'not_an_object'],
        ['baseline', 'abc', 'not_a_number'],
        ['target', NaN, 'not_a_number'],
        ['target', Infinity, 'not_a_number'],
        ['target', true, 'not_a_number'],
        ['deadline', undefined, 'required'],
        ['deadline', '2025-02-30', 'not_a_date'],
        ['deadline', '31/12/2025', 'not_a_date'],
        ['frequency', 'yearly', 'not_one_of'],
        ['benchmark', {}, 'not_a_number'],
        ['owner', 'o'.repeat(50_001), 'too_long'],
        ['level', 'executive', 'not_one_of'],
        ['level', undefined, 'required'],
        ['formula', 'CAC(B2:B4, C2:C4)', 'not_a_formula'],
      ] as [string, unknown, string][]
    ).map(([field, value, code]) => [field, code, value] as const),
  )('%s → %s (case %#)', (field, code, value) => {
    const errors = kpiErrors(field, value);
    expect(errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
  });

  test.each<[Record<string, unknown>, string, string]>([
    [{ kind: 'table', values: 'Ventes!B2:B5' }, 'source.kind', 'not_one_of'],
    [{ kind: 'cell' }, 'source.ref', 'required'],
    [{ kind: 'cell', ref: 'Ventes!B2:B5' }, 'source.ref', 'not_single_cell'],
    [{ kind: 'cell', ref: 'B2' }, 'source.ref', 'no_sheet'],
    [{ kind: 'cell', ref: "'L'été'!B2" }, 'source.ref', 'not_a1'],
    [{ kind: 'range', values: "'Ventes'!B2:D13" }, 'source.values', 'not_a_series'],
    [{ kind: 'range', values: "'Ventes 2024!B2:B13" }, 'source.values', 'not_a1'],
    [{ kind: 'range', values: 'Ventes 2024!B2:B13' }, 'source.values', 'not_a1'],
    [{ kind: 'range', values: 'Ventes!B2:B13', dates: 'Ventes!A2:A12' }, 'source.dates', 'misaligned'],
    [{ kind: 'range', values: 'Ventes!B2:B13', dates: 'Ventes!A2:L2' }, 'source.dates', 'misaligned'],
    [{ kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A3:A' }, 'source.dates', 'misaligned'],
    [{ kind: 'range', values: 'Ventes!B2:B13', dates: 'A2:A13' }, 'source.dates', 'no_sheet'],
    [{ kind: 'range', values: 'Ventes!B2:B13', categories: 'Ventes!' }, 'source.categories', 'not_a1'],
    [{ kind: 'range', values: 'Ventes!B2:B13', categories: 'Ventes!A2:C13' }, 'source.categories', 'not_a_series'],
  ])('source %p → %s %s', (source, field, code) => {
    const errors = kpiErrors('source', source);
    expect(errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
  });

  test.each<[Record<string, unknown>]>([
    [{ kind: 'cell', ref: "'Synthèse'!$C$4" }],
    [{ kind: 'range', values: "'L''été'!B2:B13", dates: "'L''été'!A2:A13", categories: 'Canaux!A2:A13' }],
    [{ kind: 'range', values: 'Ventes!B2:B', dates: 'Ventes!A2:A' }],
    [{ kind: 'range', values: 'Ventes!B2:M2', dates: 'Ventes!B1:M1' }],
  ])('valid source %p', (source) => {
    expect(kpiErrors('source', source)).toEqual([]);
  });

  test('numbers typed in the form, per language', () => {
    const v = (field: string, value: unknown, lang: 'fr' | 'en') => {
      const r = validateKpi({ ...goodKpi(), [field]: value }, lang);
      return r.ok ? (r.value as unknown as Record<string, unknown>)[field] : r.errors;
    };
    expect(v('baseline', '', 'fr')).toBeNull();
    expect(v('baseline', null, 'fr')).toBeNull();
    expect(v('baseline', '1 250,5', 'fr')).toBe(1250.5);
    expect(v('baseline', `1${NBSP}250`, 'fr')).toBe(1250);
    expect(v('baseline', '1,250.5', 'en')).toBe(1250.5);
    expect(v('baseline', '1,250', 'en')).toBe(1250);
    expect(v('baseline', '1,25', 'fr')).toBe(1.25);
    expect(v('target', '12,5 %', 'fr')).toBe(0.125);
    expect(v('target', '1 250 €', 'fr')).toBe(1250);
    expect(v('target', '-3', 'en')).toBe(-3);
  });

  test('optional text fields: formula and template kept, blank unit label dropped', () => {
    const r = validateKpi(
      { ...goodKpi(), formula: ' =CAC(B2:B4, C2:C4) ', templateId: 'marketing_cac', unitLabel: '  ' },
      'en',
    );
    expect(r.ok).toBe(true);
    const value = (r as { value: Kpi }).value;
    expect(value.formula).toBe('=CAC(B2:B4, C2:C4)');
    expect(value.templateId).toBe('marketing_cac');
    expect(value).not.toHaveProperty('unitLabel');
    expect(value.objectiveId).toBe('obj_1a2b3c');
  });

  test('a KPI not yet linked to an objective and without a target is storable (SMART judges it)', () => {
    const r = validateKpi({ ...goodKpi(), objectiveId: '', target: null, definition: undefined }, 'en');
    expect(r.ok).toBe(true);
  });

  test('every problem is reported at once', () => {
    const r = validateKpi({ name: '', unit: 'x', deadline: 'demain' }, 'en');
    expect(r.ok).toBe(false);
    const fields = (r as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual([
      'id',
      'name',
      'unit',
      'direction',
      'indicator',
      'source',
      'deadline',
      'frequency',
      'level',
    ]);
  });

  test('messages name the field, say what is wrong and what is expected, in French and English', () => {
    const fr = kpiErrors('deadline', '2025-02-30', 'fr')[0].message;
    expect(fr).toBe(
      `Échéance${NBSP}: «${NBSP}2025-02-30${NBSP}» n'est pas une date${NNBSP}; attendu${NBSP}: AAAA-MM-JJ, par exemple 2025-12-31.`,
    );
    const en = kpiErrors('deadline', '2025-02-30', 'en')[0].message;
    expect(en).toBe('Deadline: "2025-02-30" is not a date; expected YYYY-MM-DD, e.g. 2025-12-31.');

    expect(kpiErrors('unit', 'euros', 'en')[0].message).toBe(
      'Unit: "euros" is not allowed; expected one of €, %, count, days, hours, ratio, score, other.',
    );
    expect(kpiErrors('name', '', 'fr')[0].message).toBe(`Nom${NBSP}: obligatoire.`);

    const a1fr = kpiErrors('source', { kind: 'range', values: 'Ventes 2024!B2:B13' }, 'fr')[0].message;
    expect(
      a1fr.startsWith(`Plage des valeurs${NBSP}: «${NBSP}Ventes 2024!B2:B13${NBSP}» n'est pas une référence A1`),
    ).toBe(true);
    expect(a1fr).toContain("'Ventes 2024'!B2:B25");

    const sheet = kpiErrors('source', { kind: 'cell', ref: 'B2' }, 'en')[0].message;
    expect(sheet).toBe('Source cell: "B2" names no sheet; put it before the range, e.g. Sales!B2.');

    const mis = kpiErrors('source', { kind: 'range', values: 'Ventes!B2:B13', dates: 'Ventes!A2:A12' }, 'en')[0]
      .message;
    expect(mis).toBe(
      'Dates range: "Ventes!A2:A12" (column, 11) does not line up with the values range (column, 12); expected the same orientation and number of cells.',
    );
  });

  test('property: never throws, and every error has a field and a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ source: fc.anything(), deadline: fc.anything(), target: fc.anything() })),
        fc.constantFrom('fr' as const, 'en' as const),
        (draft, lang) => {
          const r = validateKpi(draft, lang);
          if (!r.ok) for (const e of r.errors) expect(e.field.length > 0 && e.message.length > 0).toBe(true);
        },
      ),
    );
  });
});

describe('validateObjective', () => {
  test('a complete objective is valid', () => {
    const r = validateObjective(goodObjective(), 'fr');
    expect(r).toEqual({ ok: true, value: goodObjective() as unknown as Objective });
  });

  test.each(
    (
      [
        ['id', undefined, 'required'],
        ['id', 'obj 1', 'blank_in_id'],
        ['title', '', 'required'],
        ['title', 't'.repeat(50_001), 'too_long'],
        ['description', 'd'.repeat(50_001), 'too_long'],
        ['horizon', undefined, 'required'],
        ['horizon', '2025-12-32', 'not_a_date'],
        ['level', 'board', 'not_one_of'],
        ['owner', 7, 'not_text'],
      ] as [string, unknown, string][]
    ).map(([field, value, code]) => [field, code, value] as const),
  )('%s → %s (case %#)', (field, code, value) => {
    const draft = goodObjective();
    if (value === undefined) delete draft[field];
    else draft[field] = value;
    const r = validateObjective(draft, 'en');
    expect(r.ok ? [] : r.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
  });

  test('French message for the level', () => {
    const r = validateObjective({ ...goodObjective(), level: 'board' }, 'fr');
    expect(r.ok ? '' : r.errors[0].message).toBe(
      `Niveau${NBSP}: «${NBSP}board${NBSP}» n'est pas une valeur possible${NNBSP}; attendu${NBSP}: strategic (stratégique), tactical (tactique), operational (opérationnel).`,
    );
  });

  test('description and owner may be omitted', () => {
    const { description: _d, owner: _o, ...rest } = goodObjective();
    const r = validateObjective(rest, 'en');
    expect(r.ok && r.value.description === '' && r.value.owner === '').toBe(true);
  });
});

describe('parseNumber', () => {
  test.each<[unknown, 'fr' | 'en', number | null]>([
    [12, 'fr', 12],
    ['12', 'fr', 12],
    ['0,5', 'fr', 0.5],
    ['0.5', 'fr', 0.5],
    ['1.250,75', 'fr', 1250.75],
    ['−4', 'fr', -4],
    ['15%', 'en', 0.15],
    ['€1,250', 'en', 1250],
    ['1e3', 'en', 1000],
    ['abc', 'en', null],
    ['12abc', 'en', null],
    ['', 'en', null],
    ['1,2,3', 'fr', null],
    [NaN, 'en', null],
    [null, 'en', null],
  ])('%p (%s) → %p', (v, lang, expected) => {
    expect(parseNumber(v, lang)).toBe(expected);
  });
});

describe('newId', () => {
  test('short, prefixed, hexadecimal', () => {
    expect(newId('kpi', [], Math.random)).toMatch(/^kpi_[0-9a-f]{6}$/);
  });

  test('deterministic from the random source: 0.5 → 8 on every draw', () => {
    expect(newId('kpi', [], () => 0.5)).toBe('kpi_888888');
  });

  test('draws digits in order from the random source', () => {
    const draws = [0, 1 / 16, 2 / 16, 10 / 16, 15 / 16, 0.999];
    let i = 0;
    expect(newId('obj', [], () => draws[i++])).toBe('obj_012aff');
  });

  test('avoids existing ids, growing by one character when a generator keeps colliding', () => {
    expect(newId('kpi', ['kpi_888888'], () => 0.5)).toBe('kpi_8888888');
  });

  test('a generator that never varies still terminates, with a counter', () => {
    const taken = [6, 7, 8, 9, 10, 11, 12].map((n) => `kpi_${'8'.repeat(n)}`);
    expect(newId('kpi', taken, () => 0.5)).toBe('kpi_1');
    expect(newId('kpi', [...taken, 'kpi_1'], () => 0.5)).toBe('kpi_2');
  });

  test('prefix cleaned, out-of-contract randoms tolerated', () => {
    expect(newId('Obj ective!', [], () => 0)).toBe('objective_000000');
    expect(newId('', [], () => 1)).toBe('id_000000');
    expect(newId('kpi', [], () => NaN)).toBe('kpi_000000');
  });

  test('property: always unique among existing ids', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer(), (existing, seed) => {
        let s = seed;
        const rnd = () => {
          s = (s * 1103515245 + 12345) & 0x7fffffff;
          return s / 0x80000000;
        };
        const id = newId('kpi', existing, rnd);
        expect(existing).not.toContain(id);
        expect(id).toMatch(/^kpi_[0-9a-f]+$|^kpi_\d+$/);
      }),
    );
  });
});
