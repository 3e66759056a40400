import { group } from '../arrays';
import type { Lang } from '../i18n/lang';
import { localize } from '../i18n/text';
import type { FormulaSyntax } from '../formula/syntax';
import type { AudienceLevel, Direction, Frequency, Indicator, Kpi, Unit } from './model';

/*
 * KPI templates, from the domain articles' examples by department (marketing, sales, HR,
 * customer, finance) plus the operational and IT examples they give. A template's formula is a
 * pattern over Boussole's custom functions with `{placeholders}` for the ranges the wizard asks
 * for; `fillFormula` turns it into a formula. Templates without a catalog function that fits
 * have no formula: their value is read from the source.
 */

export const DEPARTMENTS = ['marketing', 'sales', 'hr', 'customer', 'finance', 'operations', 'it'] as const;
export type Department = (typeof DEPARTMENTS)[number];

type Text = { fr: string; en: string };

export interface TemplateInput {
  /** The placeholder's name in the formula pattern, `{spend}`. */
  name: string;
  label: Text;
}

export interface KpiTemplate {
  id: string;
  department: Department;
  name: Text;
  definition: Text;
  unit: Unit;
  unitLabel?: Text;
  direction: Direction;
  indicator: Indicator;
  frequency: Frequency;
  level: AudienceLevel;
  /** A formula pattern such as `=CAC({spend}, {new_customers})`. */
  formula?: string;
  /** One per placeholder of `formula`, in order of appearance. */
  inputs?: TemplateInput[];
  /** A usual reference value, in the KPI's unit, when one is widely quoted. */
  benchmark?: number;
}

/** A template in one language, as the wizard lists it. */
export interface LocalizedTemplate {
  id: string;
  department: Department;
  departmentLabel: string;
  name: string;
  definition: string;
  unit: Unit;
  unitLabel?: string;
  direction: Direction;
  indicator: Indicator;
  frequency: Frequency;
  level: AudienceLevel;
  formula?: string;
  inputs?: { name: string; label: string }[];
  benchmark?: number;
}

export const DEPARTMENT_LABELS: Record<Department, Text> = {
  marketing: { fr: 'Marketing', en: 'Marketing' },
  sales: { fr: 'Commercial', en: 'Sales' },
  hr: { fr: 'Ressources humaines', en: 'Human resources' },
  customer: { fr: 'Service client', en: 'Customer service' },
  finance: { fr: 'Finance', en: 'Finance' },
  operations: { fr: 'Opérations et logistique', en: 'Operations and logistics' },
  it: { fr: 'Informatique', en: 'IT' },
};

const input = (name: string, fr: string, en: string): TemplateInput => ({ name, label: { fr, en } });

const SPEND = input('spend', 'Dépenses marketing et commerciales par période', 'Marketing and sales spend per period');
const NEW_CUSTOMERS = input('new_customers', 'Nouveaux clients par période', 'New customers per period');
const ARPA = input('arpa', 'Revenu moyen par compte et par période', 'Average revenue per account per period');
const GROSS_MARGIN = input('gross_margin', 'Taux de marge brute', 'Gross margin rate');
const LOST = input('lost_customers', 'Clients perdus par période', 'Customers lost per period');
const AT_START = input('customers_at_start', 'Clients en début de période', 'Customers at the start of each period');

/** Unit, direction, indicator, frequency and level in one string, in that order: `'€ lower lagging monthly strategic'`. */
type Kind = `${Unit} ${Direction} ${Indicator} ${Frequency} ${AudienceLevel}`;

type Entry = Omit<KpiTemplate, 'department' | 'unit' | 'direction' | 'indicator' | 'frequency' | 'level'> & {
  kind: Kind;
};

/**
 * A department's templates. The sidebar carries all of them within its 150 KB (#13), so each is
 * written compactly: its department once per group, its five enumerated fields as one checked
 * string (the compiler rejects a misspelt word or a wrong order).
 */
const inDepartment = (department: Department, list: Entry[]): KpiTemplate[] =>
  list.map(({ kind, ...t }) => {
    const [unit, direction, indicator, frequency, level] = kind.split(' ') as [
      Unit,
      Direction,
      Indicator,
      Frequency,
      AudienceLevel,
    ];
    return { ...t, department, unit, direction, indicator, frequency, level };
  });

