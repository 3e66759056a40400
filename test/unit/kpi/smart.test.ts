import {
  checkSmart,
  FINDING_CODES,
  isFindingCode,
  type Criterion,
  type Finding,
  type FindingCode,
  type FindingOf,
  type FindingLevel,
  type Kpi,
  type Objective,
  type SmartInput,
  type SmartReport,
} from '../../../src/core/kpi';

/*
 * Expected values are computed by hand (noted next to each case), not read from the code.
 * Periods: undated values count one per KPI period; periods to the deadline are counted in
 * calendar periods (months, ISO weeks…) from today, or from the latest value's date when dated.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const TODAY = '2025-01-15'; // a Wednesday, in January

const objective: Objective = {
  id: 'obj_ca',
  title: 'Croissance du CA',
  description: 'Faire croître le chiffre d’affaires de 15 % en 2025.',
  horizon: '2025-12-31',
  level: 'strategic',
  owner: 'Direction',
};

function kpi(id: string, indicator: 'leading' | 'lagging', objectiveId = 'obj_ca'): Kpi {
  return {
    id,
    name: `Indicateur ${id}`,
    definition: 'Une définition assez longue pour être lue sans ambiguïté.',
    unit: 'count',
    direction: 'higher',
    objectiveId,
    indicator,
    source: { kind: 'cell', ref: "'Synthèse'!C4" },
    baseline: null,
    target: 10,
    deadline: '2025-12-31',
    frequency: 'monthly',
    benchmark: null,
    owner: '',
    level: 'tactical',
  };
}

/** Two siblings on the objective, one lagging and one leading: with the draft, 3 KPIs and a mix. */
const siblings = [kpi('kpi_b', 'lagging'), kpi('kpi_c', 'leading')];

const base: Partial<Kpi> = {
  id: 'kpi_a',
  name: 'Leads qualifiés par mois',
  definition: 'Nombre de formulaires de contact soumis dans le mois avec un score supérieur à 70.',
  unit: 'count',
  direction: 'higher',
  objectiveId: 'obj_ca',
  indicator: 'leading',
  source: { kind: 'range', values: "'Marketing'!B2:B13" },
  baseline: 100,
  target: 140.39,
  deadline: '2025-05-15',
  frequency: 'monthly',
  benchmark: null,
  owner: 'Claire',
  level: 'tactical',
};

/** Steady +5 % a month: 100 × 1.05^k. */
const STEADY = [100, 105, 110.25, 115.7625, 121.550625, 127.62815625];
const FLAT = [100, 100, 100, 100, 100, 100];

function run(kpiOverrides: Partial<Kpi>, extra: Partial<SmartInput> = {}, lang: 'fr' | 'en' = 'en'): SmartReport {
  return checkSmart(
    {
      kpi: { ...base, ...kpiOverrides },
      objective,
      otherKpis: siblings,
      data: { values: STEADY },
      today: TODAY,
      ...extra,
    },
    lang,
  );
}

const codes = (r: SmartReport, criterion?: Criterion) =>
  r.findings.filter((f) => !criterion || f.criterion === criterion).map((f) => f.code);
/** The finding with this code; its params are typed by the code (a misspelt code does not compile). */
const finding = <C extends FindingCode>(r: SmartReport, code: C): Finding & FindingOf<C> => {
  const f = r.findings.find((x): x is Finding & FindingOf<C> => x.code === code);
  if (!f) throw new Error(`no finding ${code}; got ${codes(r).join(', ')}`);
  return f;
};

// ---------------------------------------------------------------------------------------------

type Row = {
  label: string;
  kpi?: Partial<Kpi>;
  input?: Partial<SmartInput>;
  verdicts: Partial<Record<Criterion, FindingLevel>>;
  /** Codes that must be among the findings. */
  has: FindingCode[];
};

