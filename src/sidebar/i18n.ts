import type { Lang } from '../core/i18n/lang';
import { bilingual, catalogue, inLang, type InLang } from '../core/i18n/text';
import type { AudienceLevel, Direction, Frequency, Indicator, Unit } from '../core/kpi/model';
import type { Criterion, FindingLevel } from '../core/kpi/smart';
import type { DashboardLayout, RunLogEntry, Schedule } from '../shared/api';

export type WeekDay = Extract<Schedule, { kind: 'weekly' }>['day'];
export const WEEK_DAYS: readonly WeekDay[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];

/* The sidebar's own words, French and English. Field names come from core's fieldLabel where they exist. */

export const SIDEBAR_TEXT = catalogue({
  /** "Mesurable : validé" / "Measurable: passed". */
  labelled: {
    fr: (label: string, text: string) => `${label} : ${text}`,
    en: (label: string, text: string) => `${label}: ${text}`,
  },
  requiredField: { fr: 'obligatoire.', en: 'required.' },
  appName: {
    fr: 'Boussole',
    en: 'Boussole',
  },
  loading: {
    fr: 'Chargement…',
    en: 'Loading…',
  },
  settings: {
    fr: 'Paramètres',
    en: 'Settings',
  },
  back: {
    fr: 'Retour',
    en: 'Back',
  },
  next: {
    fr: 'Suivant',
    en: 'Next',
  },
  cancel: {
    fr: 'Annuler',
    en: 'Cancel',
  },
  save: {
    fr: 'Enregistrer',
    en: 'Save',
  },
  saving: {
    fr: 'Enregistrement…',
    en: 'Saving…',
  },
  close: {
    fr: 'Fermer',
    en: 'Close',
  },
  edit: {
    fr: 'Modifier',
    en: 'Edit',
  },
  delete: {
    fr: 'Supprimer',
    en: 'Delete',
  },
  deleting: {
    fr: 'Suppression…',
    en: 'Deleting…',
  },
  retry: {
    fr: 'Réessayer',
    en: 'Retry',
  },
  optional: {
    fr: 'facultatif',
    en: 'optional',
  },
  loadFailed: {
    fr: 'Boussole n\u2019a pas pu lire vos objectifs et KPI.',
    en: 'Boussole could not read your objectives and KPIs.',
  },
  rangePlaceholder: {
    fr: "'Ventes'!B2:B13",
    en: "'Sales'!B2:B13",
  },
  genericError: {
    fr: "Le serveur n'a pas répondu. Vérifiez votre connexion puis réessayez.",
    en: 'The server did not answer. Check your connection and try again.',
  },
  errorPrefix: {
    fr: 'Erreur : ',
    en: 'Error: ',
  },
  fixFields: {
    fr: 'Corrigez les champs signalés.',
    en: 'Fix the fields marked below.',
  },
  // Home
  homeTitle: {
    fr: 'Objectifs et KPI',
    en: 'Objectives and KPIs',
  },
  newKpi: {
    fr: 'Nouveau KPI',
    en: 'New KPI',
  },
  newObjective: {
    fr: 'Nouvel objectif',
    en: 'New objective',
  },
  emptyTitle: {
    fr: "Aucun objectif pour l'instant",
    en: 'No objectives yet',
  },
  emptyText: {
    fr: "Un objectif dit ce que l'entreprise veut atteindre ; 3 à 5 KPI mesurent le chemin parcouru. Commencez par un KPI : l'assistant vous fera choisir ou créer son objectif.",
    en: 'An objective says what the company wants to achieve; 3 to 5 KPIs measure the way there. Start with a KPI: the wizard will have you pick or create its objective.',
  },
  noKpis: {
    fr: 'Aucun KPI sur cet objectif.',
    en: 'No KPI on this objective.',
  },
  addKpiHere: {
    fr: 'Ajouter un KPI',
    en: 'Add a KPI',
  },
  unlinked: {
    fr: 'KPI sans objectif',
    en: 'KPIs without an objective',
  },
  latest: {
    fr: 'Dernière valeur',
    en: 'Latest value',
  },
  noValue: {
    fr: 'pas de valeur',
    en: 'no value',
  },
  smartScore: {
    fr: (n: number) => `SMART ${n}/100`,
    en: (n: number) => `SMART ${n}/100`,
  },
  due: {
    fr: (d: string) => `échéance ${d}`,
    en: (d: string) => `due ${d}`,
  },
  confirmDeleteKpi: {
    fr: (name: string) => `Supprimer le KPI « ${name} » ? Ses données restent dans la feuille.`,
    en: (name: string) => `Delete the KPI "${name}"? Its data stays in the sheet.`,
  },
  confirmDeleteObjective: {
    fr: (title: string) => `Supprimer l'objectif « ${title} » ?`,
    en: (title: string) => `Delete the objective "${title}"?`,
  },
  deleted: {
    fr: (name: string) => `« ${name} » supprimé.`,
    en: (name: string) => `"${name}" deleted.`,
  },
  saved: {
    fr: (name: string) => `« ${name} » enregistré.`,
    en: (name: string) => `"${name}" saved.`,
  },
  problemsTitle: {
    fr: 'Lignes illisibles dans le stockage',
    en: 'Unreadable rows in storage',
  },
  problemRow: {
    fr: (sheet: string, row: number, reason: string) => `${sheet}, ligne ${row} : ${reason}`,
    en: (sheet: string, row: number, reason: string) => `${sheet}, row ${row}: ${reason}`,
  },
  // Objective form
  editObjective: {
    fr: "Modifier l'objectif",
    en: 'Edit objective',
  },
  // Wizard
  wizardTitle: {
    fr: 'Nouveau KPI',
    en: 'New KPI',
  },
  wizardEditTitle: {
    fr: 'Modifier le KPI',
    en: 'Edit KPI',
  },
  stepOf: {
    fr: (n: number, total: number) => `Étape ${n} sur ${total}`,
    en: (n: number, total: number) => `Step ${n} of ${total}`,
  },
  steps: {
    fr: ['Objectif', 'KPI', 'Données', 'Cible', 'Revue SMART'],
    en: ['Objective', 'KPI', 'Data', 'Target', 'SMART review'],
  },
  pickObjective: {
    fr: 'Objectif du KPI',
    en: "The KPI's objective",
  },
  createObjective: {
    fr: 'Créer un objectif',
    en: 'Create an objective',
  },
  objectiveHint: {
    fr: "Le but que ce KPI sert : « Rentabiliser l'acquisition d'ici fin 2025 ».",
    en: 'The goal this KPI serves: "Make acquisition pay for itself by the end of 2025".',
  },
  startFrom: {
    fr: 'Partir de',
    en: 'Start from',
  },
  blank: {
    fr: 'Un KPI vierge',
    en: 'A blank KPI',
  },
  templatesGroup: {
    fr: (dept: string) => `Modèles · ${dept}`,
    en: (dept: string) => `Templates · ${dept}`,
  },
  templateFormula: {
    fr: (f: string) => `Formule du modèle : ${f}`,
    en: (f: string) => `Template formula: ${f}`,
  },
  sourceKind: {
    fr: 'Type de source',
    en: 'Source type',
  },
  sourceRange: {
    fr: 'Une série (plage)',
    en: 'A series (range)',
  },
  sourceCell: {
    fr: 'Une seule cellule',
    en: 'A single cell',
  },
  useSelection: {
    fr: 'Utiliser la plage sélectionnée',
    en: 'Use the selected range',
  },
  useSelectionShort: {
    fr: 'Sélection',
    en: 'Selection',
  },
  reading: {
    fr: 'Lecture…',
    en: 'Reading…',
  },
  noSelection: {
    fr: "Sélectionnez d'abord une plage dans la feuille.",
    en: 'Select a range in the sheet first.',
  },
  preview: {
    fr: 'Aperçu des données lues',
    en: 'Preview of the data read',
  },
  previewEmpty: {
    fr: 'Saisissez une plage ou utilisez la sélection pour voir les données.',
    en: 'Type a range or use the selection to see the data.',
  },
  readCounts: {
    fr: (cells: number, numbers: number, blanks: number, texts: number) =>
      `${cells} cellule${cells > 1 ? 's' : ''} : ${numbers} nombre${numbers > 1 ? 's' : ''}, ${blanks} vide${blanks > 1 ? 's' : ''}, ${texts} texte${texts > 1 ? 's' : ''}.`,
    en: (cells: number, numbers: number, blanks: number, texts: number) =>
      `${cells} cell${cells === 1 ? '' : 's'}: ${numbers} number${numbers === 1 ? '' : 's'}, ${blanks} blank${blanks === 1 ? '' : 's'}, ${texts} text${texts === 1 ? '' : 's'}.`,
  },
  latestValue: {
    fr: (p: string, v: string) => `Période jugée (${p}) : ${v}`,
    en: (p: string, v: string) => `Judged period (${p}): ${v}`,
  },
  inProgress: { fr: 'en cours', en: 'in progress' },
  formulaInputs: {
    fr: 'Plages de la formule',
    en: 'Formula ranges',
  },
  formulaInputsHint: {
    fr: 'Facultatif : remplissez-les toutes pour enregistrer la formule du modèle.',
    en: "Optional: fill them all to save the template's formula.",
  },
  suggestedBaseline: {
    fr: (v: string) => `Suggérée d'après les données : ${v}`,
    en: (v: string) => `Suggested from the data: ${v}`,
  },
  useSuggestion: {
    fr: 'Utiliser',
    en: 'Use',
  },
  benchmarkHint: {
    fr: 'Une valeur de référence du secteur, dans l’unité du KPI.',
    en: "A sector reference value, in the KPI's unit.",
  },
  targetHint: {
    fr: 'La valeur à atteindre à l’échéance.',
    en: 'The value to reach by the deadline.',
  },
  smartLive: {
    fr: 'Contrôle SMART',
    en: 'SMART check',
  },
  smartReview: {
    fr: 'Revue SMART',
    en: 'SMART review',
  },
  score: {
    fr: (n: number) => `Score ${n}/100`,
    en: (n: number) => `Score ${n}/100`,
  },
  howToFix: {
    fr: 'Correction : ',
    en: 'Fix: ',
  },
  allPass: {
    fr: 'Les cinq critères SMART sont validés.',
    en: 'All five SMART criteria pass.',
  },
  goFix: {
    fr: 'Corriger',
    en: 'Fix it',
  },
  saveKpi: {
    fr: 'Enregistrer le KPI',
    en: 'Save the KPI',
  },
  criteria: bilingual<Record<Criterion, string>>({
    fr: {
      specific: 'Spécifique',
      measurable: 'Mesurable',
      achievable: 'Atteignable',
      relevant: 'Pertinent',
      timebound: 'Temporel',
    },
    en: {
      specific: 'Specific',
      measurable: 'Measurable',
      achievable: 'Achievable',
      relevant: 'Relevant',
      timebound: 'Time-bound',
    },
  }),
  levels: bilingual<Record<FindingLevel, string>>({
    fr: { pass: 'validé', warning: 'à revoir', failure: 'en échec' },
    en: { pass: 'passed', warning: 'to review', failure: 'failed' },
  }),
  announce: {
    fr: (score: number, parts: string) => `Score SMART ${score}/100. ${parts}`,
    en: (score: number, parts: string) => `SMART score ${score}/100. ${parts}`,
  },
  // Settings
  language: {
    fr: 'Langue',
    en: 'Language',
  },
  langAuto: {
    fr: 'Automatique (langue de votre compte Google)',
    en: 'Automatic (your Google account language)',
  },
  settingsSaved: {
    fr: 'Paramètres enregistrés.',
    en: 'Settings saved.',
  },
  // Dashboards (Home)
  dashboardsTitle: {
    fr: 'Tableaux de bord',
    en: 'Dashboards',
  },
  dashboardsNone: {
    fr: "Aucun tableau de bord pour l'instant : générez-les à partir de vos KPI.",
    en: 'No dashboards yet: generate them from your KPIs.',
  },
  dashboardsExisting: {
    fr: 'Feuilles de tableau de bord',
    en: 'Dashboard sheets',
  },
  dashboardKpis: {
    fr: (n: number) => `${n} KPI`,
    en: (n: number) => `${n} KPI${n === 1 ? '' : 's'}`,
  },
  layoutLegend: {
    fr: 'Disposition',
    en: 'Layout',
  },
  layouts: bilingual<Record<DashboardLayout, string>>({
    fr: {
      by_level: "Un par niveau d'audience (Direction, Managers, Équipes)",
      overall: "Un seul tableau d'ensemble",
    },
    en: { by_level: 'One per audience level (Leadership, Managers, Teams)', overall: 'One overall dashboard' },
  }),
  generate: {
    fr: 'Générer',
    en: 'Generate',
  },
  regenerate: {
    fr: 'Régénérer',
    en: 'Regenerate',
  },
  generating: {
    fr: 'Génération…',
    en: 'Generating…',
  },
  generated: {
    fr: (n: number) =>
      n > 1 ? `${n} tableaux de bord générés.` : n === 1 ? 'Tableau de bord généré.' : 'Aucun tableau de bord généré.',
    en: (n: number) =>
      n > 1 ? `${n} dashboards generated.` : n === 1 ? 'Dashboard generated.' : 'No dashboard generated.',
  },
  generateFailed: {
    fr: (m: string) => `La génération a échoué : ${m} Les tableaux de bord précédents sont conservés.`,
    en: (m: string) => `Generating failed: ${m} The previous dashboards are kept.`,
  },
  refreshNow: {
    fr: 'Actualiser maintenant',
    en: 'Refresh now',
  },
  refreshing: {
    fr: 'Actualisation…',
    en: 'Refreshing…',
  },
  refreshed: {
    fr: (rows: number) =>
      `Actualisation terminée : ${rows} ligne${rows > 1 ? 's' : ''} d'historique écrite${rows > 1 ? 's' : ''}.`,
    en: (rows: number) => `Refresh done: ${rows} history row${rows === 1 ? '' : 's'} written.`,
  },
  refreshFailed: {
    fr: (m: string) => `L'actualisation a échoué : ${m}`,
    en: (m: string) => `The refresh failed: ${m}`,
  },
  refreshedWithErrors: {
    fr: (n: number) =>
      `Actualisation terminée avec ${n} erreur${n > 1 ? 's' : ''} : voir la dernière actualisation ci-dessous.`,
    en: (n: number) => `Refresh finished with ${n} error${n === 1 ? '' : 's'}: see the last refresh below.`,
  },
  lastRunTitle: {
    fr: 'Dernière actualisation',
    en: 'Last refresh',
  },
  neverRun: {
    fr: "Jamais exécutée : l'historique n'a pas encore été archivé.",
    en: 'Never run: no history has been archived yet.',
  },
  runWhen: {
    fr: (date: string, time: string) => `${date} à ${time}`,
    en: (date: string, time: string) => `${date} at ${time}`,
  },
  runTrigger: bilingual<Record<RunLogEntry['trigger'], string>>({
    fr: { schedule: 'planifiée', manual: 'manuelle' },
    en: { schedule: 'scheduled', manual: 'manual' },
  }),
  runDuration: {
    fr: (s: string) => `${s} s`,
    en: (s: string) => `${s} s`,
  },
  rowsWritten: {
    fr: (n: number) => `${n} ligne${n > 1 ? 's' : ''} écrite${n > 1 ? 's' : ''}`,
    en: (n: number) => `${n} row${n === 1 ? '' : 's'} written`,
  },
  noErrors: {
    fr: 'Aucune erreur.',
    en: 'No errors.',
  },
  runErrors: {
    fr: (n: number) => `${n} erreur${n > 1 ? 's' : ''} :`,
    en: (n: number) => `${n} error${n === 1 ? '' : 's'}:`,
  },
  scheduleLoadFailed: {
    fr: (m: string) => `La planification n'a pas pu être lue : ${m}`,
    en: (m: string) => `The schedule could not be read: ${m}`,
  },
  // Schedule (settings)
  scheduleTitle: {
    fr: 'Actualisation planifiée',
    en: 'Scheduled refresh',
  },
  scheduleCurrent: {
    fr: (d: string) => `Actuellement : ${d}`,
    en: (d: string) => `Currently: ${d}`,
  },
  // When another user's trigger (or none) runs the document's one schedule: a trigger belongs to its maker.
  scheduleRunBy: bilingual<Record<'another_user' | 'nobody', string>>({
    fr: {
      another_user: 'Lancée par un autre utilisateur ; enregistrer la vôtre la remplace.',
      nobody: 'Votre déclencheur a disparu : enregistrez-la de nouveau.',
    },
    en: {
      another_user: 'Run by another user; saving yours replaces it.',
      nobody: 'Your trigger is gone: save it again.',
    },
  }),
  scheduleStale: {
    fr: 'Votre ancien déclencheur ne lance plus rien et se supprimera.',
    en: 'Your old trigger runs nothing now and will remove itself.',
  },
  scheduleHint: {
    fr: "Google lance l'actualisation au cours de l'heure choisie, dans le fuseau horaire du classeur. Les échecs ne sont pas envoyés par e-mail : consultez la dernière actualisation sur l'accueil.",
    en: "Google starts the refresh within the chosen hour, in the spreadsheet's time zone. Failures are not e-mailed: check the last refresh on Home.",
  },
  scheduleKinds: bilingual<Record<Schedule['kind'], string>>({
    fr: {
      off: 'Désactivée',
      hourly: 'Toutes les heures',
      daily: 'Chaque jour',
      weekly: 'Chaque semaine',
    },
    en: { off: 'Off', hourly: 'Every hour', daily: 'Every day', weekly: 'Every week' },
  }),
  scheduleFrequency: {
    fr: 'Fréquence',
    en: 'Frequency',
  },
  scheduleHour: {
    fr: 'Heure',
    en: 'Hour',
  },
  scheduleDay: {
    fr: 'Jour',
    en: 'Day',
  },
  hourLabel: {
    fr: (n: number) => `${n}\u00a0h`,
    en: (n: number) => `${n % 12 || 12}:00 ${n < 12 ? 'AM' : 'PM'}`,
  },
  days: bilingual<Record<WeekDay, string>>({
    fr: {
      MONDAY: 'lundi',
      TUESDAY: 'mardi',
      WEDNESDAY: 'mercredi',
      THURSDAY: 'jeudi',
      FRIDAY: 'vendredi',
      SATURDAY: 'samedi',
      SUNDAY: 'dimanche',
    },
    en: {
      MONDAY: 'Monday',
      TUESDAY: 'Tuesday',
      WEDNESDAY: 'Wednesday',
      THURSDAY: 'Thursday',
      FRIDAY: 'Friday',
      SATURDAY: 'Saturday',
      SUNDAY: 'Sunday',
    },
  }),
  describeSchedule: {
    fr: {
      daily: (hour: string) => `chaque jour à ${hour}`,
      weekly: (day: string, hour: string) => `chaque ${day} à ${hour}`,
    },
    en: {
      daily: (hour: string) => `every day at ${hour}`,
      weekly: (day: string, hour: string) => `every ${day} at ${hour}`,
    },
  },
  saveSchedule: {
    fr: 'Enregistrer la planification',
    en: 'Save the schedule',
  },
  scheduleSaved: {
    fr: (d: string) => `Planification enregistrée : ${d}.`,
    en: (d: string) => `Schedule saved: ${d}.`,
  },
  scheduleSaveFailed: {
    fr: (m: string) => `La planification n'a pas été enregistrée : ${m}`,
    en: (m: string) => `The schedule was not saved: ${m}`,
  },
  // Enums
  units: bilingual<Record<Unit, string>>({
    fr: {
      '€': 'Euros (€)',
      '%': 'Pourcentage (%)',
      count: 'Nombre',
      days: 'Jours',
      hours: 'Heures',
      ratio: 'Ratio',
      score: 'Score',
      other: 'Autre (préciser)',
    },
    en: {
      '€': 'Euros (€)',
      '%': 'Percentage (%)',
      count: 'Count',
      days: 'Days',
      hours: 'Hours',
      ratio: 'Ratio',
      score: 'Score',
      other: 'Other (specify)',
    },
  }),
  directions: bilingual<Record<Direction, string>>({
    fr: { higher: 'Plus haut = mieux', lower: 'Plus bas = mieux' },
    en: { higher: 'Higher is better', lower: 'Lower is better' },
  }),
  indicators: bilingual<Record<Indicator, string>>({
    fr: { leading: 'Avancé (prédit le résultat)', lagging: 'Retardé (constate le résultat)' },
    en: { leading: 'Leading (predicts the result)', lagging: 'Lagging (records the result)' },
  }),
  frequencies: bilingual<Record<Frequency, string>>({
    fr: {
      daily: 'Quotidienne',
      weekly: 'Hebdomadaire',
      monthly: 'Mensuelle',
      quarterly: 'Trimestrielle',
    },
    en: { daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' },
  }),
  audience: bilingual<Record<AudienceLevel, string>>({
    fr: {
      strategic: 'Stratégique (direction)',
      tactical: 'Tactique (managers)',
      operational: 'Opérationnel (équipes)',
    },
    en: {
      strategic: 'Strategic (leadership)',
      tactical: 'Tactical (managers)',
      operational: 'Operational (teams)',
    },
  }),
  choose: {
    fr: '— Choisir —',
    en: '— Choose —',
  },
});

/** The sidebar's words in one language. */
export type Strings = InLang<typeof SIDEBAR_TEXT>;
export const textIn = (lang: Lang): Strings => inLang(SIDEBAR_TEXT, lang);

/** The browser's language, for the words shown before the server says which language to speak. */
export function browserLang(): Lang {
  const l = typeof navigator !== 'undefined' ? navigator.language || '' : '';
  return /^fr\b/i.test(l) ? 'fr' : 'en';
}
