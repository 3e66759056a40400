import { IMPLEMENTATIONS } from './registry';
import type { Arg, Result } from '../core/metrics';

type Text = { en: string; fr: string };

export interface ParamSpec {
  /** The parameter name Sheets shows in autocomplete; also the name error messages use. */
  name: string;
  /** JSDoc type: what Sheets passes (a value, or a range as a 2-D array). */
  type: string;
  optional?: boolean;
  /** A typical argument, e.g. `B2:B13`, shown in autocomplete and in the reference. */
  example: string;
  doc: Text;
}

/** How the result is shaped: one value, or a column (a row for horizontal data) that spills. */
export type ArrayBehaviour = 'value' | 'column with by_period' | 'column when given ranges';

export interface FunctionSpec {
  name: string;
  summary: Text;
  params: ParamSpec[];
  returns: Text;
  array: ArrayBehaviour;
  impl: (...args: Arg[]) => Result;
}

const RANGE = 'number|number[][]';

const byPeriod: ParamSpec = {
  name: 'by_period',
  type: 'boolean',
  optional: true,
  example: 'TRUE',
  doc: {
    en: 'TRUE for one result per row (a column that fills the table); FALSE or omitted for the total.',
    fr: 'VRAI pour un résultat par ligne (une colonne qui remplit le tableau) ; FAUX ou omis pour le total.',
  },
};

