import { CATALOG } from '../../../src/functions/catalog';
import {
  AUDIENCE_LEVELS,
  checkSmart,
  DEPARTMENTS,
  DIRECTIONS,
  fillFormula,
  formulaPlaceholders,
  FREQUENCIES,
  getTemplate,
  INDICATORS,
  kpiFromTemplate,
  listTemplates,
  TEMPLATES,
  UNITS,
  validateKpi,
} from '../../../src/core/kpi';

const CATALOG_NAMES = new Set(CATALOG.map((f) => f.name));

/** Every `NAME(` call in a formula, with its top-level arguments. */
function calls(formula: string): { name: string; args: string[] }[] {
  const out: { name: string; args: string[] }[] = [];
  const re = /([A-Z][A-Z0-9_.]*)\(/g;
  for (let m = re.exec(formula); m; m = re.exec(formula)) {
    let depth = 0;
    let arg = '';
    const args: string[] = [];
    let inString = false;
    for (let i = m.index + m[0].length; i < formula.length; i++) {
      const ch = formula[i];
      if (ch === '"') inString = !inString;
      if (!inString && ch === '(') depth++;
      if (!inString && ch === ')') {
        if (depth === 0) break;
        depth--;
      }
      if (!inString && ch === ',' && depth === 0) {
        args.push(arg.trim());
        arg = '';
      } else arg += ch;
    }
    if (arg.trim() !== '') args.push(arg.trim());
    out.push({ name: m[1], args });
  }
  return out;
}

describe('the template library', () => {
  test('covers the departments of the domain articles, with several templates each', () => {
    for (const d of ['marketing', 'sales', 'hr', 'customer', 'finance'] as const) {
      expect(TEMPLATES.filter((t) => t.department === d).length).toBeGreaterThanOrEqual(3);
    }
    for (const t of TEMPLATES) expect(DEPARTMENTS).toContain(t.department);
  });

  test('holds the examples the articles name', () => {
    const names = TEMPLATES.map((t) => t.name.fr.toLowerCase()).join(' | ');
    for (const expected of [
      "coût d'acquisition client",
      'taux de conversion par canal',
      'valeur vie client',
      'durée moyenne du cycle de vente',
      'taux de conclusion',
      'panier moyen',
      'rétention des talents',
      'coût par recrutement',
      "taux d'engagement des employés",
      'net promoter score',
      'temps de première réponse',
      'taux de marge brute',
      'bénéfice net',
      'retour sur investissement',
      'temps de cycle de production',
      'temps de résolution des tickets',
    ]) {
      expect(names).toContain(expected);
    }
  });

  test('ids are unique and readable', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+_[a-z_]+$/);
  });

  test.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: both languages, valid enums', (_id, t) => {
    for (const text of [t.name, t.definition]) {
      expect(text.fr.trim().length).toBeGreaterThan(0);
      expect(text.en.trim().length).toBeGreaterThan(0);
    }
    expect(t.definition.fr).not.toBe(t.definition.en);
    expect(UNITS).toContain(t.unit);
    expect(DIRECTIONS).toContain(t.direction);
    expect(INDICATORS).toContain(t.indicator);
    expect(FREQUENCIES).toContain(t.frequency);
    expect(AUDIENCE_LEVELS).toContain(t.level);
    if (t.unit === 'other') {
      expect(t.unitLabel?.fr).toBeTruthy();
      expect(t.unitLabel?.en).toBeTruthy();
    }
  });

  test.each(TEMPLATES.filter((t) => t.formula).map((t) => [t.id, t] as const))(
    '%s: the formula calls only catalog functions, with their arity',
    (_id, t) => {
      const formula = t.formula!;
      expect(formula.startsWith('=')).toBe(true);
      const found = calls(formula);
      expect(found.length).toBeGreaterThan(0);
      for (const call of found) {
        expect(CATALOG_NAMES).toContain(call.name);
        const spec = CATALOG.find((f) => f.name === call.name)!;
        const required = spec.params.filter((p) => !p.optional).length;
        expect(call.args.length).toBeGreaterThanOrEqual(required);
        expect(call.args.length).toBeLessThanOrEqual(spec.params.length);
      }
      // Every placeholder has an input with a label in both languages, in order.
      expect(formulaPlaceholders(formula)).toEqual((t.inputs ?? []).map((i) => i.name));
      for (const i of t.inputs ?? []) {
        expect(i.label.fr.trim()).not.toBe('');
        expect(i.label.en.trim()).not.toBe('');
      }
    },
  );

  test('templates without a formula have no inputs', () => {
    for (const t of TEMPLATES.filter((x) => !x.formula)) expect(t.inputs).toBeUndefined();
  });

  test('the custom functions each appear in at least one template', () => {
    const used = new Set(TEMPLATES.flatMap((t) => (t.formula ? calls(t.formula).map((c) => c.name) : [])));
    for (const name of [
      'CAC',
      'LTV',
      'KPI_TREND',
      'KPI_PROGRESS',
      'LTV_CAC',
      'CAC_PAYBACK',
      'CHURN_RATE',
      'CONVERSION_RATE',
      'NPS',
    ]) {
      expect(used).toContain(name);
    }
  });

  test('known templates carry the right facts', () => {
    const cac = getTemplate('marketing_cac')!;
    expect(cac.formula).toBe('=CAC({spend}, {new_customers})');
    expect([cac.unit, cac.direction, cac.indicator]).toEqual(['€', 'lower', 'lagging']);
    expect(getTemplate('customer_nps')!.formula).toBe('=NPS({scores})');
    expect(getTemplate('marketing_ltv_cac')!.benchmark).toBe(3);
    expect(getTemplate('sales_cycle_length')!.direction).toBe('lower');
    expect(getTemplate('hr_talent_retention')!.formula).toBe('=1-CHURN_RATE({leavers}, {headcount_at_start})');
    expect(getTemplate('nope')).toBeUndefined();
  });

  test('every template drafts a KPI that is Specific as it stands', () => {
    for (const t of TEMPLATES) {
      for (const lang of ['fr', 'en'] as const) {
        const report = checkSmart({ kpi: kpiFromTemplate(t.id, lang)!, otherKpis: [], today: '2025-01-15' }, lang);
        const specific = report.findings.filter((f) => f.criterion === 'specific');
        expect([t.id, lang, specific.map((f) => f.code)]).toEqual([t.id, lang, ['specific_ok']]);
      }
    }
  });
});

