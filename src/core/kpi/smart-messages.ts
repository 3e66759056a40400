import type { Lang } from '../i18n/lang';
import { localize, type Bilingual } from '../i18n/text';
import {
  formatAuto,
  formatDate,
  formatNumber,
  formatRate,
  formatValue,
  frequencyAdjective,
  NBSP,
  perPeriod,
  periodCount,
  quote,
} from './format';
import type { Frequency, Unit } from './model';
import type { RateKind } from './series';
import type { FindingCode, FindingOf, FindingParamsByCode } from './smart';

/*
 * The SMART findings in French and English: each says what is wrong, with the numbers, and how
 * to fix it. Numbers follow the language (8,2 % / 8.2%); dates read "31 déc. 2025" / "31 Dec 2025".
 */

export interface RenderContext {
  lang: Lang;
  unit: Unit | undefined;
  unitLabel: string;
  /** The frequency rates are expressed in (the KPI's, or monthly when missing). */
  frequency: Frequency;
  frequencyAssumed: boolean;
}

type Texts = { message: string; fix: string };

const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** What every message is written with: the language, the KPI's unit and frequency, formatters. */
interface Helpers {
  lang: Lang;
  frequency: Frequency;
  m: (message: string, fix: string) => Texts;
  /** "par mois" / "per month". */
  per: string;
  /** Said after a rate when the frequency was not chosen. */
  assumed: string;
  value: (x: number | null) => string;
  count: (x: number | null) => string;
  date: (iso: string | null) => string;
  q: (text: string | null) => string;
  /** A frequency as an adjective: "mensuel(le)", "monthly". */
  adj: (f: Frequency | 'yearly', gender?: 'm' | 'f' | 'fp') => string;
  /** A number of the KPI's periods: "3 mois", "1 week". */
  n: (x: number) => string;
  /** A change per period: "+8,2 %" (relative), "+3 jours" or "+2 pts" (absolute). */
  change: (x: number | null | undefined, kind: RateKind | undefined) => string;
  /** A shortfall per period, in points (relative) or in the unit (absolute). */
  gap: (x: number | null, kind: RateKind) => string;
}

function helpers(ctx: RenderContext): Helpers {
  const { lang } = ctx;
  return {
    lang,
    frequency: ctx.frequency,
    m: (message, fix) => ({ message, fix }),
    per: perPeriod(ctx.frequency, lang),
    n: (x) => periodCount(x, ctx.frequency, lang),
    adj: (f, gender) => frequencyAdjective(f, lang, gender),
    assumed: ctx.frequencyAssumed ? localize(ASSUMED, lang) : '',
    value: (x) => (isNum(x) ? formatValue(x, ctx.unit, lang, ctx.unitLabel) : '—'),
    count: (x) => (isNum(x) ? formatNumber(x, lang) : '—'),
    date: (iso) => (iso === null ? '—' : formatDate(iso, lang)),
    q: (text) => (text === null ? '—' : quote(text, lang)),
    change: (x, kind) => {
      if (!isNum(x)) return '—';
      if (kind !== 'absolute') return formatRate(x, lang);
      if (ctx.unit === '%') return `${(x > 0 ? '+' : '') + formatAuto(x * 100, lang)}${NBSP}pts`;
      return formatValue(x, ctx.unit, lang, ctx.unitLabel, true);
    },
    gap: (x, kind) => {
      if (!isNum(x)) return '—';
      if (kind === 'relative') return `${formatNumber(x * 100, lang, 1)}${NBSP}points`;
      if (ctx.unit === '%') return `${formatAuto(x * 100, lang)}${NBSP}pts`;
      return formatValue(x, ctx.unit, lang, ctx.unitLabel);
    },
  };
}

const ASSUMED = { fr: ' (fréquence mensuelle supposée)', en: ' (monthly frequency assumed)' };

/** One message (and fix) per finding code, in each language: a missing or misspelt code fails to compile. */
type MessageTable = { [C in FindingCode]: Bilingual<(p: FindingParamsByCode[C], h: Helpers) => Texts> };

export function renderFinding<C extends FindingCode>(finding: FindingOf<C>, ctx: RenderContext): Texts {
  return localize(MESSAGES[finding.code], ctx.lang)(finding.params, helpers(ctx));
}