const ROWS: Row[] = [
  {
    // 127.63 → 140.39 in 4 months (Jan → May): 1.1^(1/4) − 1 = +2.4 %/month; history +5 %/month.
    label: 'a well-formed KPI on a steady +5 %/month history, +10 % over 4 months',
    verdicts: { specific: 'pass', measurable: 'pass', achievable: 'pass', relevant: 'pass', timebound: 'pass' },
    has: ['specific_ok', 'data_ok', 'achievable_ok', 'count_ok', 'indicator_mix_ok', 'timebound_ok'],
  },
  {
    // Flat at 100, target 150 in 6 months: 1.5^(1/6) − 1 = +7.0 %/month; history 0 %/month at best.
    label: 'flat history, +50 % target',
    kpi: { target: 150, deadline: '2025-07-15' },
    input: { data: { values: FLAT } },
    verdicts: { achievable: 'failure', specific: 'pass', measurable: 'pass', relevant: 'pass', timebound: 'pass' },
    has: ['achievable_beyond_best'],
  },
  {
    // Rates +2 %, +2 %, +8 %, +8 %; over 2-month stretches: +2 %, √(1.02 × 1.08) − 1 = +4.96 %, +8 %: median 4.96 %, best 8 %. 121.35 → 136.35 in 2 months: √1.1236 − 1 = +6 %/month.
    label: 'target between the median and the best pace: a stretch',
    kpi: { target: 136.35, deadline: '2025-03-15' },
    input: { data: { values: [100, 102, 104.04, 112.3632, 121.352256] } },
    verdicts: { achievable: 'warning', timebound: 'warning' }, // only 2 monthly check-ins
    has: ['achievable_stretch', 'few_checkins'],
  },
  {
    // Lower is better: 20 → 17.15 h at −5 %/week; target 10 h in 4 weeks needs (10/17.1475)^(1/4) − 1 = −12.6 %/week.
    label: 'lower is better, target beyond the best weekly fall',
    kpi: lowerKpi({ target: 10 }),
    input: lowerInput(),
    verdicts: { achievable: 'failure', timebound: 'pass', measurable: 'pass' },
    has: ['achievable_beyond_best'],
  },
  {
    // Same history, target 16 h: (16/17.1475)^(1/4) − 1 = −1.7 %/week, within the −5 % median.
    label: 'lower is better, target within the usual weekly fall',
    kpi: lowerKpi({ target: 16 }),
    input: lowerInput(),
    verdicts: { achievable: 'pass' },
    has: ['achievable_ok'],
  },
  {
    label: 'target already met (higher is better)',
    kpi: { target: 115, deadline: '2025-04-15' },
    input: { data: { values: [100, 110, 121] } },
    verdicts: { achievable: 'warning' },
    has: ['achievable_already_met'],
  },
  {
    label: 'target already met (lower is better)',
    kpi: { direction: 'lower', unit: 'days', target: 10, deadline: '2025-04-15' },
    input: { data: { values: [12, 10, 8] } },
    verdicts: { achievable: 'warning' },
    has: ['achievable_already_met'],
  },
  {
    label: 'no history yet: a single number in the source',
    kpi: { baseline: null, target: 50, deadline: '2025-07-15' },
    input: { data: { values: [null, 42, null] } },
    verdicts: { achievable: 'warning', measurable: 'pass' },
    has: ['achievable_no_history', 'baseline_from_data', 'data_ok'],
  },
  {
    label: 'no data read yet for a cell source',
    kpi: { source: { kind: 'cell', ref: "'Synthèse'!C4" }, baseline: 50, target: 60 },
    input: { data: undefined },
    verdicts: { achievable: 'warning', measurable: 'warning' },
    has: ['achievable_no_history', 'data_not_read'],
  },
  {
    label: 'deadline in the past',
    kpi: { deadline: '2024-12-31', target: 150 },
    verdicts: { timebound: 'failure', achievable: 'warning' },
    has: ['deadline_past', 'achievable_no_time'],
  },
  {
    label: 'too many KPIs on one objective (6)',
    input: {
      otherKpis: [
        kpi('kpi_b', 'lagging'),
        kpi('kpi_c', 'leading'),
        kpi('kpi_d', 'lagging'),
        kpi('kpi_e', 'lagging'),
        kpi('kpi_f', 'leading'),
      ],
    },
    verdicts: { relevant: 'warning' },
    has: ['too_many_on_objective', 'indicator_mix_ok'],
  },
  {
    label: 'all-lagging objective',
    kpi: { indicator: 'lagging' },
    input: { otherKpis: [kpi('kpi_b', 'lagging'), kpi('kpi_c', 'lagging')] },
    verdicts: { relevant: 'warning' },
    has: ['indicator_mix', 'count_ok'],
  },
  {
    label: 'vague verb without a figure',
    kpi: {
      name: 'Augmenter le trafic',
      definition: 'Augmenter le trafic du site web grâce au référencement naturel et au blog.',
    },
    verdicts: { specific: 'warning' },
    has: ['vague_verb'],
  },
  {
    label: 'no objective',
    kpi: { objectiveId: '' },
    verdicts: { relevant: 'failure' },
    has: ['objective_missing'],
  },
  {
    label: 'an empty draft',
    kpi: Object.fromEntries(Object.keys(base).map((k) => [k, undefined])) as Partial<Kpi>,
    input: { data: undefined },
    verdicts: {
      specific: 'failure',
      measurable: 'failure',
      achievable: 'warning',
      relevant: 'failure',
      timebound: 'failure',
    },
    has: [
      'name_missing',
      'definition_missing',
      'direction_missing',
      'unit_missing',
      'source_missing',
      'target_missing',
      'achievable_no_target',
      'objective_missing',
      'deadline_missing',
      'frequency_missing',
    ],
  },
];

function lowerKpi(over: Partial<Kpi>): Partial<Kpi> {
  return {
    name: 'Temps de première réponse',
    definition:
      "Délai moyen, en heures ouvrées, entre la réception d'une demande et la première réponse, sur la semaine.",
    unit: 'hours',
    direction: 'lower',
    baseline: 20,
    frequency: 'weekly',
    deadline: '2025-02-24',
    source: { kind: 'range', values: "'Support'!B2:B5", dates: "'Support'!A2:A5" },
    ...over,
  };
}