export const TEMPLATES: readonly KpiTemplate[] = [
  // --- Marketing ---------------------------------------------------------------------------
  ...inDepartment('marketing', [
    {
      id: 'marketing_cac',
      name: { fr: "Coût d'acquisition client (CAC)", en: 'Customer acquisition cost (CAC)' },
      definition: {
        fr: 'Total des dépenses marketing et commerciales (salaires, publicité, outils) divisé par le nombre de nouveaux clients gagnés sur la période.',
        en: 'Total marketing and sales spend (salaries, advertising, tools) divided by the number of new customers won in the period.',
      },
      kind: '€ lower lagging monthly strategic',
      formula: '=CAC({spend}, {new_customers})',
      inputs: [SPEND, NEW_CUSTOMERS],
    },
    {
      id: 'marketing_conversion_by_channel',
      name: { fr: 'Taux de conversion par canal', en: 'Conversion rate by channel' },
      definition: {
        fr: "Part des visiteurs de chaque canal (recherche, réseaux sociaux, emailing, publicité) qui réalisent l'action clé (achat, inscription) ; une ligne par canal.",
        en: 'Share of the visitors from each channel (search, social, email, paid ads) who complete the key action (purchase, sign-up); one row per channel.',
      },
      kind: '% higher leading monthly tactical',
      formula: '=CONVERSION_RATE({conversions}, {visitors}, TRUE)',
      inputs: [
        input('conversions', 'Conversions par canal', 'Conversions per channel'),
        input('visitors', 'Visiteurs par canal', 'Visitors per channel'),
      ],
    },
    {
      id: 'marketing_ltv',
      name: { fr: 'Valeur vie client (LTV)', en: 'Customer lifetime value (LTV)' },
      definition: {
        fr: "Marge totale attendue d'un client sur toute sa relation avec l'entreprise : revenu moyen par compte × taux de marge ÷ taux de churn.",
        en: 'Total margin expected from a customer over the whole relationship: average revenue per account × margin rate ÷ churn rate.',
      },
      kind: '€ higher lagging quarterly strategic',
      formula: '=LTV({arpa}, {churn_rate}, {gross_margin})',
      inputs: [ARPA, input('churn_rate', 'Taux de churn par période', 'Churn rate per period'), GROSS_MARGIN],
    },
    {
      id: 'marketing_ltv_cac',
      name: { fr: 'Ratio LTV / CAC', en: 'LTV to CAC ratio' },
      definition: {
        fr: "Valeur vie client divisée par le coût d'acquisition client : combien chaque euro dépensé pour acquérir un client rapporte sur la durée (3 est le repère habituel).",
        en: 'Customer lifetime value divided by customer acquisition cost: what each euro spent to win a customer returns over time (3 is the usual mark).',
      },
      kind: 'ratio higher lagging quarterly strategic',
      formula: '=LTV_CAC({ltv}, {cac})',
      inputs: [
        input('ltv', 'Valeur vie client', 'Customer lifetime value'),
        input('cac', "Coût d'acquisition client", 'Customer acquisition cost'),
      ],
      benchmark: 3,
    },
    {
      id: 'marketing_cac_payback',
      name: { fr: 'Délai de retour du CAC', en: 'CAC payback period' },
      definition: {
        fr: "Nombre de mois de marge nécessaires pour rembourser le coût d'acquisition d'un client : CAC ÷ (revenu mensuel moyen par compte × taux de marge).",
        en: 'Months of margin needed to earn back the cost of acquiring a customer: CAC ÷ (monthly average revenue per account × margin rate).',
      },
      kind: 'other lower lagging quarterly tactical',
      unitLabel: { fr: 'mois', en: 'months' },
      formula: '=CAC_PAYBACK({cac}, {arpa}, {gross_margin})',
      inputs: [input('cac', "Coût d'acquisition client", 'Customer acquisition cost'), ARPA, GROSS_MARGIN],
    },
    {
      id: 'marketing_qualified_leads',
      name: { fr: 'Leads qualifiés par mois', en: 'Qualified leads per month' },
      definition: {
        fr: 'Nombre de formulaires de contact soumis dans le mois avec un score de qualification supérieur à 70.',
        en: 'Number of contact forms submitted in the month with a qualification score above 70.',
      },
      kind: 'count higher leading monthly tactical',
    },
    {
      id: 'marketing_organic_traffic',
      name: { fr: 'Trafic organique mensuel', en: 'Monthly organic traffic' },
      definition: {
        fr: 'Nombre de visites du site arrivées par les moteurs de recherche (hors publicité) dans le mois.',
        en: 'Number of website visits arriving from search engines (excluding ads) in the month.',
      },
      kind: 'other higher leading monthly operational',
      unitLabel: { fr: 'visites', en: 'visits' },
    },
    {
      id: 'marketing_click_through_rate',
      name: { fr: 'Taux de clics', en: 'Click-through rate' },
      definition: {
        fr: 'Clics sur les annonces et e-mails divisés par leurs impressions (ou envois) sur la semaine.',
        en: 'Clicks on ads and e-mails divided by their impressions (or sends) over the week.',
      },
      kind: '% higher leading weekly operational',
      formula: '=CONVERSION_RATE({clicks}, {impressions})',
      inputs: [
        input('clicks', 'Clics par période', 'Clicks per period'),
        input('impressions', 'Impressions par période', 'Impressions per period'),
      ],
    },
    {
      id: 'marketing_bounce_rate',
      name: { fr: 'Taux de rebond', en: 'Bounce rate' },
      definition: {
        fr: 'Part des visites qui quittent le site après une seule page, sans interaction, sur la semaine.',
        en: 'Share of visits that leave the site after a single page without interacting, over the week.',
      },
      kind: '% lower leading weekly operational',
    },
    {
      id: 'marketing_trial_signup_rate',
      name: { fr: "Taux d'inscription à l'essai gratuit", en: 'Free-trial sign-up rate' },
      definition: {
        fr: "Inscriptions à l'essai gratuit divisées par les visiteurs de la page de l'offre sur la semaine.",
        en: 'Free-trial sign-ups divided by visitors to the offer page over the week.',
      },
      kind: '% higher leading weekly operational',
      formula: '=CONVERSION_RATE({trial_signups}, {visitors})',
      inputs: [
        input('trial_signups', "Inscriptions à l'essai par période", 'Trial sign-ups per period'),
        input('visitors', "Visiteurs de la page de l'offre par période", 'Offer-page visitors per period'),
      ],
    },
    {
      id: 'marketing_trial_to_paid',
      name: { fr: 'Conversion des essais en abonnements', en: 'Trial-to-paid conversion rate' },
      definition: {
        fr: 'Essais gratuits devenus abonnements payants divisés par les essais terminés dans le mois.',
        en: 'Free trials that became paid subscriptions divided by the trials that ended in the month.',
      },
      kind: '% higher leading monthly tactical',
      formula: '=CONVERSION_RATE({paid_subscriptions}, {ended_trials})',
      inputs: [
        input(
          'paid_subscriptions',
          'Essais convertis en abonnements par période',
          'Trials converted to paid per period',
        ),
        input('ended_trials', 'Essais terminés par période', 'Trials ended per period'),
      ],
    },
    {
      id: 'marketing_event_attendance',
      name: { fr: 'Taux de participation aux événements', en: 'Event attendance rate' },
      definition: {
        fr: 'Participants présents divisés par les inscrits, pour les événements organisés dans le mois.',
        en: 'Attendees present divided by registrants, for the events held in the month.',
      },
      kind: '% higher leading monthly operational',
      formula: '=CONVERSION_RATE({attendees}, {registrants})',
      inputs: [
        input('attendees', 'Participants par événement', 'Attendees per event'),
        input('registrants', 'Inscrits par événement', 'Registrants per event'),
      ],
    },
    {
      id: 'marketing_social_engagement',
      name: { fr: "Taux d'engagement sur les réseaux sociaux", en: 'Social media engagement rate' },
      definition: {
        fr: "Interactions (commentaires, partages, clics) divisées par la portée des publications de la semaine ; les « j'aime » seuls ne suffisent pas.",
        en: "Interactions (comments, shares, clicks) divided by the reach of the week's posts; likes alone are not enough.",
      },
      kind: '% higher leading weekly operational',
      formula: '=CONVERSION_RATE({interactions}, {reach})',
      inputs: [
        input('interactions', 'Interactions par publication', 'Interactions per post'),
        input('reach', 'Portée par publication', 'Reach per post'),
      ],
    },
  ]),
  // --- Sales -------------------------------------------------------------------------------
  ...inDepartment('sales', [
    {
      id: 'sales_cycle_length',
      name: { fr: 'Durée moyenne du cycle de vente', en: 'Average sales cycle length' },
      definition: {
        fr: 'Nombre moyen de jours entre le premier contact et la signature, pour les ventes conclues dans le mois.',
        en: 'Average number of days from first contact to signature, for the deals closed in the month.',
      },
      kind: 'days lower lagging monthly tactical',
    },
    {
      id: 'sales_closing_rate',
      name: { fr: 'Taux de conclusion (closing rate)', en: 'Closing rate' },
      definition: {
        fr: 'Opportunités gagnées divisées par les opportunités qualifiées clôturées (gagnées ou perdues) dans le mois.',
        en: 'Opportunities won divided by the qualified opportunities closed (won or lost) in the month.',
      },
      kind: '% higher leading monthly tactical',
      formula: '=CONVERSION_RATE({deals_won}, {qualified_opportunities})',
      inputs: [
        input(
          'deals_won',
          'Opportunités gagnées par période ou par commercial',
          'Opportunities won per period or per rep',
        ),
        input('qualified_opportunities', 'Opportunités qualifiées clôturées', 'Qualified opportunities closed'),
      ],
    },
    {
      id: 'sales_average_basket',
      name: { fr: 'Panier moyen', en: 'Average basket' },
      definition: {
        fr: "Chiffre d'affaires hors taxes divisé par le nombre de transactions du mois.",
        en: 'Revenue excluding tax divided by the number of transactions in the month.',
      },
      kind: '€ higher lagging monthly tactical',
    },
    {
      id: 'sales_calls_per_rep',
      name: { fr: 'Appels par commercial', en: 'Calls per sales rep' },
      definition: {
        fr: "Nombre d'appels de prospection aboutis passés par chaque commercial dans la semaine.",
        en: 'Number of connected prospecting calls made by each sales rep in the week.',
      },
      kind: 'count higher leading weekly operational',
    },
    {
      id: 'sales_orders',
      name: { fr: 'Nombre de commandes', en: 'Number of orders' },
      definition: {
        fr: 'Nombre de commandes validées (hors annulations) dans le mois.',
        en: 'Number of confirmed orders (excluding cancellations) in the month.',
      },
      kind: 'count higher lagging monthly tactical',
    },
    {
      id: 'sales_target_attainment',
      name: { fr: "Atteinte de l'objectif de ventes", en: 'Sales target attainment' },
      definition: {
        fr: "Ventes réalisées rapportées à l'objectif de ventes de la période (1 = objectif atteint).",
        en: "Sales achieved relative to the period's sales target (1 = target reached).",
      },
      kind: '% higher lagging monthly tactical',
      formula: '=KPI_PROGRESS({actual_sales}, {sales_target})',
      inputs: [
        input('actual_sales', 'Ventes réalisées', 'Sales achieved'),
        input('sales_target', 'Objectif de ventes', 'Sales target'),
      ],
    },
  ]),
  // --- Human resources ---------------------------------------------------------------------
  ...inDepartment('hr', [
    {
      id: 'hr_talent_retention',
      name: { fr: 'Taux de rétention des talents', en: 'Talent retention rate' },
      definition: {
        fr: "Part des salariés présents en début de trimestre qui sont toujours dans l'entreprise à la fin : 1 − départs ÷ effectif de début.",
        en: 'Share of the employees present at the start of the quarter still with the company at its end: 1 − leavers ÷ starting headcount.',
      },
      kind: '% higher lagging quarterly strategic',
      formula: '=1-CHURN_RATE({leavers}, {headcount_at_start})',
      inputs: [
        input('leavers', 'Départs par période', 'Leavers per period'),
        input('headcount_at_start', 'Effectif en début de période', 'Headcount at the start of each period'),
      ],
    },
    {
      id: 'hr_turnover',
      name: { fr: 'Taux de turnover', en: 'Employee turnover rate' },
      definition: {
        fr: "Départs de salariés (démissions, fins de contrat, licenciements) divisés par l'effectif en début de trimestre.",
        en: 'Employee departures (resignations, contract ends, dismissals) divided by the headcount at the start of the quarter.',
      },
      kind: '% lower lagging quarterly tactical',
      formula: '=CHURN_RATE({leavers}, {headcount_at_start})',
      inputs: [
        input('leavers', 'Départs par période', 'Leavers per period'),
        input('headcount_at_start', 'Effectif en début de période', 'Headcount at the start of each period'),
      ],
    },
    {
      id: 'hr_cost_per_hire',
      name: { fr: 'Coût par recrutement', en: 'Cost per hire' },
      definition: {
        fr: "Coûts de recrutement du trimestre (annonces, honoraires d'agences, temps des équipes) divisés par le nombre d'embauches.",
        en: 'Hiring costs of the quarter (job ads, agency fees, team time) divided by the number of hires.',
      },
      kind: '€ lower lagging quarterly tactical',
    },
    {
      id: 'hr_engagement',
      name: { fr: "Taux d'engagement des employés", en: 'Employee engagement rate' },
      definition: {
        fr: "Part des salariés répondant « engagé » à l'enquête trimestrielle (implication, motivation, adhésion à la mission).",
        en: 'Share of employees answering "engaged" in the quarterly survey (involvement, motivation, commitment to the mission).',
      },
      kind: '% higher leading quarterly tactical',
    },
    {
      id: 'hr_enps',
      name: { fr: 'eNPS (recommandation par les salariés)', en: 'Employee NPS (eNPS)' },
      definition: {
        fr: "Net Promoter Score des salariés : % de notes 9–10 moins % de notes 0–6 à la question « Recommanderiez-vous l'entreprise comme employeur ? ».",
        en: 'Employee Net Promoter Score: % of 9–10 answers minus % of 0–6 answers to "Would you recommend the company as an employer?".',
      },
      kind: 'score higher leading quarterly tactical',
      formula: '=NPS({answers})',
      inputs: [input('answers', 'Réponses de 0 à 10', 'Answers from 0 to 10')],
    },
  ]),
  // --- Customer ----------------------------------------------------------------------------
  ...inDepartment('customer', [
    {
      id: 'customer_nps',
      name: { fr: 'Net Promoter Score (NPS)', en: 'Net Promoter Score (NPS)' },
      definition: {
        fr: '% de clients promoteurs (notes 9–10) moins % de détracteurs (0–6) à la question « Recommanderiez-vous notre entreprise ? », de −100 à 100.',
        en: '% of promoters (9–10) minus % of detractors (0–6) among customers asked "Would you recommend us?", from −100 to 100.',
      },
      kind: 'score higher leading monthly strategic',
      formula: '=NPS({scores})',
      inputs: [input('scores', 'Réponses de 0 à 10', 'Answers from 0 to 10')],
    },
    {
      id: 'customer_response_time',
      name: { fr: 'Temps de première réponse', en: 'First response time' },
      definition: {
        fr: "Délai moyen, en heures ouvrées, entre la réception d'une demande client et la première réponse d'un conseiller, sur la semaine.",
        en: "Average delay, in business hours, between receiving a customer request and an agent's first reply, over the week.",
      },
      kind: 'hours lower leading weekly operational',
    },
    {
      id: 'customer_handling_time',
      name: { fr: 'Temps moyen de traitement', en: 'Average handling time' },
      definition: {
        fr: "Délai moyen, en heures ouvrées, entre l'ouverture et la clôture des demandes clients fermées dans la semaine.",
        en: 'Average delay, in business hours, from opening to closing of the customer requests closed in the week.',
      },
      kind: 'hours lower lagging weekly operational',
    },
    {
      id: 'customer_sla',
      name: { fr: 'Demandes traitées dans les délais (SLA)', en: 'Requests handled within SLA' },
      definition: {
        fr: 'Demandes clôturées dans le délai contractuel divisées par les demandes clôturées dans la semaine.',
        en: 'Requests closed within the agreed service level divided by all requests closed in the week.',
      },
      kind: '% higher leading weekly operational',
      formula: '=CONVERSION_RATE({within_sla}, {requests})',
      inputs: [
        input('within_sla', 'Demandes clôturées dans le délai', 'Requests closed within SLA'),
        input('requests', 'Demandes clôturées', 'Requests closed'),
      ],
    },
    {
      id: 'customer_complaints',
      name: { fr: 'Réclamations par gamme de produits', en: 'Complaints by product line' },
      definition: {
        fr: 'Nombre de réclamations reçues dans la semaine, une ligne par gamme de produits.',
        en: 'Number of complaints received in the week, one row per product line.',
      },
      kind: 'count lower leading weekly operational',
    },
    {
      id: 'customer_retention',
      name: { fr: 'Taux de fidélisation client', en: 'Customer retention rate' },
      definition: {
        fr: 'Part des clients présents en début de mois toujours clients à la fin : 1 − clients perdus ÷ clients en début de période.',
        en: 'Share of the customers present at the start of the month still customers at its end: 1 − customers lost ÷ customers at start.',
      },
      kind: '% higher lagging monthly strategic',
      formula: '=1-CHURN_RATE({lost_customers}, {customers_at_start})',
      inputs: [LOST, AT_START],
    },
    {
      id: 'customer_churn',
      name: { fr: "Taux d'attrition (churn)", en: 'Churn rate' },
      definition: {
        fr: 'Clients perdus dans le mois divisés par le nombre de clients en début de mois.',
        en: 'Customers lost in the month divided by the number of customers at the start of the month.',
      },
      kind: '% lower lagging monthly tactical',
      formula: '=CHURN_RATE({lost_customers}, {customers_at_start})',
      inputs: [LOST, AT_START],
    },
    {
      id: 'customer_satisfaction',
      name: { fr: 'Taux de satisfaction client', en: 'Customer satisfaction rate' },
      definition: {
        fr: 'Part des clients interrogés dans le mois qui se déclarent satisfaits ou très satisfaits (4 ou 5 sur 5).',
        en: 'Share of the customers surveyed in the month who say they are satisfied or very satisfied (4 or 5 out of 5).',
      },
      kind: '% higher lagging monthly tactical',
    },
  ]),
  // --- Finance -----------------------------------------------------------------------------
  ...inDepartment('finance', [
    {
      id: 'finance_revenue',
      name: { fr: "Chiffre d'affaires mensuel", en: 'Monthly revenue' },
      definition: {
        fr: 'Total des ventes facturées hors taxes dans le mois.',
        en: 'Total sales invoiced, excluding tax, in the month.',
      },
      kind: '€ higher lagging monthly strategic',
    },
    {
      id: 'finance_revenue_growth',
      name: { fr: "Croissance du chiffre d'affaires", en: 'Revenue growth' },
      definition: {
        fr: "Variation du chiffre d'affaires du dernier mois par rapport au mois précédent, en pourcentage.",
        en: "Change in the last month's revenue compared with the previous month, as a percentage.",
      },
      kind: '% higher lagging monthly strategic',
      formula: '=KPI_TREND({revenue}, "pct")',
      inputs: [
        input(
          'revenue',
          "Chiffre d'affaires par mois, du plus ancien au plus récent",
          'Revenue per month, oldest first',
        ),
      ],
    },
    {
      id: 'finance_mrr',
      name: { fr: 'Revenu mensuel récurrent (MRR)', en: 'Monthly recurring revenue (MRR)' },
      definition: {
        fr: 'Somme des abonnements actifs en fin de mois, ramenés à un mois, hors frais ponctuels.',
        en: 'Sum of the subscriptions active at the end of the month, expressed per month, excluding one-off fees.',
      },
      kind: '€ higher lagging monthly strategic',
    },
    {
      id: 'finance_gross_margin',
      name: { fr: 'Taux de marge brute', en: 'Gross margin rate' },
      definition: {
        fr: "(Chiffre d'affaires − coût des ventes) divisé par le chiffre d'affaires du mois.",
        en: '(Revenue − cost of sales) divided by the revenue of the month.',
      },
      kind: '% higher lagging monthly strategic',
    },
    {
      id: 'finance_net_profit',
      name: { fr: 'Bénéfice net', en: 'Net profit' },
      definition: {
        fr: 'Résultat après toutes les charges, intérêts et impôts, sur le trimestre.',
        en: 'Earnings after all expenses, interest and taxes, over the quarter.',
      },
      kind: '€ higher lagging quarterly strategic',
    },
    {
      id: 'finance_net_margin',
      name: { fr: 'Marge bénéficiaire nette', en: 'Net profit margin' },
      definition: {
        fr: "Bénéfice net divisé par le chiffre d'affaires du trimestre.",
        en: 'Net profit divided by the revenue of the quarter.',
      },
      kind: '% higher lagging quarterly strategic',
    },
    {
      id: 'finance_roi',
      name: { fr: 'Retour sur investissement (ROI)', en: 'Return on investment (ROI)' },
      definition: {
        fr: "(Gain généré par l'investissement − coût de l'investissement) divisé par le coût de l'investissement, sur le trimestre.",
        en: '(Gain from the investment − cost of the investment) divided by the cost of the investment, over the quarter.',
      },
      kind: '% higher lagging quarterly strategic',
    },
    {
      id: 'finance_market_share',
      name: { fr: 'Part de marché', en: 'Market share' },
      definition: {
        fr: "Chiffre d'affaires de l'entreprise divisé par le chiffre d'affaires total de son marché, sur le trimestre.",
        en: "The company's revenue divided by the total revenue of its market, over the quarter.",
      },
      kind: '% higher lagging quarterly strategic',
    },
  ]),
  // --- Operations and logistics ------------------------------------------------------------
  ...inDepartment('operations', [
    {
      id: 'operations_cycle_time',
      name: { fr: 'Temps de cycle de production', en: 'Production cycle time' },
      definition: {
        fr: "Durée moyenne, en heures, entre le lancement d'un ordre de fabrication et la sortie du produit fini, sur la semaine.",
        en: 'Average time, in hours, from the release of a production order to the finished product, over the week.',
      },
      kind: 'hours lower leading weekly operational',
    },
    {
      id: 'operations_productivity',
      name: { fr: 'Productivité horaire', en: 'Hourly productivity' },
      definition: {
        fr: 'Unités produites conformes divisées par les heures travaillées de la semaine.',
        en: 'Good units produced divided by the hours worked in the week.',
      },
      kind: 'other higher lagging weekly tactical',
      unitLabel: { fr: 'unités/h', en: 'units/h' },
    },
    {
      id: 'operations_stock_cover',
      name: { fr: 'Couverture de stock', en: 'Stock cover' },
      definition: {
        fr: 'Stock en fin de semaine divisé par les sorties moyennes par jour : nombre de jours de ventes que le stock peut servir.',
        en: 'Stock at the end of the week divided by average daily usage: the number of days of sales the stock can serve.',
      },
      kind: 'days lower leading weekly tactical',
    },
    {
      id: 'operations_error_rate',
      name: { fr: "Taux d'erreur de préparation", en: 'Order error rate' },
      definition: {
        fr: 'Commandes expédiées avec une erreur (article, quantité, adresse) divisées par les commandes expédiées dans la semaine.',
        en: 'Orders shipped with an error (item, quantity, address) divided by the orders shipped in the week.',
      },
      kind: '% lower leading weekly operational',
    },
    {
      id: 'operations_order_processing_time',
      name: { fr: 'Temps de traitement des commandes', en: 'Order processing time' },
      definition: {
        fr: "Délai moyen, en heures, entre la réception d'une commande et sa remise au transporteur, sur la journée.",
        en: 'Average time, in hours, from receiving an order to handing it to the carrier, over the day.',
      },
      kind: 'hours lower leading daily operational',
    },
    {
      id: 'operations_delivery_time',
      name: { fr: 'Délai de livraison', en: 'Delivery time' },
      definition: {
        fr: 'Nombre moyen de jours entre la commande et la livraison chez le client, pour les commandes livrées dans la semaine.',
        en: 'Average number of days from order to delivery at the customer, for the orders delivered in the week.',
      },
      kind: 'days lower lagging weekly tactical',
    },
  ]),
  // --- IT ----------------------------------------------------------------------------------
  ...inDepartment('it', [
    {
      id: 'it_ticket_resolution_time',
      name: { fr: 'Temps de résolution des tickets', en: 'Ticket resolution time' },
      definition: {
        fr: "Délai moyen, en heures ouvrées, entre l'ouverture et la résolution des tickets d'incident résolus dans la semaine.",
        en: 'Average delay, in business hours, from opening to resolution of the incident tickets resolved in the week.',
      },
      kind: 'hours lower lagging weekly operational',
    },
  ]),
];