const MESSAGES: MessageTable = {
  // --- Specific ------------------------------------------------------------------------------
  name_missing: {
    fr: (_p, h) =>
      h.m(
        "Le KPI n'a pas de nom.",
        `Donnez-lui un nom court qui dit ce qui est mesuré, par exemple ${h.q('Taux de conversion du site')}.`,
      ),
    en: (_p, h) =>
      h.m(
        'The KPI has no name.',
        `Give it a short name that says what is measured, e.g. ${h.q('Website conversion rate')}.`,
      ),
  },
  name_too_short: {
    fr: (p, h) =>
      h.m(
        `Le nom ${h.q(p.name)} est trop court pour être compris sans vous (${h.count(p.length)} caractères).`,
        `Écrivez ce qui est mesuré en quelques mots : ${h.q('Panier moyen')} plutôt que ${h.q('PM')}.`,
      ),
    en: (p, h) =>
      h.m(
        `The name ${h.q(p.name)} is too short to be understood without you (${h.count(p.length)} characters).`,
        `Say what is measured in a few words: ${h.q('Average basket')} rather than ${h.q('AB')}.`,
      ),
  },
  name_too_long: {
    fr: (p, h) =>
      h.m(
        `Le nom fait ${h.count(p.length)} caractères : c'est une phrase, pas un libellé.`,
        `Gardez un nom de ${h.count(p.max)} caractères au plus et mettez le détail dans la définition.`,
      ),
    en: (p, h) =>
      h.m(
        `The name is ${h.count(p.length)} characters long: a sentence, not a label.`,
        `Keep the name to ${h.count(p.max)} characters at most and put the detail in the definition.`,
      ),
  },
  definition_missing: {
    fr: (_p, h) =>
      h.m(
        `Pas de définition : chacun peut comprendre le nom à sa façon.`,
        `Dites ce qui est compté, ce qui est exclu et sur quelle période : ${h.q('Commandes validées hors annulations, par mois')}.`,
      ),
    en: (_p, h) =>
      h.m(
        'No definition: everyone may read the name their own way.',
        `Say what is counted, what is left out and over which period: ${h.q('Confirmed orders excluding cancellations, per month')}.`,
      ),
  },
  definition_too_short: {
    fr: (p, h) =>
      h.m(
        `La définition (${h.count(p.words)} mots) ne dit pas assez ce qui est compté ni sur quelle période.`,
        `Écrivez au moins une phrase de ${h.count(p.min)} mots ou plus : ce qui est compté, ce qui est exclu, la période.`,
      ),
    en: (p, h) =>
      h.m(
        `The definition (${h.count(p.words)} words) does not say enough about what is counted or over which period.`,
        `Write at least one sentence of ${h.count(p.min)} words or more: what is counted, what is left out, the period.`,
      ),
  },
  definition_repeats_name: {
    fr: (p, h) =>
      h.m(
        `La définition répète le nom ${h.q(p.name)} sans l'expliquer.`,
        `Expliquez le calcul : par exemple ${h.q("chiffre d'affaires HT divisé par le nombre de transactions du mois")}.`,
      ),
    en: (p, h) =>
      h.m(
        `The definition repeats the name ${h.q(p.name)} without explaining it.`,
        `Explain the calculation: e.g. ${h.q('revenue excluding tax divided by the number of transactions in the month')}.`,
      ),
  },
  vague_verb: {
    fr: (p, h) =>
      h.m(
        `${h.q(p.verb)} sans chiffre : on ne sait ni de combien, ni quand ce sera réussi.`,
        `Nommez la mesure (${h.q('Trafic organique mensuel')}) et mettez le chiffre dans la cible, ou écrivez-le : ${h.q('atteindre 100 000 visites par mois')}.`,
      ),
    en: (p, h) =>
      h.m(
        `${h.q(p.verb)} without a figure: nobody can tell by how much, or when it has succeeded.`,
        `Name the measure (${h.q('Monthly organic traffic')}) and put the figure in the target, or write it: ${h.q('reach 100,000 visits a month')}.`,
      ),
  },
  unit_missing: {
    fr: (_p, h) =>
      h.m(
        `L'unité n'est pas choisie : 1${NBSP}250, ce sont des euros, des clients, des jours ?`,
        "Choisissez l'unité : €, %, nombre, jours, heures, ratio, score ou autre (avec un libellé).",
      ),
    en: (_p, h) =>
      h.m(
        'No unit chosen: is 1,250 euros, customers or days?',
        'Choose the unit: €, %, count, days, hours, ratio, score or other (with a label).',
      ),
  },
  unit_label_missing: {
    fr: (_p, h) =>
      h.m(
        `Unité ${h.q('autre')} sans libellé : le lecteur ne saura pas ce qui est compté.`,
        `Écrivez le libellé de l'unité, par exemple ${h.q('visites')} ou ${h.q('tickets')}.`,
      ),
    en: (_p, h) =>
      h.m(
        `Unit ${h.q('other')} without a label: readers won't know what is counted.`,
        `Write the unit's label, e.g. ${h.q('visits')} or ${h.q('tickets')}.`,
      ),
  },
  direction_missing: {
    fr: (_p, h) =>
      h.m(
        `Le sens n'est pas choisi : Boussole ne peut pas dire si une hausse est une bonne nouvelle.`,
        `Indiquez si plus haut est mieux (chiffre d'affaires) ou si plus bas est mieux (délai, coût).`,
      ),
    en: (_p, h) =>
      h.m(
        'No direction chosen: Boussole cannot tell whether a rise is good news.',
        'Say whether higher is better (revenue) or lower is better (delay, cost).',
      ),
  },
  specific_ok: {
    fr: (p, h) => h.m(`${h.q(p.name)} a un nom, une définition, une unité et un sens clairs.`, ''),
    en: (p, h) => h.m(`${h.q(p.name)} has a clear name, definition, unit and direction.`, ''),
  },
  // --- Measurable ----------------------------------------------------------------------------
  source_missing: {
    fr: (_p, h) =>
      h.m(
        `Aucune source : Boussole ne sait pas où lire les valeurs.`,
        `Sélectionnez la cellule ou la plage des valeurs, avec le nom de l'onglet : 'Ventes'!B2:B25.`,
      ),
    en: (_p, h) =>
      h.m(
        'No source: Boussole does not know where to read the values.',
        "Select the cell or range holding the values, with the sheet name: 'Sales'!B2:B25.",
      ),
  },
  source_invalid: {
    fr: (p, h) =>
      h.m(
        `${h.q(p.ref)} n'est pas une référence A1 valide.`,
        `Écrivez l'onglet puis la plage : 'Ventes 2024'!B2:B25 (apostrophes autour d'un nom avec espaces, apostrophe interne doublée : 'L''été'!A1).`,
      ),
    en: (p, h) =>
      h.m(
        `${h.q(p.ref)} is not a valid A1 reference.`,
        "Write the sheet then the range: 'Sales 2024'!B2:B25 (single quotes around a name with spaces, an inner quote doubled: 'Q''s'!A1).",
      ),
  },
  data_not_read: {
    fr: (p, h) =>
      h.m(
        `Les valeurs de ${h.q(p.ref)} n'ont pas été lues : rien ne montre encore qu'elles sont chiffrées.`,
        "Vérifiez que l'onglet et la plage existent, puis relancez la vérification.",
      ),
    en: (p, h) =>
      h.m(
        `The values of ${h.q(p.ref)} have not been read: nothing shows yet that they are numbers.`,
        'Check that the sheet and range exist, then run the check again.',
      ),
  },
  no_numbers: {
    fr: (p, h) =>
      h.m(
        `La source ne contient aucun nombre (${h.count(p.cells)} cellules : ${h.count(p.blanks)} vides, ${h.count(p.texts)} textes${p.sample ? `, p.${NBSP}ex. ${h.q(p.sample)}` : ''}).`,
        'Pointez vers la plage des valeurs chiffrées, ou saisissez-les comme nombres (sans texte autour).',
      ),
    en: (p, h) =>
      h.m(
        `The source holds no number (${h.count(p.cells)} cells: ${h.count(p.blanks)} blank, ${h.count(p.texts)} text${p.sample ? `, e.g. ${h.q(p.sample)}` : ''}).`,
        'Point to the range holding the figures, or enter them as numbers (no text around them).',
      ),
  },
  has_text: {
    fr: (p, h) =>
      h.m(
        `${h.count(p.texts)} cellules sur ${h.count(p.cells)} contiennent du texte et non un nombre (p.${NBSP}ex. ${h.q(p.sample)}) : elles seront ignorées. ${h.count(p.numbers)} nombres lus, dernière valeur ${h.value(p.latest)}.`,
        'Remplacez-les par des nombres, ou videz-les si la valeur est inconnue.',
      ),
    en: (p, h) =>
      h.m(
        `${h.count(p.texts)} of ${h.count(p.cells)} cells hold text, not a number (e.g. ${h.q(p.sample)}): they will be skipped. ${h.count(p.numbers)} numbers read, latest value ${h.value(p.latest)}.`,
        'Replace them with numbers, or clear them if the value is unknown.',
      ),
  },
  data_ok: {
    fr: (p, h) =>
      h.m(
        `${h.count(p.numbers)} valeurs chiffrées lues sur ${h.count(p.cells)} cellules${p.blanks > 0 ? ` (${h.count(p.blanks)} vides ignorées)` : ''} ; dernière valeur : ${h.value(p.latest)}.`,
        '',
      ),
    en: (p, h) =>
      h.m(
        `${h.count(p.numbers)} numbers read from ${h.count(p.cells)} cells${p.blanks > 0 ? ` (${h.count(p.blanks)} blanks skipped)` : ''}; latest value: ${h.value(p.latest)}.`,
        '',
      ),
  },
  dates_unusable: {
    fr: (p, h) =>
      h.m(
        `${h.count(p.undated)} valeurs sur ${h.count(p.numbers)} n'ont pas de date valide : les dates sont ignorées et chaque valeur compte pour une période.`,
        'Complétez la plage des dates (une vraie date par valeur) ou retirez-la.',
      ),
    en: (p, h) =>
      h.m(
        `${h.count(p.undated)} of ${h.count(p.numbers)} values have no valid date: the dates are ignored and each value counts as one period.`,
        'Complete the dates range (a real date for every value) or remove it.',
      ),
  },
  target_missing: {
    fr: (_p, h) =>
      h.m(
        `Pas de cible chiffrée : impossible de dire si le KPI est atteint.`,
        "Saisissez la valeur à atteindre à l'échéance, dans l'unité du KPI.",
      ),
    en: (_p, h) =>
      h.m(
        'No numeric target: there is no telling whether the KPI is met.',
        "Enter the value to reach by the deadline, in the KPI's unit.",
      ),
  },
  target_not_number: {
    fr: (_p, h) =>
      h.m("La cible n'est pas un nombre.", "Saisissez la valeur à atteindre à l'échéance, sans texte autour."),
    en: (_p, h) =>
      h.m('The target is not a number.', 'Enter the value to reach by the deadline, without text around it.'),
  },
  target_scale: {
    fr: (p, h) =>
      h.m(
        `La cible vaut ${formatAuto(p.target, h.lang)}, soit ${h.value(p.target)}, alors que la source contient des fractions (dernière valeur ${h.value(p.latest)}).`,
        `Pour viser ${h.value(p.suggested)}, saisissez ${h.value(p.suggested)} ou ${formatAuto(p.suggested, h.lang)}.`,
      ),
    en: (p, h) =>
      h.m(
        `The target is ${formatAuto(p.target, h.lang)}, i.e. ${h.value(p.target)}, while the source holds fractions (latest value ${h.value(p.latest)}).`,
        `To aim for ${h.value(p.suggested)}, enter ${h.value(p.suggested)} or ${formatAuto(p.suggested, h.lang)}.`,
      ),
  },
  baseline_from_data: {
    fr: (p, h) =>
      h.m(
        `Pas de valeur de départ saisie : la dernière valeur de la source (${h.value(p.latest)}) sert de point de départ.`,
        '',
      ),
    en: (p, h) =>
      h.m(
        'No baseline entered: the latest value of the source (' +
          h.value(p.latest) +
          ') is used as the starting point.',
        '',
      ),
  },
  baseline_missing: {
    fr: (_p, h) =>
      h.m(
        `Pas de valeur de départ, et la source n'en fournit pas.`,
        'Saisissez la valeur actuelle du KPI comme point de départ.',
      ),
    en: (_p, h) =>
      h.m('No baseline, and the source does not provide one.', "Enter the KPI's current value as the starting point."),
  },
  // --- Achievable ----------------------------------------------------------------------------
  achievable_no_target: {
    fr: (_p, h) =>
      h.m(
        `Sans cible chiffrée, impossible de juger si l'objectif est réaliste.`,
        'Saisissez une cible : Boussole la comparera au rythme de votre historique.',
      ),
    en: (_p, h) =>
      h.m(
        'Without a numeric target, there is no judging whether it is realistic.',
        'Enter a target: Boussole will compare it with the pace of your history.',
      ),
  },
  achievable_no_history: {
    fr: (p, h) =>
      h.m(
        (isNum(p.numbers) && isNum(p.values) && p.numbers > p.values
          ? `Pas encore assez d'historique : les ${h.count(p.numbers)} valeurs couvrent ${h.n(p.values)} seulement, il en faut au moins ${h.n(p.min)} pour connaître votre rythme habituel.`
          : `Pas encore d'historique : ${h.count(p.values)} valeur${p.values > 1 ? 's' : ''} seulement, il en faut au moins ${h.count(p.min)} pour connaître votre rythme habituel.`) +
          (isNum(p.required) ? ` La cible demande ${h.change(p.required, p.kind)} ${h.per}${h.assumed}.` : ''),
        `Ajoutez les valeurs passées à la source (une par période) ; sinon Boussole archive une valeur à chaque période et jugera la cible dès qu'il en aura ${h.count(p.min)}.`,
      ),
    en: (p, h) =>
      h.m(
        (isNum(p.numbers) && isNum(p.values) && p.numbers > p.values
          ? `Not enough history yet: the ${h.count(p.numbers)} values cover only ${h.n(p.values)}, and at least ${h.n(p.min)} are needed to know your usual pace.`
          : `No history yet: only ${h.count(p.values)} value${p.values === 1 ? '' : 's'}, and at least ${h.count(p.min)} are needed to know your usual pace.`) +
          (isNum(p.required) ? ` The target requires ${h.change(p.required, p.kind)} ${h.per}${h.assumed}.` : ''),
        `Add past values to the source (one per period); otherwise Boussole archives a value every period and will judge the target once it has ${h.count(p.min)}.`,
      ),
  },
  achievable_already_met: {
    fr: (p, h) => {
      const better = p.direction === 'lower' ? 'en dessous de' : 'au-delà de';
      return h.m(
        `La valeur actuelle (${h.value(p.current)}) atteint déjà la cible (${h.value(p.target)}) : la cible n'est pas ambitieuse.`,
        isNum(p.suggested)
          ? `Fixez une cible ${better} ${h.value(p.current)}, par exemple ${h.value(p.suggested)} (votre rythme médian prolongé jusqu'à l'échéance).`
          : `Fixez une cible ${better} la valeur actuelle (${h.value(p.current)}).`,
      );
    },
    en: (p, h) => {
      const better = p.direction === 'lower' ? 'below' : 'beyond';
      return h.m(
        `The current value (${h.value(p.current)}) already meets the target (${h.value(p.target)}): the target is not ambitious.`,
        isNum(p.suggested)
          ? `Set a target ${better} ${h.value(p.current)}, e.g. ${h.value(p.suggested)} (your median pace carried to the deadline).`
          : `Set a target ${better} the current value (${h.value(p.current)}).`,
      );
    },
  },
  achievable_no_deadline: {
    fr: (_p, h) =>
      h.m(
        `Sans échéance valide, le rythme demandé par la cible ne peut pas être calculé.`,
        "Fixez l'échéance (voir « Temporel »).",
      ),
    en: (_p, h) =>
      h.m(
        'Without a valid deadline, the pace the target requires cannot be computed.',
        'Set the deadline (see "Time-bound").',
      ),
  },
  achievable_no_time: {
    fr: (p, h) =>
      h.m(
        `Aucune période complète entre la dernière valeur (${h.date(p.from)}) et l'échéance (${h.date(p.deadline)}) : le rythme demandé ne peut pas être calculé.`,
        `Choisissez une échéance au moins une période plus tard (${h.n(1)}), ou une fréquence plus fine.`,
      ),
    en: (p, h) =>
      h.m(
        `No full period between the latest value (${h.date(p.from)}) and the deadline (${h.date(p.deadline)}): the required pace cannot be computed.`,
        `Choose a deadline at least one period later (${h.n(1)}), or a finer frequency.`,
      ),
  },
  achievable_ok: {
    fr: (p, h) =>
      h.m(
        `La cible demande ${h.change(p.required, p.kind)} ${h.per} sur ${h.n(p.periods)} ; sur ${h.n(p.window)} d'affilée, l'historique a tenu ${h.change(p.typical, p.kind)} ${h.per} en médiane (au mieux ${h.change(p.best, p.kind)})${h.assumed}.`,
        '',
      ),
    en: (p, h) =>
      h.m(
        `The target requires ${h.change(p.required, p.kind)} ${h.per} over ${h.n(p.periods)}; over ${h.n(p.window)} in a row, the history held ${h.change(p.typical, p.kind)} ${h.per} as a median (at best ${h.change(p.best, p.kind)})${h.assumed}.`,
        '',
      ),
  },
  achievable_stretch: {
    fr: (p, h) =>
      h.m(
        `La cible demande ${h.change(p.required, p.kind)} ${h.per} : plus que votre rythme médian sur ${h.n(p.window)} d'affilée (${h.change(p.typical, p.kind)}), tenu seulement dans vos meilleures passes (au mieux ${h.change(p.best, p.kind)})${h.assumed}.`,
        isNum(p.atTypical)
          ? `Visez ${h.value(p.atTypical)} pour rester à votre rythme médian, ou prévoyez les actions qui rendront vos meilleures périodes habituelles.`
          : 'Prévoyez les actions qui rendront vos meilleures périodes habituelles, ou revoyez la cible à la baisse.',
      ),
    en: (p, h) =>
      h.m(
        `The target requires ${h.change(p.required, p.kind)} ${h.per}: more than your median pace over ${h.n(p.window)} in a row (${h.change(p.typical, p.kind)}), held only in your best stretches (at best ${h.change(p.best, p.kind)})${h.assumed}.`,
        isNum(p.atTypical)
          ? `Aim for ${h.value(p.atTypical)} to stay at your median pace, or plan the actions that will make your best periods the norm.`
          : 'Plan the actions that will make your best periods the norm, or lower your ambition.',
      ),
  },
  achievable_beyond_best: {
    fr: (p, h) => {
      const message = `La cible demande ${h.change(p.required, p.kind)} ${h.per} ; sur ${h.n(p.window)} d'affilée, l'historique a tenu au mieux ${h.change(p.best, p.kind)} ${h.per} (médiane ${h.change(p.typical, p.kind)}), soit ${h.gap(p.gap, p.kind)} de moins que nécessaire chaque ${h.n(1).replace(/^1\s/, '')}${h.assumed}.`;
      if (isNum(p.atBest)) {
        const extra = isNum(p.periodsNeeded) && isNum(p.periods) ? p.periodsNeeded - p.periods : null;
        const later =
          extra !== null && extra > 0
            ? `, ou repoussez l'échéance d'environ ${h.n(extra)} pour atteindre ${h.value(p.target)} à ce rythme`
            : '';
        return h.m(
          message,
          `${p.direction === 'lower' ? 'Ne visez pas plus bas que' : 'Visez au plus'} ${h.value(p.atBest)} d'ici l'échéance (le meilleur rythme que l'historique a tenu sur ${h.n(p.window)})${later}.`,
        );
      }
      return h.m(
        message,
        `L'historique ne montre aucun progrès dans le bon sens : visez une cible proche de la valeur actuelle (${h.value(p.current)}), ou décrivez l'action nouvelle qui fera bouger l'indicateur et revoyez la cible après 3 périodes.`,
      );
    },
    en: (p, h) => {
      const message = `The target requires ${h.change(p.required, p.kind)} ${h.per}; over ${h.n(p.window)} in a row, the history held at best ${h.change(p.best, p.kind)} ${h.per} (median ${h.change(p.typical, p.kind)}), ${h.gap(p.gap, p.kind)} short of what is needed every ${h.n(1).replace(/^1\s/, '')}${h.assumed}.`;
      if (isNum(p.atBest)) {
        const extra = isNum(p.periodsNeeded) && isNum(p.periods) ? p.periodsNeeded - p.periods : null;
        const later =
          extra !== null && extra > 0
            ? `, or move the deadline about ${h.n(extra)} later to reach ${h.value(p.target)} at that pace`
            : '';
        return h.m(
          message,
          `${p.direction === 'lower' ? 'Aim no lower than' : 'Aim for at most'} ${h.value(p.atBest)} by the deadline (the best pace the history held over ${h.n(p.window)})${later}.`,
        );
      }
      return h.m(
        message,
        `The history shows no progress in the right direction: aim close to the current value (${h.value(p.current)}), or name the new action that will move the indicator and review the target after 3 periods.`,
      );
    },
  },
  // --- Relevant ------------------------------------------------------------------------------
  objective_missing: {
    fr: (_p, h) =>
      h.m(
        `Le KPI n'est rattaché à aucun objectif : c'est une métrique, pas un indicateur clé.`,
        "Rattachez-le à l'objectif qu'il sert, ou retirez-le du tableau de bord.",
      ),
    en: (_p, h) =>
      h.m(
        'The KPI is linked to no objective: it is a metric, not a key indicator.',
        'Link it to the objective it serves, or take it off the dashboard.',
      ),
  },
  objective_mismatch: {
    fr: (p, h) =>
      h.m(
        `L'objectif fourni (${h.q(p.given)}) n'est pas celui du KPI (${h.q(p.objectiveId)}).`,
        'Rattachez le KPI au bon objectif.',
      ),
    en: (p, h) =>
      h.m(
        `The objective given (${h.q(p.given)}) is not the KPI's (${h.q(p.objectiveId)}).`,
        'Link the KPI to the right objective.',
      ),
  },
  too_many_on_objective: {
    fr: (p, h) =>
      h.m(
        `${h.count(p.count)} KPI sur l'objectif ${h.q(p.objective)} : au-delà de ${h.count(p.max)}, on ne sait plus lesquels regarder.`,
        'Gardez les 3 à 5 qui déclenchent une décision et suivez les autres comme simples métriques.',
      ),
    en: (p, h) =>
      h.m(
        `${h.count(p.count)} KPIs on the objective ${h.q(p.objective)}: beyond ${h.count(p.max)}, nobody knows which ones to watch.`,
        'Keep the 3 to 5 that trigger a decision and follow the others as plain metrics.',
      ),
  },
  few_on_objective: {
    fr: (p, h) =>
      h.m(
        `${h.count(p.count)} KPI sur l'objectif ${h.q(p.objective)} pour l'instant : ${h.count(p.min)} à 5 en donnent une vue complète.`,
        '',
      ),
    en: (p, h) =>
      h.m(
        `${h.count(p.count)} KPI${p.count === 1 ? '' : 's'} on the objective ${h.q(p.objective)} so far: ${h.count(p.min)} to 5 give a full picture.`,
        '',
      ),
  },
  count_ok: {
    fr: (p, h) =>
      h.m(`${h.count(p.count)} KPI sur l'objectif ${h.q(p.objective)} : dans la fourchette conseillée de 3 à 5.`, ''),
    en: (p, h) =>
      h.m(`${h.count(p.count)} KPIs on the objective ${h.q(p.objective)}: within the recommended 3 to 5.`, ''),
  },
  too_many_total: {
    fr: (p, h) =>
      h.m(
        `${h.count(p.total)} KPI au total : au-delà de ${h.count(p.max)}, certains ne sont sans doute pas si « clés ».`,
        'Regroupez ou retirez ceux qui ne mènent à aucune décision ; visez 3 à 5 par grand objectif.',
      ),
    en: (p, h) =>
      h.m(
        `${h.count(p.total)} KPIs in all: beyond ${h.count(p.max)}, some are probably not that "key".`,
        'Merge or drop the ones that lead to no decision; aim for 3 to 5 per major objective.',
      ),
  },
  indicator_missing: {
    fr: (_p, h) =>
      h.m(
        "Le type d'indicateur (avancé ou retardé) n'est pas choisi.",
        `Avancé s'il annonce les résultats (visites, leads qualifiés), retardé s'il les constate (chiffre d'affaires, commandes).`,
      ),
    en: (_p, h) =>
      h.m(
        'The indicator type (leading or lagging) is not chosen.',
        'Leading if it predicts results (visits, qualified leads), lagging if it records them (revenue, orders).',
      ),
  },
  indicator_mix: {
    fr: (p, h) =>
      p.kind === 'lagging'
        ? h.m(
            `Les ${h.count(p.count)} KPI de l'objectif ${h.q(p.objective)} sont tous retardés : ils constatent les résultats sans les annoncer.`,
            'Ajoutez un indicateur avancé qui annonce ces résultats (visiteurs du site, leads qualifiés, taux de transformation des prospects).',
          )
        : h.m(
            `Les ${h.count(p.count)} KPI de l'objectif ${h.q(p.objective)} sont tous avancés : rien ne constate le résultat final.`,
            "Ajoutez un indicateur retardé qui mesure le résultat (chiffre d'affaires mensuel, nombre de commandes).",
          ),
    en: (p, h) =>
      p.kind === 'lagging'
        ? h.m(
            `All ${h.count(p.count)} KPIs of the objective ${h.q(p.objective)} are lagging: they record results without predicting them.`,
            'Add a leading indicator that predicts these results (site visitors, qualified leads, prospect conversion rate).',
          )
        : h.m(
            `All ${h.count(p.count)} KPIs of the objective ${h.q(p.objective)} are leading: nothing records the final result.`,
            'Add a lagging indicator that measures the result (monthly revenue, number of orders).',
          ),
  },
  indicator_mix_ok: {
    fr: (p, h) =>
      h.m(
        `L'objectif ${h.q(p.objective)} mêle indicateurs avancés (${h.count(p.leading)}) et retardés (${h.count(p.lagging)}).`,
        '',
      ),
    en: (p, h) =>
      h.m(
        `The objective ${h.q(p.objective)} mixes leading (${h.count(p.leading)}) and lagging (${h.count(p.lagging)}) indicators.`,
        '',
      ),
  },
  // --- Time-bound ----------------------------------------------------------------------------
  deadline_missing: {
    fr: (_p, h) =>
      h.m(
        `Pas d'échéance : la cible ne dit pas quand elle doit être atteinte.`,
        'Fixez une date, par exemple la fin du trimestre.',
      ),
    en: (_p, h) =>
      h.m(
        'No deadline: the target does not say when it must be reached.',
        'Set a date, for example the end of the quarter.',
      ),
  },
  deadline_invalid: {
    fr: (_p, h) => h.m("L'échéance n'est pas une date.", 'Saisissez une date AAAA-MM-JJ, par exemple 2025-12-31.'),
    en: (_p, h) => h.m('The deadline is not a date.', 'Enter a date as YYYY-MM-DD, e.g. 2025-12-31.'),
  },
  deadline_past: {
    fr: (p, h) =>
      h.m(
        `L'échéance (${h.date(p.deadline)}) est déjà passée (nous sommes le ${h.date(p.today)}).`,
        "Fixez une nouvelle échéance dans le futur, ou archivez ce KPI s'il a rempli son rôle.",
      ),
    en: (p, h) =>
      h.m(
        `The deadline (${h.date(p.deadline)}) has already passed (today is ${h.date(p.today)}).`,
        'Set a new deadline in the future, or archive this KPI if it has served its purpose.',
      ),
  },
  today_invalid: {
    fr: (_p, h) =>
      h.m("La date du jour est inconnue : l'échéance n'a pas pu être vérifiée.", 'Relancez la vérification.'),
    en: (_p, h) => h.m("Today's date is unknown: the deadline could not be checked.", 'Run the check again.'),
  },
  frequency_missing: {
    fr: (_p, h) =>
      h.m(
        `Pas de fréquence de suivi : on ne sait pas quand regarder le KPI.`,
        'Choisissez un rythme : chaque jour, semaine, mois ou trimestre.',
      ),
    en: (_p, h) =>
      h.m(
        'No tracking frequency: nobody knows when to look at the KPI.',
        'Choose a rhythm: every day, week, month or quarter.',
      ),
  },
  few_checkins: {
    fr: (p, h) => {
      const n = p.checkins;
      return h.m(
        `Seulement ${h.count(n)} point${n > 1 ? 's' : ''} de suivi (un ${h.per}) d'ici l'échéance (${h.date(p.deadline)}) : trop peu pour corriger le tir.`,
        typeof p.finer === 'string'
          ? `Passez à un suivi ${h.adj(p.finer, 'm')} ou reculez l'échéance pour avoir au moins ${h.count(p.min)} points de suivi.`
          : `Reculez l'échéance pour avoir au moins ${h.count(p.min)} points de suivi.`,
      );
    },
    en: (p, h) => {
      const adj = h.adj(h.frequency);
      const n = p.checkins;
      return h.m(
        `Only ${h.count(n)} ${adj} check-in${n === 1 ? '' : 's'} before the deadline (${h.date(p.deadline)}): too few to correct course.`,
        typeof p.finer === 'string'
          ? `Switch to ${h.adj(p.finer)} tracking or move the deadline to get at least ${h.count(p.min)} check-ins.`
          : `Move the deadline to get at least ${h.count(p.min)} check-ins.`,
      );
    },
  },
  frequency_finer_than_data: {
    fr: (p, h) => {
      const g = p.granularity;
      return h.m(
        `Suivi ${h.adj(h.frequency, 'm')}, mais les données sont ${h.adj(g, 'fp')} : la plupart des points de suivi n'auront pas de nouvelle valeur.`,
        g === 'yearly'
          ? `Alimentez la source au moins une fois par trimestre, ou suivez ce KPI hors de Boussole : une valeur par an ne permet pas de piloter.`
          : `Choisissez une fréquence ${h.adj(g, 'f')} ou plus large, ou alimentez la source plus souvent.`,
      );
    },
    en: (p, h) => {
      const g = p.granularity;
      return h.m(
        `${cap(h.adj(h.frequency))} tracking, but the data are ${h.adj(g)}: most check-ins will have no new value.`,
        g === 'yearly'
          ? 'Feed the source at least once a quarter, or track this KPI outside Boussole: one value a year is too few to steer by.'
          : `Choose a ${h.adj(g)} frequency or coarser, or feed the source more often.`,
      );
    },
  },
  deadline_after_objective: {
    fr: (p, h) =>
      h.m(
        `L'échéance du KPI (${h.date(p.deadline)}) dépasse celle de l'objectif ${h.q(p.objective)} (${h.date(p.horizon)}).`,
        `Ramenez l'échéance au ${h.date(p.horizon)} au plus tard.`,
      ),
    en: (p, h) =>
      h.m(
        `The KPI's deadline (${h.date(p.deadline)}) is after that of the objective ${h.q(p.objective)} (${h.date(p.horizon)}).`,
        `Bring the deadline back to ${h.date(p.horizon)} at the latest.`,
      ),
  },
  timebound_ok: {
    fr: (p, h) =>
      h.m(`Échéance le ${h.date(p.deadline)}, ${h.count(p.checkins)} points de suivi (un ${h.per}) d'ici là.`, ''),
    en: (p, h) =>
      h.m(`Deadline ${h.date(p.deadline)}, ${h.count(p.checkins)} ${h.adj(h.frequency)} check-ins until then.`, ''),
  },
};

/** True for a code the engine can report (e.g. a code read back from JSON). */
const CODES: ReadonlySet<string> = new Set(Object.keys(MESSAGES));
export const isFindingCode = (code: string): code is FindingCode => CODES.has(code);

/** Every finding code, in the table's order (specific → time-bound). */
export const FINDING_CODES: readonly FindingCode[] = Object.keys(MESSAGES).filter(isFindingCode);

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