function lowerInput(): Partial<SmartInput> {
  // Mondays; −5 % a week: 20, 19, 18.05, 17.1475. 2025-01-27 → 2025-02-24 is 4 ISO weeks.
  return {
    data: { values: [20, 19, 18.05, 17.1475], dates: ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27'] },
  };
}

describe('checkSmart: verdicts per criterion', () => {
  test.each(ROWS.map((r) => [r.label, r] as const))('%s', (_label, row) => {
    const report = run(row.kpi ?? {}, row.input ?? {});
    for (const [criterion, level] of Object.entries(row.verdicts)) {
      expect([criterion, report.criteria[criterion as Criterion]]).toEqual([criterion, level]);
    }
    expect(codes(report)).toEqual(expect.arrayContaining(row.has));
  });
});

describe('Achievable, the numbers', () => {
  test('flat history, +50 %: +7.0 %/month required, 0.0 % at best (French)', () => {
    const r = run({ target: 150, deadline: '2025-07-15' }, { data: { values: FLAT } }, 'fr');
    const f = finding(r, 'achievable_beyond_best');
    expect(f.message).toBe(
      `La cible demande +7,0${NBSP}% par mois${NNBSP}; sur 5${NBSP}mois d'affilée, l'historique a tenu au mieux 0,0${NBSP}% par mois (médiane 0,0${NBSP}%), soit 7,0${NBSP}points de moins que nécessaire chaque mois.`,
    );
    expect(f.fix).toContain(`visez une cible proche de la valeur actuelle (100)`);
    expect(r.stats.requiredRate).toBeCloseTo(0.0699132, 6); // 1.5^(1/6) − 1
    expect(r.stats.typicalRate).toBe(0);
    expect(r.stats.bestRate).toBe(0);
    expect(r.stats.observedChanges).toBe(5);
    expect(r.stats.periodsToDeadline).toBe(6);
    expect(r.stats.rateKind).toBe('relative');
    expect(r.score).toBe(80); // everything else passes
  });

  test('steady +5 %/month, +10 % in 4 months: pass (English)', () => {
    const r = run({}, {}, 'en');
    expect(finding(r, 'achievable_ok').message).toBe(
      'The target requires +2.4% per month over 4 months; over 4 months in a row, the history held +5.0% per month as a median (at best +5.0%).',
    );
    expect(r.stats.requiredRate).toBeCloseTo(0.024113, 5); // (140.39 / 127.628)^(1/4) − 1
    expect(r.stats.typicalRate).toBeCloseTo(0.05, 12);
    expect(r.score).toBe(100);
    expect(r.findings.every((f) => f.level === 'pass' && f.fix === '')).toBe(true);
  });

  test('stretch: the median pace carried to the deadline is suggested', () => {
    const r = run(
      { target: 136.35, deadline: '2025-03-15' },
      { data: { values: [100, 102, 104.04, 112.3632, 121.352256] } },
      'en',
    );
    const f = finding(r, 'achievable_stretch');
    expect(f.message).toBe(
      'The target requires +6.0% per month: more than your median pace over 2 months in a row (+5.0%), held only in your best stretches (at best +8.0%).',
    );
    // at the median stretch: 121.352256 × 1.02 × 1.08 = 133.68
    expect(f.fix).toBe(
      'Aim for 134 to stay at your median pace, or plan the actions that will make your best periods the norm.',
    );
    expect(r.score).toBe(80); // achievable and time-bound warnings
  });

  test('lower is better: signed rates, a realistic target and a later deadline offered', () => {
    const r = run(lowerKpi({ target: 10 }), lowerInput(), 'en');
    const f = finding(r, 'achievable_beyond_best');
    // required (10/17.1475)^(1/4) − 1 = −12.6 %; gap 12.61 − 5 = 7.6 points
    expect(f.message).toBe(
      `The target requires -12.6% per week; over 3 weeks in a row, the history held at best -5.0% per week (median -5.0%), 7.6${NBSP}points short of what is needed every week.`,
    );
    // at best: 17.1475 × 0.95⁴ = 13.97 h; periods needed ln(10/17.1475)/ln(0.95) = 10.5 → 11, i.e. 7 weeks more
    expect(f.fix).toBe(
      `Aim no lower than 14${NBSP}h by the deadline (the best pace the history held over 3 weeks), or move the deadline about 7 weeks later to reach 10${NBSP}h at that pace.`,
    );
    expect(f.params.periodsNeeded).toBe(11);
    expect(r.stats.granularity).toBe('weekly');
    expect(r.stats.latestDate).toBe('2025-01-27');
    expect(r.stats.bestRate).toBeCloseTo(-0.05, 12);
  });

  test('lower is better, in French', () => {
    const r = run(lowerKpi({ target: 10 }), lowerInput(), 'fr');
    const f = finding(r, 'achievable_beyond_best');
    expect(f.message).toBe(
      `La cible demande -12,6${NBSP}% par semaine${NNBSP}; sur 3${NBSP}semaines d'affilée, l'historique a tenu au mieux -5,0${NBSP}% par semaine (médiane -5,0${NBSP}%), soit 7,6${NBSP}points de moins que nécessaire chaque semaine.`,
    );
    expect(f.fix).toBe(
      `Ne visez pas plus bas que 14${NBSP}h d'ici l'échéance (le meilleur rythme que l'historique a tenu sur 3${NBSP}semaines), ou repoussez l'échéance d'environ 7${NBSP}semaines pour atteindre 10${NBSP}h à ce rythme.`,
    );
  });

  test('target already met: says so, and suggests the median pace to the deadline', () => {
    // Rates +10 %, +10 %; 3 months to April: 121 × 1.1³ = 161.05
    const fr = finding(
      run({ target: 115, deadline: '2025-04-15' }, { data: { values: [100, 110, 121] } }, 'fr'),
      'achievable_already_met',
    );
    expect(fr.message).toBe(
      `La valeur actuelle (121) atteint déjà la cible (115)${NBSP}: la cible n'est pas ambitieuse.`,
    );
    expect(fr.fix).toBe(
      `Fixez une cible au-delà de 121, par exemple 161 (votre rythme médian prolongé jusqu'à l'échéance).`,
    );
    // Lower is better, 12 → 10 → 8 days, held over the 2 months of history: (8/12)^(1/2) − 1 = −18.35 %/month; 8 × (2/3)^(3/2) = 4.35
    const en = finding(
      run(
        { direction: 'lower', unit: 'days', target: 10, deadline: '2025-04-15' },
        { data: { values: [12, 10, 8] } },
        'en',
      ),
      'achievable_already_met',
    );
    expect(en.message).toBe(
      `The current value (8${NBSP}days) already meets the target (10${NBSP}days): the target is not ambitious.`,
    );
    expect(en.fix).toBe(
      `Set a target below 8${NBSP}days, e.g. 4.35${NBSP}days (your median pace carried to the deadline).`,
    );
  });

  test('no history yet is said plainly, with the pace the target requires', () => {
    // 42 → 50 in 6 months: (50/42)^(1/6) − 1 = +2.9 %/month
    const r = run({ baseline: null, target: 50, deadline: '2025-07-15' }, { data: { values: [null, 42, null] } }, 'en');
    const f = finding(r, 'achievable_no_history');
    expect(f.level).toBe('warning');
    expect(f.message).toBe(
      'No history yet: only 1 value, and at least 3 are needed to know your usual pace. The target requires +2.9% per month.',
    );
    expect(f.fix).toContain('Boussole archives a value every period');
    expect(r.suggestedBaseline).toBe(42);
    const fr = finding(
      run({ baseline: null, target: 50, deadline: '2025-07-15' }, { data: { values: [null, 42, null] } }, 'fr'),
      'achievable_no_history',
    );
    expect(fr.message.startsWith(`Pas encore d'historique${NBSP}: 1 valeur seulement, il en faut au moins 3`)).toBe(
      true,
    );
  });

  test('dated data: one value per calendar period (the last), gaps spread over the periods they span', () => {
    // Jan: 50 then 100 (the last counts), Feb: 110, Apr: 133.1 (March missing: 1.21 over 2 months = +10 %/month)
    const r = run(
      { target: 146.41, deadline: '2025-06-30', baseline: 100 },
      {
        data: {
          values: [50, 100, 110, 133.1],
          dates: ['2025-01-10', '2025-01-20', '2025-02-25', '2025-04-30'],
        },
        today: '2025-05-02',
      },
    );
    expect(r.stats.observedChanges).toBe(2);
    expect(r.stats.typicalRate).toBeCloseTo(0.1, 12);
    expect(r.stats.bestRate).toBeCloseTo(0.1, 12);
    // 133.1 → 146.41 (×1.1) over 2 months (April → June): √1.1 − 1 = +4.88 %/month
    expect(r.stats.periodsToDeadline).toBe(2);
    expect(r.stats.requiredRate).toBeCloseTo(Math.sqrt(1.1) - 1, 6);
    expect(r.criteria.achievable).toBe('pass');
  });

  test('values that cross zero are judged in absolute changes (NPS)', () => {
    // −10, 0, 10, 20: +10 a month; 20 → 30 in 2 months needs +5 a month
    const r = run(
      { name: 'Net Promoter Score', unit: 'score', target: 30, deadline: '2025-03-15' },
      { data: { values: [-10, 0, 10, 20] } },
      'en',
    );
    expect(r.stats.rateKind).toBe('absolute');
    expect(finding(r, 'achievable_ok').message).toBe(
      'The target requires +5 per month over 2 months; over 2 months in a row, the history held +10 per month as a median (at best +10).',
    );
  });

  test('a percent KPI that hit 0 is judged in points', () => {
    // 0 %, 1 %, 2 %: +1 point a month; 2 % → 6 % in 2 months needs +2 points
    const r = run(
      { unit: '%', baseline: 0, target: 0.06, deadline: '2025-03-15' },
      { data: { values: [0, 0.01, 0.02] } },
      'en',
    );
    const f = finding(r, 'achievable_beyond_best');
    expect(f.message).toBe(
      `The target requires +2${NBSP}pts per month; over 2 months in a row, the history held at best +1${NBSP}pts per month (median +1${NBSP}pts), 1${NBSP}pts short of what is needed every month.`,
    );
    // at best 2 % + 2 × 1 pt = 4 %; needs 4 months, 2 more
    expect(f.fix).toBe(
      'Aim for at most 4% by the deadline (the best pace the history held over 2 months), or move the deadline about 2 months later to reach 6% at that pace.',
    );
  });

  test('no frequency: monthly is assumed, and said', () => {
    const r = run({ frequency: undefined, target: 150, deadline: '2025-07-15' }, { data: { values: FLAT } }, 'en');
    expect(finding(r, 'achievable_beyond_best').message).toContain('(monthly frequency assumed)');
    expect(r.criteria.timebound).toBe('failure');
    expect(r.stats.frequency).toBe('monthly');
  });
});

describe('Specific', () => {
  test.each<[string, Partial<Kpi>, FindingCode, FindingLevel]>([
    ['name missing', { name: '  ' }, 'name_missing', 'failure'],
    ['name too short', { name: 'CA' }, 'name_too_short', 'warning'],
    ['name too long', { name: 'x'.repeat(81) }, 'name_too_long', 'warning'],
    ['definition missing', { definition: '' }, 'definition_missing', 'failure'],
    [
      'definition only repeats the name',
      { definition: 'Les leads qualifiés, par mois.' },
      'definition_repeats_name',
      'warning',
    ],
    ['definition too short', { definition: 'Nombre de leads' }, 'definition_too_short', 'warning'],
    ['unit missing', { unit: undefined }, 'unit_missing', 'warning'],
    ['unit other without a label', { unit: 'other' }, 'unit_label_missing', 'warning'],
    ['direction missing', { direction: undefined }, 'direction_missing', 'failure'],
    [
      'English vague verb',
      {
        name: 'Improve customer satisfaction',
        definition: 'Improve how satisfied our customers say they are in the survey.',
      },
      'vague_verb',
      'warning',
    ],
    [
      'French vague verb, lower case, in the definition',
      { definition: 'Il faut optimiser les formulaires de contact remplis par les prospects.' },
      'vague_verb',
      'warning',
    ],
  ])('%s', (_label, over, code, level) => {
    const r = run(over);
    expect(finding(r, code).level).toBe(level);
    expect(r.criteria.specific).toBe(level);
  });

  test('a vague verb with a figure, or a noun, is fine', () => {
    expect(codes(run({ name: 'Augmenter le trafic organique de 20 %' }), 'specific')).toEqual(['specific_ok']);
    expect(
      codes(
        run({
          name: "Taux d'amélioration des délais",
          definition: 'Part des commandes livrées plus vite que le mois précédent, sur le mois.',
        }),
        'specific',
      ),
    ).toEqual(['specific_ok']);
    expect(codes(run({ name: 'Atteindre 100 000 visites par mois' }), 'specific')).toEqual(['specific_ok']);
  });

  test('vague verb messages', () => {
    const draft = {
      name: 'Augmenter le trafic',
      definition: 'Augmenter le trafic du site web grâce au référencement naturel et au blog.',
    };
    const fr = finding(run(draft, {}, 'fr'), 'vague_verb');
    expect(fr.message).toBe(
      `«${NBSP}Augmenter${NBSP}» sans chiffre${NBSP}: on ne sait ni de combien, ni quand ce sera réussi.`,
    );
    expect(fr.fix).toContain(`«${NBSP}atteindre 100 000 visites par mois${NBSP}»`);
    const en = finding(run(draft, {}, 'en'), 'vague_verb');
    expect(en.message).toBe('"Augmenter" without a figure: nobody can tell by how much, or when it has succeeded.');
    expect(en.params.verb).toBe('Augmenter');
  });
});

describe('Measurable', () => {
  test('text among the numbers', () => {
    const r = run({}, { data: { values: [10, 'n/a', null, 12] } }, 'en');
    const f = finding(r, 'has_text');
    expect(f.level).toBe('warning');
    expect(f.message).toBe(
      '1 of 4 cells hold text, not a number (e.g. "n/a"): they will be skipped. 2 numbers read, latest value 12.',
    );
    expect([r.stats.cells, r.stats.numbers, r.stats.blanks, r.stats.texts, r.stats.latest]).toEqual([4, 2, 1, 1, 12]);
  });

  test('no number at all', () => {
    const r = run({}, { data: { values: ['n/a', null, '', true] } }, 'en');
    const f = finding(r, 'no_numbers');
    expect(f.level).toBe('failure');
    expect(f.message).toBe('The source holds no number (4 cells: 2 blank, 2 text, e.g. "n/a").');
    expect(r.criteria.measurable).toBe('failure');
  });

  test('the source', () => {
    expect(finding(run({ source: undefined }), 'source_missing').level).toBe('failure');
    const bad = finding(run({ source: { kind: 'range', values: 'Ventes 2024!B2:B13' } }, {}, 'fr'), 'source_invalid');
    expect(bad.level).toBe('failure');
    expect(bad.message).toBe(`«${NBSP}Ventes 2024!B2:B13${NBSP}» n'est pas une référence A1 valide.`);
    expect(bad.fix).toContain("'Ventes 2024'!B2:B25");
  });

  test('target missing, or not a number', () => {
    expect(finding(run({ target: null }), 'target_missing').level).toBe('failure');
    expect(finding(run({ target: 'beaucoup' as unknown as number }), 'target_not_number').level).toBe('failure');
  });

  test('a percent target typed as a whole number', () => {
    const r = run({ unit: '%', target: 15, baseline: 0.1 }, { data: { values: [0.1, 0.11, 0.12] } }, 'fr');
    const f = finding(r, 'target_scale');
    expect(f.message).toBe(
      `La cible vaut 15, soit 1${NNBSP}500${NBSP}%, alors que la source contient des fractions (dernière valeur 12${NBSP}%).`,
    );
    expect(f.fix).toBe(`Pour viser 15${NBSP}%, saisissez 15${NBSP}% ou 0,15.`);
  });

  test('baseline taken from the data when none is entered', () => {
    const r = run({ baseline: null }, {}, 'fr');
    expect(r.suggestedBaseline).toBe(127.62815625);
    const f = finding(r, 'baseline_from_data');
    expect(f.level).toBe('pass');
    expect(f.fix).toBe('');
    expect(f.message).toBe(
      `Pas de valeur de départ saisie${NBSP}: la dernière valeur de la source (128) sert de point de départ.`,
    );
    expect(run({ baseline: 100 }).suggestedBaseline).toBeNull();
    expect(finding(run({ baseline: null }, { data: { values: [] } }), 'baseline_missing').level).toBe('warning');
  });

  test('dates that do not cover every value are ignored, and said so', () => {
    const r = run({}, { data: { values: [1, 2, 3], dates: ['2025-01-01', null, '2025-03-01'] } });
    expect(finding(r, 'dates_unusable').params.undated).toBe(1);
    expect(r.stats.granularity).toBeNull();
  });
});

describe('Relevant', () => {
  test('3 to 5 KPIs per objective: 2 is a pass with a note, 5 passes, 6 warns', () => {
    const two = run({}, { otherKpis: [kpi('kpi_b', 'lagging')] }, 'fr');
    const f = finding(two, 'few_on_objective');
    expect(f.level).toBe('pass');
    expect(f.message).toBe(
      `2 KPI sur l'objectif «${NBSP}Croissance du CA${NBSP}» pour l'instant${NBSP}: 3 à 5 en donnent une vue complète.`,
    );
    const five = run(
      {},
      { otherKpis: ['b', 'c', 'd', 'e'].map((x, i) => kpi(`kpi_${x}`, i % 2 ? 'leading' : 'lagging')) },
    );
    expect(codes(five, 'relevant')).toContain('count_ok');
    const six = run(
      {},
      { otherKpis: ['b', 'c', 'd', 'e', 'f'].map((x, i) => kpi(`kpi_${x}`, i % 2 ? 'leading' : 'lagging')) },
      'en',
    );
    expect(finding(six, 'too_many_on_objective').message).toBe(
      '6 KPIs on the objective "Croissance du CA": beyond 5, nobody knows which ones to watch.',
    );
    expect(six.stats.kpisOnObjective).toBe(6);
  });

  test('more than 10 KPIs in all warns; the draft itself in otherKpis is not counted twice', () => {
    const elsewhere = (n: number) => Array.from({ length: n }, (_, i) => kpi(`kpi_x${i}`, 'lagging', 'obj_other'));
    const ten = run({}, { otherKpis: [...siblings, ...elsewhere(7), { ...kpi('kpi_a', 'leading') }] });
    expect(ten.stats.totalKpis).toBe(10);
    expect(codes(ten)).not.toContain('too_many_total');
    const eleven = run({}, { otherKpis: [...siblings, ...elsewhere(8)] }, 'en');
    expect(eleven.stats.totalKpis).toBe(11);
    expect(finding(eleven, 'too_many_total').message).toBe(
      '11 KPIs in all: beyond 10, some are probably not that "key".',
    );
  });

  test('all lagging, all leading', () => {
    const lag = finding(
      run({ indicator: 'lagging' }, { otherKpis: [kpi('kpi_b', 'lagging'), kpi('kpi_c', 'lagging')] }, 'fr'),
      'indicator_mix',
    );
    expect(lag.message).toBe(
      `Les 3 KPI de l'objectif «${NBSP}Croissance du CA${NBSP}» sont tous retardés${NBSP}: ils constatent les résultats sans les annoncer.`,
    );
    expect(lag.fix).toContain('indicateur avancé');
    const lead = finding(
      run({}, { otherKpis: [kpi('kpi_b', 'leading'), kpi('kpi_c', 'leading')] }, 'en'),
      'indicator_mix',
    );
    expect(lead.message).toBe(
      'All 3 KPIs of the objective "Croissance du CA" are leading: nothing records the final result.',
    );
    expect(finding(run({ indicator: undefined }), 'indicator_missing').level).toBe('warning');
  });

  test('no objective', () => {
    const f = finding(run({ objectiveId: '' }, {}, 'en'), 'objective_missing');
    expect(f.message).toBe('The KPI is linked to no objective: it is a metric, not a key indicator.');
    expect(f.fix).toBe('Link it to the objective it serves, or take it off the dashboard.');
  });
});

describe('Time-bound', () => {
  test('deadline in the past', () => {
    const f = finding(run({ deadline: '2024-12-31' }, {}, 'fr'), 'deadline_past');
    expect(f.level).toBe('failure');
    expect(f.message).toBe(`L'échéance (31${NBSP}déc. 2024) est déjà passée (nous sommes le 15${NBSP}janv. 2025).`);
    expect(finding(run({ deadline: TODAY }), 'deadline_past').level).toBe('failure');
  });

  test('deadline missing or not a date', () => {
    expect(finding(run({ deadline: undefined }), 'deadline_missing').level).toBe('failure');
    expect(finding(run({ deadline: '2025-13-01' }), 'deadline_invalid').level).toBe('failure');
  });

  test('fewer than 3 check-ins', () => {
    // January → March: 2 monthly check-ins
    const f = finding(run({ deadline: '2025-03-01' }, {}, 'en'), 'few_checkins');
    expect(f.message).toBe('Only 2 monthly check-ins before the deadline (1 Mar 2025): too few to correct course.');
    expect(f.fix).toBe('Switch to weekly tracking or move the deadline to get at least 3 check-ins.');
    const fr = finding(run({ deadline: '2025-03-01' }, {}, 'fr'), 'few_checkins');
    expect(fr.message).toBe(
      `Seulement 2 points de suivi (un par mois) d'ici l'échéance (1${NBSP}mars 2025)${NBSP}: trop peu pour corriger le tir.`,
    );
    expect(fr.fix).toBe("Passez à un suivi hebdomadaire ou reculez l'échéance pour avoir au moins 3 points de suivi.");
    // 3 check-ins (January → April) is enough
    expect(codes(run({ deadline: '2025-04-01' }), 'timebound')).toEqual(['timebound_ok']);
  });

  test('weekly tracking of monthly data', () => {
    const monthEnds = ['2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31'];
    const r = run(
      { frequency: 'weekly', deadline: '2025-05-15' },
      { data: { values: STEADY, dates: monthEnds } },
      'fr',
    );
    expect(r.stats.granularity).toBe('monthly');
    const f = finding(r, 'frequency_finer_than_data');
    expect(f.message).toBe(
      `Suivi hebdomadaire, mais les données sont mensuelles${NBSP}: la plupart des points de suivi n'auront pas de nouvelle valeur.`,
    );
    expect(f.fix).toBe('Choisissez une fréquence mensuelle ou plus large, ou alimentez la source plus souvent.');
    expect(codes(run({ frequency: 'monthly' }, { data: { values: STEADY, dates: monthEnds } }), 'timebound')).toEqual([
      'timebound_ok',
    ]);
  });

  test('deadline after the objective', () => {
    const f = finding(run({ deadline: '2026-03-31' }, {}, 'en'), 'deadline_after_objective');
    expect(f.message).toBe(
      'The KPI\'s deadline (31 Mar 2026) is after that of the objective "Croissance du CA" (31 Dec 2025).',
    );
  });

  test('frequency missing', () => {
    expect(finding(run({ frequency: undefined }), 'frequency_missing').level).toBe('failure');
  });

  test('all good', () => {
    // January → May: 4 check-ins
    expect(finding(run({}, {}, 'en'), 'timebound_ok').message).toBe(
      'Deadline 15 May 2025, 4 monthly check-ins until then.',
    );
    expect(run({}).stats.checkins).toBe(4);
  });
});

describe('score', () => {
  test('20 points per criterion, 10 for a warning, 0 for a failure', () => {
    expect(run({}).score).toBe(100);
    // Specific failure (no name), Relevant failure (no objective), Time-bound warning (2 check-ins): 0 + 20 + 20 + 0 + 10
    const r = run({ name: '', objectiveId: '', deadline: '2025-03-01', target: 130 });
    expect(r.criteria).toEqual({
      specific: 'failure',
      measurable: 'pass',
      achievable: 'pass',
      relevant: 'failure',
      timebound: 'warning',
    });
    expect(r.score).toBe(50);
  });

  test('every finding says what and, unless it passes, how to fix it, in both languages', () => {
    for (const row of ROWS) {
      for (const lang of ['fr', 'en'] as const) {
        const r = run(row.kpi ?? {}, row.input ?? {}, lang);
        for (const f of r.findings) {
          expect(f.message.trim()).not.toBe('');
          expect(f.message).not.toMatch(/undefined|NaN|Infinity|—/);
          if (f.level === 'pass') expect(f.fix).toBe('');
          else expect(f.fix.trim()).not.toBe('');
        }
      }
    }
  });
});

describe('history counted in periods', () => {
  test('daily values within two months are two monthly periods: not enough history yet', () => {
    const dates = ['2024-12-02', '2024-12-09', '2024-12-16', '2025-01-06', '2025-01-13'];
    const r = run(
      { target: 200, deadline: '2025-07-15' },
      { data: { values: [100, 101, 102, 103, 104], dates } },
      'en',
    );
    const f = finding(r, 'achievable_no_history');
    expect(
      f.message.startsWith(
        'Not enough history yet: the 5 values cover only 2 months, and at least 3 months are needed',
      ),
    ).toBe(true);
    // 104 → 200 from January to July (6 months): (200/104)^(1/6) − 1 = +11.5 %/month
    expect(f.message.endsWith('The target requires +11.5% per month.')).toBe(true);
  });
});

describe('finding codes', () => {
  type Scenario = [kpi: Partial<Kpi>, input?: Partial<SmartInput>];
  const monthly = (values: number[], from = 2024): Partial<SmartInput> => ({
    data: {
      values,
      dates: values.map(
        (_, i) => `${from + Math.floor((i + 6) / 12)}-${String(((i + 6) % 12) + 1).padStart(2, '0')}-01`,
      ),
    },
  });
  /** One draft per code that makes the engine report it: typed by code, so a code without its scenario does not compile. */
  const EXAMPLES: { [C in FindingCode]: Scenario } = {
    name_missing: [{ name: '' }],
    name_too_short: [{ name: 'CA' }],
    name_too_long: [{ name: 'x'.repeat(81) }],
    definition_missing: [{ definition: '' }],
    definition_repeats_name: [{ definition: 'Leads qualifiés par mois' }],
    definition_too_short: [{ definition: 'Nombre de leads' }],
    vague_verb: [{ name: 'Augmenter le trafic', definition: 'Augmenter le trafic du site web grâce au blog.' }],
    unit_missing: [{ unit: undefined }],
    unit_label_missing: [{ unit: 'other' }],
    direction_missing: [{ direction: undefined }],
    specific_ok: [{}],
    source_missing: [{ source: undefined }],
    source_invalid: [{ source: { kind: 'range', values: 'Ventes 2024!B2:B13' } }],
    data_not_read: [{}, { data: undefined }],
    no_numbers: [{}, { data: { values: ['n/a', null, ''] } }],
    has_text: [{}, { data: { values: [10, 'n/a', null, 12] } }],
    data_ok: [{}],
    dates_unusable: [{}, { data: { values: [1, 2, 3], dates: ['2025-01-01', null, '2025-03-01'] } }],
    target_missing: [{ target: null }],
    target_not_number: [{ target: 'beaucoup' as unknown as number }],
    target_scale: [{ unit: '%', target: 15, baseline: 0.1 }, { data: { values: [0.1, 0.11, 0.12] } }],
    baseline_from_data: [{ baseline: null }],
    baseline_missing: [{ baseline: null }, { data: undefined }],
    achievable_no_target: [{ target: null }],
    achievable_no_history: [{ target: 50, deadline: '2025-07-15' }, { data: { values: [42] } }],
    achievable_already_met: [{ target: 115 }, { data: { values: [100, 110, 121] } }],
    achievable_no_deadline: [{ deadline: undefined }],
    achievable_no_time: [{ deadline: '2024-12-31', target: 150 }],
    achievable_ok: [{}],
    achievable_stretch: [
      { target: 136.35, deadline: '2025-03-15' },
      { data: { values: [100, 102, 104.04, 112.3632, 121.352256] } },
    ],
    achievable_beyond_best: [{ target: 150, deadline: '2025-07-15' }, { data: { values: FLAT } }],
    too_many_total: [
      {},
      { otherKpis: [...siblings, ...Array.from({ length: 8 }, (_, i) => kpi(`kpi_x${i}`, 'lagging', 'obj_x'))] },
    ],
    objective_missing: [{ objectiveId: '' }],
    objective_mismatch: [{}, { objective: { ...objective, id: 'obj_other' } }],
    too_many_on_objective: [{}, { otherKpis: ['b', 'c', 'd', 'e', 'f'].map((x) => kpi(`kpi_${x}`, 'lagging')) }],
    few_on_objective: [{}, { otherKpis: [kpi('kpi_b', 'lagging')] }],
    count_ok: [{}],
    indicator_missing: [{ indicator: undefined }],
    indicator_mix: [{ indicator: 'lagging' }, { otherKpis: [kpi('kpi_b', 'lagging'), kpi('kpi_c', 'lagging')] }],
    indicator_mix_ok: [{}],
    deadline_missing: [{ deadline: undefined }],
    deadline_invalid: [{ deadline: '2025-13-01' }],
    deadline_past: [{ deadline: '2024-12-31' }],
    today_invalid: [{}, { today: 'demain' }],
    frequency_missing: [{ frequency: undefined }],
    few_checkins: [{ deadline: '2025-03-15' }],
    frequency_finer_than_data: [{ frequency: 'daily' }, monthly([100, 104, 108, 112])],
    deadline_after_objective: [{ deadline: '2026-03-31' }],
    timebound_ok: [{}],
  };

  test.each(FINDING_CODES.map((c) => [c] as const))(
    '%s: reported by its scenario, explained in both languages',
    (code) => {
      const [kpiOverrides, input] = EXAMPLES[code];
      for (const lang of ['fr', 'en'] as const) {
        const f = finding(run(kpiOverrides, input, lang), code);
        expect(f.message).not.toMatch(/undefined|NaN|Infinity|\[object/);
        expect(f.message.trim()).not.toBe('');
        if (f.level !== 'pass') expect(f.fix.trim()).not.toBe('');
      }
    },
  );

  test('the scenarios cover every code, and only codes the engine knows are reported', () => {
    expect(new Set(Object.keys(EXAMPLES))).toEqual(new Set(FINDING_CODES));
    for (const [kpiOverrides, input] of Object.values(EXAMPLES))
      for (const f of run(kpiOverrides, input).findings) expect(isFindingCode(f.code)).toBe(true);
  });

  test('a misspelt code is no finding code, and does not compile where a code is expected', () => {
    expect(isFindingCode('achievable_beyond_best')).toBe(true);
    expect(isFindingCode('achievable_beyond_bset')).toBe(false);
    expect(isFindingCode('toString')).toBe(false);
    // @ts-expect-error: 'achievable_beyond_bset' is not a FindingCode (tsc fails if this line compiles)
    expect(() => finding(run({}), 'achievable_beyond_bset')).toThrow('no finding achievable_beyond_bset');
  });
});

describe('Achievable on real data: paces held over the time left, wording by direction, one frequency advice', () => {
  // A conversion rate over 24 months, seasonal, peaking at 7.9 % in the second May; the first
  // year 0.3 pt lower month by month. Its best single month is +0.9 pt (7.0 % → 7.9 %).
  const YEAR = [0.05, 0.055, 0.06, 0.07, 0.079, 0.072, 0.065, 0.06, 0.058, 0.055, 0.052, 0.05];
  const RATE = [...YEAR.map((v) => v - 0.003), ...YEAR];
  const rate = (over: Partial<Kpi> = {}) =>
    run({ unit: '%', baseline: null, target: 0.12, deadline: '2026-01-15', ...over }, { data: { values: RATE } }, 'en');

  test('a rate whose 24-month peak is 7.9 % is never told to aim at 10 % or more', () => {
    const f = finding(rate(), 'achievable_beyond_best');
    // 12 months left (Jan 2025 → Jan 2026): every 12-month stretch gained 0.3 pt, 0.025 pt a
    // month (median and best alike); the target needs (12 % − 5 %) / 12 = 0.583 pt a month.
    expect(f.params.window).toBe(12);
    expect(f.params.kind).toBe('absolute');
    expect(f.params.best).toBeCloseTo(0.003 / 12, 12);
    expect(f.params.typical).toBeCloseTo(0.003 / 12, 12);
    expect(f.params.required).toBeCloseTo(0.07 / 12, 12);
    // At that pace from today's 5 %: 5 % + 12 × 0.025 pt = 5.3 %; never above the 7.9 % peak.
    expect(f.params.atBest).toBeCloseTo(0.053, 12);
    expect(f.fix).toMatch(/^Aim for at most 5\.3% by the deadline \(the best pace the history held over 12 months\)/);
    // The single best month compounded would have said 5 % + 12 × 0.9 pt = 15.8 %.
    expect(f.params.atBest!).toBeLessThan(0.079);
  });

  test('a shorter time left measures shorter stretches: 3 months left, the best 3 months were Feb → May', () => {
    const f = finding(rate({ deadline: '2025-04-15' }), 'achievable_beyond_best');
    // 3-month stretches; the best is 5.5 % → 7.9 % in the second year: +0.8 pt a month.
    expect(f.params.window).toBe(3);
    expect(f.params.best).toBeCloseTo((0.079 - 0.055) / 3, 12);
    expect(f.params.atBest).toBeCloseTo(0.05 + 0.024, 12);
  });

  test('lower is better: "no lower than", in both languages', () => {
    const en = finding(run(lowerKpi({ target: 10 }), lowerInput(), 'en'), 'achievable_beyond_best');
    const fr = finding(run(lowerKpi({ target: 10 }), lowerInput(), 'fr'), 'achievable_beyond_best');
    expect(en.fix).toMatch(/^Aim no lower than 14\u00a0h /);
    expect(fr.fix).toMatch(/^Ne visez pas plus bas que 14\u00a0h /);
    expect(`${en.fix} ${fr.fix}`).not.toMatch(/at most|au plus/);
  });

  const months = (n: number) => ({
    values: Array.from({ length: n }, (_, i) => 100 + 5 * i),
    dates: Array.from({ length: n }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`),
  });

  test('few check-ins: a finer frequency is offered only when the rows would fill it', () => {
    // Monthly KPI, deadline mid-March: 2 check-ins (February, March).
    const monthlyRows = finding(
      run({ deadline: '2025-03-15' }, { data: { ...months(12), granularity: 'monthly' } }),
      'few_checkins',
    );
    expect(monthlyRows.params.finer).toBeNull();
    expect(monthlyRows.fix).toBe('Move the deadline to get at least 3 check-ins.');
    const dailyRows = finding(
      run({ deadline: '2025-03-15' }, { data: { ...months(12), granularity: 'daily' } }),
      'few_checkins',
    );
    expect(dailyRows.params.finer).toBe('weekly');
    expect(dailyRows.fix).toMatch(/^Switch to weekly tracking/);
  });

  test('the advice taken gives no contradiction: weekly over monthly rows is flagged, weekly over daily rows is not', () => {
    // Weekly periods of monthly rows: one week in four has a value (what periodData sends).
    const weeklyOfMonthly = {
      values: [100, 105, 110, 115],
      dates: ['2024-10-07', '2024-11-04', '2024-12-02', '2025-01-06'],
      granularity: 'monthly' as const,
    };
    const flagged = run({ frequency: 'weekly', deadline: '2025-03-15' }, { data: weeklyOfMonthly });
    expect(codes(flagged)).toContain('frequency_finer_than_data');
    expect(finding(flagged, 'frequency_finer_than_data').params.granularity).toBe('monthly');
    const weeks = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(2024, 9, 14 + 7 * i)).toISOString().slice(0, 10),
    );
    const fine = run(
      { frequency: 'weekly', deadline: '2025-03-15' },
      { data: { values: weeks.map((_, i) => 100 + i), dates: weeks, granularity: 'daily' } },
    );
    expect(codes(fine)).not.toContain('frequency_finer_than_data');
    expect(codes(fine)).not.toContain('few_checkins');
  });
});