const BY_ID: ReadonlyMap<string, KpiTemplate> = new Map(TEMPLATES.map((t) => [t.id, t]));

export function getTemplate(id: string): KpiTemplate | undefined {
  return BY_ID.get(id);
}

function templateIn(t: KpiTemplate, lang: Lang): LocalizedTemplate {
  const out: LocalizedTemplate = {
    id: t.id,
    department: t.department,
    departmentLabel: localize(DEPARTMENT_LABELS[t.department], lang),
    name: localize(t.name, lang),
    definition: localize(t.definition, lang),
    unit: t.unit,
    direction: t.direction,
    indicator: t.indicator,
    frequency: t.frequency,
    level: t.level,
  };
  if (t.unitLabel) out.unitLabel = localize(t.unitLabel, lang);
  if (t.formula) out.formula = t.formula;
  if (t.inputs) out.inputs = t.inputs.map((i) => ({ name: i.name, label: localize(i.label, lang) }));
  if (t.benchmark !== undefined) out.benchmark = t.benchmark;
  return out;
}

/** Every template in one language, grouped by department in the order of DEPARTMENTS. */
export function listTemplates(lang: Lang): LocalizedTemplate[] {
  return DEPARTMENTS.flatMap((d) => TEMPLATES.filter((t) => t.department === d).map((t) => templateIn(t, lang)));
}