describe('listTemplates', () => {
  test('localised, grouped by department', () => {
    const fr = listTemplates('fr');
    const en = listTemplates('en');
    expect(fr).toHaveLength(TEMPLATES.length);
    expect(en.map((t) => t.id)).toEqual(fr.map((t) => t.id));
    const cacFr = fr.find((t) => t.id === 'marketing_cac')!;
    expect(cacFr.name).toBe("Coût d'acquisition client (CAC)");
    expect(cacFr.departmentLabel).toBe('Marketing');
    expect(cacFr.inputs).toEqual([
      { name: 'spend', label: 'Dépenses marketing et commerciales par période' },
      { name: 'new_customers', label: 'Nouveaux clients par période' },
    ]);
    const hrEn = en.find((t) => t.id === 'hr_cost_per_hire')!;
    expect([hrEn.name, hrEn.departmentLabel]).toEqual(['Cost per hire', 'Human resources']);
    const order = fr.map((t) => DEPARTMENTS.indexOf(t.department));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(JSON.parse(JSON.stringify(fr))).toEqual(fr);
  });
});

describe('kpiFromTemplate', () => {
  test('a partial draft with the template facts', () => {
    expect(kpiFromTemplate('marketing_cac_payback', 'fr')).toEqual({
      name: 'Délai de retour du CAC',
      definition:
        "Nombre de mois de marge nécessaires pour rembourser le coût d'acquisition d'un client\u00a0: CAC ÷ (revenu mensuel moyen par compte × taux de marge).",
      unit: 'other',
      unitLabel: 'mois',
      direction: 'lower',
      indicator: 'lagging',
      frequency: 'quarterly',
      level: 'tactical',
      templateId: 'marketing_cac_payback',
      formula: '=CAC_PAYBACK({cac}, {arpa}, {gross_margin})',
    });
    expect(kpiFromTemplate('marketing_ltv_cac', 'en')!.benchmark).toBe(3);
    expect(kpiFromTemplate('unknown', 'en')).toBeNull();
  });

  test('completed by the wizard, it validates', () => {
    const draft = kpiFromTemplate('marketing_cac', 'fr')!;
    const filled = fillFormula(draft.formula!, {
      spend: "'Ventes 2024'!B2:D13",
      new_customers: "'Ventes 2024'!E2:E13",
    });
    expect(filled).toEqual({ ok: true, formula: "=CAC('Ventes 2024'!B2:D13, 'Ventes 2024'!E2:E13)" });
    const r = validateKpi(
      {
        ...draft,
        formula: filled.ok ? filled.formula : '',
        id: 'kpi_000001',
        objectiveId: 'obj_000001',
        source: { kind: 'cell', ref: "'Synthèse'!C4" },
        baseline: null,
        target: 180,
        deadline: '2025-12-31',
        benchmark: null,
        owner: '',
      },
      'fr',
    );
    expect(r.ok).toBe(true);
  });
});

describe('fillFormula', () => {
  test('reports the missing placeholders', () => {
    expect(fillFormula('=LTV({arpa}, {churn_rate}, {gross_margin})', { arpa: 'A!B2:B13', churn_rate: ' ' })).toEqual({
      ok: false,
      missing: ['churn_rate', 'gross_margin'],
    });
  });

  test('a placeholder used twice is filled twice', () => {
    expect(fillFormula('=KPI_PROGRESS({x}, {y}, {x})', { x: 'A1', y: 'B1' })).toEqual({
      ok: true,
      formula: '=KPI_PROGRESS(A1, B1, A1)',
    });
    expect(formulaPlaceholders('=KPI_PROGRESS({x}, {y}, {x})')).toEqual(['x', 'y']);
  });
});