/** The single source of truth for the custom functions: JSDoc stubs, README reference and help come from here. */
export const CATALOG: FunctionSpec[] = [
  {
    name: 'CAC',
    summary: {
      en: 'Customer acquisition cost: total spend ÷ total new customers.',
      fr: "Coût d'acquisition client : dépenses totales ÷ nouveaux clients.",
    },
    params: [
      {
        name: 'spend',
        type: RANGE,
        example: 'B2:D13',
        doc: {
          en: 'Marketing and sales spend per period; several columns (cost lines) are summed per row.',
          fr: 'Dépenses marketing et commerciales par période ; plusieurs colonnes (postes) sont additionnées par ligne.',
        },
      },
      {
        name: 'new_customers',
        type: RANGE,
        example: 'E2:E13',
        doc: { en: 'New customers won in each period.', fr: 'Nouveaux clients gagnés à chaque période.' },
      },
      byPeriod,
    ],
    returns: {
      en: 'Spend per new customer, in the currency of `spend`.',
      fr: 'Dépense par nouveau client, dans la devise de `dépenses`.',
    },
    array: 'column with by_period',
    impl: IMPLEMENTATIONS.CAC,
  },
  {
    name: 'LTV',
    summary: {
      en: 'Customer lifetime value: arpa × gross_margin × (1 + d) ÷ (churn_rate + d).',
      fr: 'Valeur vie client : arpa × marge_brute × (1 + d) ÷ (taux_attrition + d).',
    },
    params: [
      {
        name: 'arpa',
        type: RANGE,
        example: 'F2:F13',
        doc: {
          en: 'Average revenue per account per period; a range means its mean.',
          fr: 'Revenu moyen par compte et par période ; une plage donne sa moyenne.',
        },
      },
      {
        name: 'churn_rate',
        type: RANGE,
        example: 'G2:G13',
        doc: {
          en: 'Share of customers lost per period (5% or 0.05); a range means its mean.',
          fr: 'Part des clients perdus par période (5 % ou 0,05) ; une plage donne sa moyenne.',
        },
      },
      {
        name: 'gross_margin',
        type: RANGE,
        optional: true,
        example: '80%',
        doc: { en: 'Gross margin rate, default 100%.', fr: 'Taux de marge brute, 100 % par défaut.' },
      },
      {
        name: 'discount_rate',
        type: RANGE,
        optional: true,
        example: '1%',
        doc: {
          en: 'Discount rate per period, default 0; needed when churn_rate is 0.',
          fr: "Taux d'actualisation par période, 0 par défaut ; nécessaire si taux_attrition vaut 0.",
        },
      },
    ],
    returns: { en: 'Lifetime value in the currency of `arpa`.', fr: 'Valeur vie client dans la devise de `arpa`.' },
    array: 'value',
    impl: IMPLEMENTATIONS.LTV,
  },
  {
    name: 'KPI_TREND',
    summary: {
      en: 'Trend of a series (oldest first): pct, delta, slope, forecast or direction. TREND is a Sheets built-in, hence the name.',
      fr: "Tendance d'une série (plus ancienne d'abord) : pct, delta, slope, forecast ou direction. TREND existe déjà dans Sheets, d'où le nom.",
    },
    params: [
      {
        name: 'values',
        type: RANGE,
        example: 'B2:B25',
        doc: {
          en: 'One row or column of values, oldest first; blanks are skipped.',
          fr: 'Une ligne ou une colonne de valeurs, de la plus ancienne à la plus récente ; les vides sont ignorés.',
        },
      },
      {
        name: 'mode',
        type: 'string',
        optional: true,
        example: '"pct"',
        doc: {
          en: '"pct" (default) change vs the mean of the previous periods, "delta" the same as a difference, "slope" change per period, "forecast" the value periods ahead, "direction" 1, 0 or -1.',
          fr: '"pct" (défaut) variation vs la moyenne des périodes précédentes, "delta" la même en écart, "slope" pente par période, "forecast" la valeur prévue, "direction" 1, 0 ou -1.',
        },
      },
      {
        name: 'periods',
        type: 'number',
        optional: true,
        example: '3',
        doc: {
          en: 'pct/delta/direction: previous values averaged (default 1); slope: last values fitted (default all); forecast: steps ahead (default 1).',
          fr: 'pct/delta/direction : valeurs précédentes moyennées (1 par défaut) ; slope : dernières valeurs ajustées (toutes par défaut) ; forecast : pas en avant (1 par défaut).',
        },
      },
    ],
    returns: {
      en: 'A number: a ratio for "pct" (0.5 = +50 %), in the unit of the values otherwise.',
      fr: 'Un nombre : un ratio pour "pct" (0,5 = +50 %), dans l\'unité des valeurs sinon.',
    },
    array: 'value',
    impl: IMPLEMENTATIONS.KPI_TREND,
  },
  {
    name: 'KPI_PROGRESS',
    summary: {
      en: 'Progress to target: (actual − baseline) ÷ (target − baseline); works for lower-is-better goals.',
      fr: "Progression vers la cible : (actual − baseline) ÷ (target − baseline) ; marche aussi quand moins c'est mieux.",
    },
    params: [
      { name: 'actual', type: RANGE, example: 'B2', doc: { en: 'Current value.', fr: 'Valeur actuelle.' } },
      { name: 'target', type: RANGE, example: 'C2', doc: { en: 'Target value.', fr: 'Valeur cible.' } },
      {
        name: 'baseline',
        type: RANGE,
        optional: true,
        example: 'D2',
        doc: { en: 'Starting value, default 0.', fr: 'Valeur de départ, 0 par défaut.' },
      },
    ],
    returns: {
      en: 'A ratio, not clamped (1 = target reached); a column when given ranges.',
      fr: 'Un ratio, non borné (1 = cible atteinte) ; une colonne si on donne des plages.',
    },
    array: 'column when given ranges',
    impl: IMPLEMENTATIONS.KPI_PROGRESS,
  },
  {
    name: 'LTV_CAC',
    summary: {
      en: 'LTV ÷ CAC ratio (3 is the usual healthy mark).',
      fr: 'Ratio LTV ÷ CAC (3 est le repère habituel).',
    },
    params: [
      { name: 'ltv', type: RANGE, example: 'B2', doc: { en: 'Customer lifetime value.', fr: 'Valeur vie client.' } },
      {
        name: 'cac',
        type: RANGE,
        example: 'C2',
        doc: { en: 'Customer acquisition cost.', fr: "Coût d'acquisition client." },
      },
    ],
    returns: { en: 'The ratio; a column when given ranges.', fr: 'Le ratio ; une colonne si on donne des plages.' },
    array: 'column when given ranges',
    impl: IMPLEMENTATIONS.LTV_CAC,
  },
  {
    name: 'CAC_PAYBACK',
    summary: {
      en: 'Periods needed to earn back the CAC: cac ÷ (arpa × gross_margin).',
      fr: 'Périodes pour rentabiliser le CAC : cac ÷ (arpa × marge_brute).',
    },
    params: [
      {
        name: 'cac',
        type: RANGE,
        example: 'B2',
        doc: { en: 'Customer acquisition cost.', fr: "Coût d'acquisition client." },
      },
      {
        name: 'arpa',
        type: RANGE,
        example: 'C2',
        doc: { en: 'Average revenue per account per period.', fr: 'Revenu moyen par compte et par période.' },
      },
      {
        name: 'gross_margin',
        type: RANGE,
        optional: true,
        example: '80%',
        doc: { en: 'Gross margin rate, default 100%.', fr: 'Taux de marge brute, 100 % par défaut.' },
      },
    ],
    returns: {
      en: 'A number of periods (months if arpa is monthly); a column when given ranges.',
      fr: 'Un nombre de périodes (des mois si arpa est mensuel) ; une colonne si on donne des plages.',
    },
    array: 'column when given ranges',
    impl: IMPLEMENTATIONS.CAC_PAYBACK,
  },
  {
    name: 'CHURN_RATE',
    summary: {
      en: 'Churn rate: customers lost ÷ customers at the start of the period.',
      fr: 'Taux de churn : clients perdus ÷ clients en début de période.',
    },
    params: [
      {
        name: 'lost_customers',
        type: RANGE,
        example: 'B2:B13',
        doc: { en: 'Customers lost per period.', fr: 'Clients perdus par période.' },
      },
      {
        name: 'customers_at_start',
        type: RANGE,
        example: 'C2:C13',
        doc: { en: 'Customers at the start of each period.', fr: 'Clients au début de chaque période.' },
      },
      byPeriod,
    ],
    returns: { en: 'A rate (0.05 = 5 %).', fr: 'Un taux (0,05 = 5 %).' },
    array: 'column with by_period',
    impl: IMPLEMENTATIONS.CHURN_RATE,
  },
  {
    name: 'CONVERSION_RATE',
    summary: {
      en: 'Conversion rate: conversions ÷ visitors; one row per channel or period.',
      fr: 'Taux de conversion : conversions ÷ visiteurs ; une ligne par canal ou par période.',
    },
    params: [
      {
        name: 'conversions',
        type: RANGE,
        example: 'C2:C6',
        doc: { en: 'Conversions per row.', fr: 'Conversions par ligne.' },
      },
      { name: 'visitors', type: RANGE, example: 'B2:B6', doc: { en: 'Visitors per row.', fr: 'Visiteurs par ligne.' } },
      byPeriod,
    ],
    returns: { en: 'A rate (0.02 = 2 %).', fr: 'Un taux (0,02 = 2 %).' },
    array: 'column with by_period',
    impl: IMPLEMENTATIONS.CONVERSION_RATE,
  },
  {
    name: 'NPS',
    summary: {
      en: 'Net Promoter Score from raw 0–10 answers: % promoters (9–10) − % detractors (0–6).',
      fr: 'Net Promoter Score à partir des réponses brutes 0–10 : % promoteurs (9–10) − % détracteurs (0–6).',
    },
    params: [
      {
        name: 'scores',
        type: RANGE,
        example: 'A2:A200',
        doc: {
          en: 'Answers, whole numbers 0 to 10; blanks skipped.',
          fr: 'Réponses, entiers de 0 à 10 ; vides ignorés.',
        },
      },
    ],
    returns: { en: 'A score from −100 to 100.', fr: 'Un score de −100 à 100.' },
    array: 'value',
    impl: IMPLEMENTATIONS.NPS,
  },
];

export const CATALOG_BY_NAME: Readonly<Record<string, FunctionSpec>> = Object.fromEntries(
  CATALOG.map((f) => [f.name, f]),
);