/**
 * A KPI draft from a template: name, definition, unit, direction, indicator, frequency, level,
 * benchmark, and the formula pattern (placeholders still to fill with `fillFormula`).
 * Null for an unknown template id.
 */
export function kpiFromTemplate(templateId: string, lang: Lang): Partial<Kpi> | null {
  const t = BY_ID.get(templateId);
  if (!t) return null;
  const draft: Partial<Kpi> = {
    name: localize(t.name, lang),
    definition: localize(t.definition, lang),
    unit: t.unit,
    direction: t.direction,
    indicator: t.indicator,
    frequency: t.frequency,
    level: t.level,
    templateId: t.id,
  };
  if (t.unitLabel) draft.unitLabel = localize(t.unitLabel, lang);
  if (t.formula) draft.formula = t.formula;
  if (t.benchmark !== undefined) draft.benchmark = t.benchmark;
  return draft;
}

/** The `{placeholders}` of a formula pattern, in order, without repeats. */
export function formulaPlaceholders(pattern: string): string[] {
  const seen: string[] = [];
  for (const m of pattern.matchAll(/\{([a-z_][a-z0-9_]*)\}/g)) {
    const name = group(m, 1);
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/**
 * A template's formula as the spreadsheet's reader writes it (#9: "the sidebar shows a template's
 * formula in the sheet's syntax"): `=CAC({spend}; {new_customers})` in a French sheet. Templates
 * hold no decimal literal and no inline array, so only the argument separator differs between
 * syntaxes: a comma outside a text literal or a quoted sheet name becomes the sheet's. A light scan rather than the
 * formula parser, which would add 7 KB to the sidebar; the tests check it against the parser's
 * respelling for every template.
 */
export function formulaInSyntax(pattern: string, syntax: FormulaSyntax): string {
  let out = '';
  let quote: string | null = null;
  for (const ch of pattern) {
    // Inside "text" or a 'sheet name' a comma is a comma (a doubled quote closes and reopens).
    if (ch === '"' || ch === "'") quote = quote === ch ? null : (quote ?? ch);
    out += quote === null && ch === ',' ? syntax.argumentSeparator : ch;
  }
  return out;
}

/**
 * Fills a formula pattern with A1 ranges: `fillFormula('=CAC({spend}, {new_customers})',
 * { spend: "'Ventes'!B2:B13", new_customers: "'Ventes'!C2:C13" })`. Returns the missing
 * placeholder names instead when some range is not given.
 */
export function fillFormula(
  pattern: string,
  ranges: Readonly<Record<string, string>>,
): { ok: true; formula: string } | { ok: false; missing: string[] } {
  const filled = new Map<string, string>();
  const missing: string[] = [];
  for (const p of formulaPlaceholders(pattern)) {
    const range = ranges[p];
    if (typeof range === 'string' && range.trim() !== '') filled.set(p, range.trim());
    else missing.push(p);
  }
  if (missing.length) return { ok: false, missing };
  // Every placeholder of the pattern is in `filled` (formulaPlaceholders found them with the same pattern).
  return {
    ok: true,
    formula: pattern.replace(/\{([a-z_][a-z0-9_]*)\}/g, (whole, p: string) => filled.get(p) ?? whole),
  };
}

/**
 * The ranges a formula was filled with, read back against its pattern: editing a KPI made from
 * `=CAC({spend}, {new_customers})` shows `=CAC(Ventes!D2:D25, Ventes!C2:C25)`'s two ranges in
 * their fields again. Null when the formula is not that pattern filled (typed by hand, another
 * template). Separators may be "," or ";" and spaced either way.
 */
export function formulaInputsOf(pattern: string, formula: string): Record<string, string> | null {
  const names: string[] = [];
  let source = '';
  for (const part of pattern.trim().split(/(\{[a-z_][a-z0-9_]*\}|\s*[,;]\s*)/)) {
    const placeholder = /^\{([a-z_][a-z0-9_]*)\}$/.exec(part);
    if (placeholder) {
      names.push(placeholder[1] as string);
      source += "((?:'(?:[^']|'')*'|[^,;'])+?)";
    } else if (/^\s*[,;]\s*$/.test(part)) source += '\\s*[,;]\\s*';
    else source += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(`^${source}$`, 'i').exec(formula.trim());
  if (!m) return null;
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    out[name] = (m[i + 1] as string).trim();
  });
  return out;
}
