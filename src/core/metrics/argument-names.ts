/**
 * The custom functions' argument names in French, for French messages and the French help
 * (`CAC : dépenses, ligne 5 : …`). Sheets' autocomplete shows the declared JavaScript names
 * (`spend`), which are the same in every language: the help gives both.
 */
/** Names the same in both languages (arpa, mode, ltv, cac, conversions) are left out. */
export const ARGUMENT_NAMES_FR: Readonly<Record<string, string>> = {
  spend: 'dépenses',
  new_customers: 'nouveaux_clients',
  by_period: 'par_période',
  churn_rate: 'taux_attrition',
  gross_margin: 'marge_brute',
  discount_rate: 'taux_actualisation',
  values: 'valeurs',
  periods: 'périodes',
  actual: 'réel',
  target: 'cible',
  baseline: 'référence',
  lost_customers: 'clients_perdus',
  customers_at_start: 'clients_au_début',
  visitors: 'visiteurs',
  scores: 'notes',
};

/** An argument's name as a reader of `lang` sees it. */
export const argumentName = (name: string, lang: 'fr' | 'en'): string =>
  lang === 'fr' ? (ARGUMENT_NAMES_FR[name] ?? name) : name;
