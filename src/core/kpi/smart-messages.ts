import type { Lang } from '../i18n/lang';
import {
  formatAuto,
  formatDate,
  formatNumber,
  formatRate,
  formatValue,
  frenchSpacing,
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
  /** French or English text. */
  t: (frText: string, enText: string) => string;
  m: (message: string, fix: string) => Texts;
  /** A no-break space before ":" ";" "?" "!" in French, nothing in English. */
  sp: string;
  /** "par mois" / "per month". */
  per: string;
  /** Said after a rate when the frequency was not chosen. */
  assumed: string;
  value: (x: number | null) => string;
  count: (x: number | null) => string;
  date: (iso: string | null) => string;
  q: (text: string | null) => string;
  /** A change per period: "+8,2 %" (relative), "+3 jours" or "+2 pts" (absolute). */
  change: (x: number | null | undefined, kind: RateKind | undefined) => string;
  /** A shortfall per period, in points (relative) or in the unit (absolute). */
  gap: (x: number | null, kind: RateKind) => string;
}

function helpers(ctx: RenderContext): Helpers {
  const { lang } = ctx;
  const fr = lang === 'fr';
  const t = (frText: string, enText: string): string => (fr ? frText : enText);
  return {
    lang,
    frequency: ctx.frequency,
    t,
    m: (message, fix) => ({ message, fix }),
    sp: fr ? NBSP : '',
    per: perPeriod(ctx.frequency, lang),
    assumed: ctx.frequencyAssumed ? t(' (fréquence mensuelle supposée)', ' (monthly frequency assumed)') : '',
    value: (x) => (isNum(x) ? formatValue(x, ctx.unit, lang, ctx.unitLabel) : '—'),
    count: (x) => (isNum(x) ? formatNumber(x, lang) : '—'),
    date: (iso) => (iso === null ? '—' : formatDate(iso, lang)),
    q: (text) => (text === null ? '—' : quote(text, lang)),
    change: (x, kind) => {
      if (!isNum(x)) return '—';
      if (kind !== 'absolute') return formatRate(x, lang);
      if (ctx.unit === '%') return (x > 0 ? '+' : '') + formatAuto(x * 100, lang) + `${NBSP}pts`;
      return formatValue(x, ctx.unit, lang, ctx.unitLabel, true);
    },
    gap: (x, kind) => {
      if (!isNum(x)) return '—';
      if (kind === 'relative') return `${formatNumber(x * 100, lang, 1)}${NBSP}${t('points', 'points')}`;
      if (ctx.unit === '%') return `${formatAuto(x * 100, lang)}${NBSP}pts`;
      return formatValue(x, ctx.unit, lang, ctx.unitLabel);
    },
  };
}

/** One message (and fix) per finding code: a missing or misspelt code fails to compile. */
type MessageTable = { [C in FindingCode]: (p: FindingParamsByCode[C], h: Helpers) => Texts };

export function renderFinding<C extends FindingCode>(finding: FindingOf<C>, ctx: RenderContext): Texts {
  const texts = MESSAGES[finding.code](finding.params, helpers(ctx));
  return ctx.lang === 'fr' ? { message: frenchSpacing(texts.message), fix: frenchSpacing(texts.fix) } : texts;
}

const MESSAGES: MessageTable = {
  // --- Specific ------------------------------------------------------------------------------
  name_missing: (p, h) =>
    h.m(
      h.t("Le KPI n'a pas de nom.", 'The KPI has no name.'),
      h.t(
        `Donnez-lui un nom court qui dit ce qui est mesuré, par exemple ${h.q('Taux de conversion du site')}.`,
        `Give it a short name that says what is measured, e.g. ${h.q('Website conversion rate')}.`,
      ),
    ),
  name_too_short: (p, h) =>
    h.m(
      h.t(
        `Le nom ${h.q(p.name)} est trop court pour être compris sans vous (${h.count(p.length)} caractères).`,
        `The name ${h.q(p.name)} is too short to be understood without you (${h.count(p.length)} characters).`,
      ),
      h.t(
        `Écrivez ce qui est mesuré en quelques mots${h.sp}: ${h.q('Panier moyen')} plutôt que ${h.q('PM')}.`,
        `Say what is measured in a few words: ${h.q('Average basket')} rather than ${h.q('AB')}.`,
      ),
    ),
  name_too_long: (p, h) =>
    h.m(
      h.t(
        `Le nom fait ${h.count(p.length)} caractères${h.sp}: c'est une phrase, pas un libellé.`,
        `The name is ${h.count(p.length)} characters long: a sentence, not a label.`,
      ),
      h.t(
        `Gardez un nom de ${h.count(p.max)} caractères au plus et mettez le détail dans la définition.`,
        `Keep the name to ${h.count(p.max)} characters at most and put the detail in the definition.`,
      ),
    ),
  definition_missing: (p, h) =>
    h.m(
      h.t(
        `Pas de définition${h.sp}: chacun peut comprendre le nom à sa façon.`,
        'No definition: everyone may read the name their own way.',
      ),
      h.t(
        `Dites ce qui est compté, ce qui est exclu et sur quelle période${h.sp}: ${h.q('Commandes validées hors annulations, par mois')}.`,
        `Say what is counted, what is left out and over which period: ${h.q('Confirmed orders excluding cancellations, per month')}.`,
      ),
    ),
  definition_too_short: (p, h) =>
    h.m(
      h.t(
        `La définition (${h.count(p.words)} mots) ne dit pas assez ce qui est compté ni sur quelle période.`,
        `The definition (${h.count(p.words)} words) does not say enough about what is counted or over which period.`,
      ),
      h.t(
        `Écrivez au moins une phrase de ${h.count(p.min)} mots ou plus${h.sp}: ce qui est compté, ce qui est exclu, la période.`,
        `Write at least one sentence of ${h.count(p.min)} words or more: what is counted, what is left out, the period.`,
      ),
    ),
  definition_repeats_name: (p, h) =>
    h.m(
      h.t(
        `La définition répète le nom ${h.q(p.name)} sans l'expliquer.`,
        `The definition repeats the name ${h.q(p.name)} without explaining it.`,
      ),
      h.t(
        `Expliquez le calcul${h.sp}: par exemple ${h.q("chiffre d'affaires HT divisé par le nombre de transactions du mois")}.`,
        `Explain the calculation: e.g. ${h.q('revenue excluding tax divided by the number of transactions in the month')}.`,
      ),
    ),
  vague_verb: (p, h) =>
    h.m(
      h.t(
        `${h.q(p.verb)} sans chiffre${h.sp}: on ne sait ni de combien, ni quand ce sera réussi.`,
        `${h.q(p.verb)} without a figure: nobody can tell by how much, or when it has succeeded.`,
      ),
      h.t(
        `Nommez la mesure (${h.q('Trafic organique mensuel')}) et mettez le chiffre dans la cible, ou écrivez-le${h.sp}: ${h.q('atteindre 100 000 visites par mois')}.`,
        `Name the measure (${h.q('Monthly organic traffic')}) and put the figure in the target, or write it: ${h.q('reach 100,000 visits a month')}.`,
      ),
    ),
  unit_missing: (p, h) =>
    h.m(
      h.t(
        `L'unité n'est pas choisie${h.sp}: 1${NBSP}250, ce sont des euros, des clients, des jours${h.sp}?`,
        'No unit chosen: is 1,250 euros, customers or days?',
      ),
      h.t(
        "Choisissez l'unité : €, %, nombre, jours, heures, ratio, score ou autre (avec un libellé).",
        'Choose the unit: €, %, count, days, hours, ratio, score or other (with a label).',
      ),
    ),
  unit_label_missing: (p, h) =>
    h.m(
      h.t(
        `Unité ${h.q('autre')} sans libellé${h.sp}: le lecteur ne saura pas ce qui est compté.`,
        `Unit ${h.q('other')} without a label: readers won't know what is counted.`,
      ),
      h.t(
        `Écrivez le libellé de l'unité, par exemple ${h.q('visites')} ou ${h.q('tickets')}.`,
        `Write the unit's label, e.g. ${h.q('visits')} or ${h.q('tickets')}.`,
      ),
    ),
  direction_missing: (p, h) =>
    h.m(
      h.t(
        `Le sens n'est pas choisi${h.sp}: Boussole ne peut pas dire si une hausse est une bonne nouvelle.`,
        'No direction chosen: Boussole cannot tell whether a rise is good news.',
      ),
      h.t(
        `Indiquez si plus haut est mieux (chiffre d'affaires) ou si plus bas est mieux (délai, coût).`,
        'Say whether higher is better (revenue) or lower is better (delay, cost).',
      ),
    ),
  specific_ok: (p, h) =>
    h.m(
      h.t(
        `${h.q(p.name)} a un nom, une définition, une unité et un sens clairs.`,
        `${h.q(p.name)} has a clear name, definition, unit and direction.`,
      ),
      '',
    ),

  // --- Measurable ----------------------------------------------------------------------------
  source_missing: (p, h) =>
    h.m(
      h.t(
        `Aucune source${h.sp}: Boussole ne sait pas où lire les valeurs.`,
        'No source: Boussole does not know where to read the values.',
      ),
      h.t(
        `Sélectionnez la cellule ou la plage des valeurs, avec le nom de l'onglet${h.sp}: 'Ventes'!B2:B25.`,
        "Select the cell or range holding the values, with the sheet name: 'Sales'!B2:B25.",
      ),
    ),
  source_invalid: (p, h) =>
    h.m(
      h.t(`${h.q(p.ref)} n'est pas une référence A1 valide.`, `${h.q(p.ref)} is not a valid A1 reference.`),
      h.t(
        `Écrivez l'onglet puis la plage${h.sp}: 'Ventes 2024'!B2:B25 (apostrophes autour d'un nom avec espaces, apostrophe interne doublée${h.sp}: 'L''été'!A1).`,
        "Write the sheet then the range: 'Sales 2024'!B2:B25 (single quotes around a name with spaces, an inner quote doubled: 'Q''s'!A1).",
      ),
    ),
  data_not_read: (p, h) =>
    h.m(
      h.t(
        `Les valeurs de ${h.q(p.ref)} n'ont pas été lues${h.sp}: rien ne montre encore qu'elles sont chiffrées.`,
        `The values of ${h.q(p.ref)} have not been read: nothing shows yet that they are numbers.`,
      ),
      h.t(
        "Vérifiez que l'onglet et la plage existent, puis relancez la vérification.",
        'Check that the sheet and range exist, then run the check again.',
      ),
    ),
  no_numbers: (p, h) =>
    h.m(
      h.t(
        `La source ne contient aucun nombre (${h.count(p.cells)} cellules${h.sp}: ${h.count(p.blanks)} vides, ${h.count(p.texts)} textes${p.sample ? `, p.${NBSP}ex. ${h.q(p.sample)}` : ''}).`,
        `The source holds no number (${h.count(p.cells)} cells: ${h.count(p.blanks)} blank, ${h.count(p.texts)} text${p.sample ? `, e.g. ${h.q(p.sample)}` : ''}).`,
      ),
      h.t(
        'Pointez vers la plage des valeurs chiffrées, ou saisissez-les comme nombres (sans texte autour).',
        'Point to the range holding the figures, or enter them as numbers (no text around them).',
      ),
    ),
  has_text: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.texts)} cellules sur ${h.count(p.cells)} contiennent du texte et non un nombre (p.${NBSP}ex. ${h.q(p.sample)})${h.sp}: elles seront ignorées. ${h.count(p.numbers)} nombres lus, dernière valeur ${h.value(p.latest)}.`,
        `${h.count(p.texts)} of ${h.count(p.cells)} cells hold text, not a number (e.g. ${h.q(p.sample)}): they will be skipped. ${h.count(p.numbers)} numbers read, latest value ${h.value(p.latest)}.`,
      ),
      h.t(
        'Remplacez-les par des nombres, ou videz-les si la valeur est inconnue.',
        'Replace them with numbers, or clear them if the value is unknown.',
      ),
    ),
  data_ok: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.numbers)} valeurs chiffrées lues sur ${h.count(p.cells)} cellules${p.blanks > 0 ? ` (${h.count(p.blanks)} vides ignorées)` : ''}${h.sp}; dernière valeur${h.sp}: ${h.value(p.latest)}.`,
        `${h.count(p.numbers)} numbers read from ${h.count(p.cells)} cells${p.blanks > 0 ? ` (${h.count(p.blanks)} blanks skipped)` : ''}; latest value: ${h.value(p.latest)}.`,
      ),
      '',
    ),
  dates_unusable: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.undated)} valeurs sur ${h.count(p.numbers)} n'ont pas de date valide${h.sp}: les dates sont ignorées et chaque valeur compte pour une période.`,
        `${h.count(p.undated)} of ${h.count(p.numbers)} values have no valid date: the dates are ignored and each value counts as one period.`,
      ),
      h.t(
        'Complétez la plage des dates (une vraie date par valeur) ou retirez-la.',
        'Complete the dates range (a real date for every value) or remove it.',
      ),
    ),
  target_missing: (p, h) =>
    h.m(
      h.t(
        `Pas de cible chiffrée${h.sp}: impossible de dire si le KPI est atteint.`,
        'No numeric target: there is no telling whether the KPI is met.',
      ),
      h.t(
        "Saisissez la valeur à atteindre à l'échéance, dans l'unité du KPI.",
        "Enter the value to reach by the deadline, in the KPI's unit.",
      ),
    ),
  target_not_number: (p, h) =>
    h.m(
      h.t("La cible n'est pas un nombre.", 'The target is not a number.'),
      h.t(
        "Saisissez la valeur à atteindre à l'échéance, sans texte autour.",
        'Enter the value to reach by the deadline, without text around it.',
      ),
    ),
  target_scale: (p, h) =>
    h.m(
      h.t(
        `La cible vaut ${formatAuto(p.target, h.lang)}, soit ${h.value(p.target)}, alors que la source contient des fractions (dernière valeur ${h.value(p.latest)}).`,
        `The target is ${formatAuto(p.target, h.lang)}, i.e. ${h.value(p.target)}, while the source holds fractions (latest value ${h.value(p.latest)}).`,
      ),
      h.t(
        `Pour viser ${h.value(p.suggested)}, saisissez ${h.value(p.suggested)} ou ${formatAuto(p.suggested, h.lang)}.`,
        `To aim for ${h.value(p.suggested)}, enter ${h.value(p.suggested)} or ${formatAuto(p.suggested, h.lang)}.`,
      ),
    ),
  baseline_from_data: (p, h) =>
    h.m(
      h.t(
        `Pas de valeur de départ saisie${h.sp}: la dernière valeur de la source (${h.value(p.latest)}) sert de point de départ.`,
        'No baseline entered: the latest value of the source (' +
          h.value(p.latest) +
          ') is used as the starting point.',
      ),
      '',
    ),
  baseline_missing: (p, h) =>
    h.m(
      h.t(
        `Pas de valeur de départ, et la source n'en fournit pas.`,
        'No baseline, and the source does not provide one.',
      ),
      h.t(
        'Saisissez la valeur actuelle du KPI comme point de départ.',
        "Enter the KPI's current value as the starting point.",
      ),
    ),

  // --- Achievable ----------------------------------------------------------------------------
  achievable_no_target: (p, h) =>
    h.m(
      h.t(
        `Sans cible chiffrée, impossible de juger si l'objectif est réaliste.`,
        'Without a numeric target, there is no judging whether it is realistic.',
      ),
      h.t(
        'Saisissez une cible : Boussole la comparera au rythme de votre historique.',
        'Enter a target: Boussole will compare it with the pace of your history.',
      ),
    ),
  achievable_no_history: (p, h) =>
    h.m(
      (isNum(p.numbers) && isNum(p.values) && p.numbers > p.values
        ? h.t(
            `Pas encore assez d'historique${h.sp}: les ${h.count(p.numbers)} valeurs couvrent ${periodCount(p.values, h.frequency, h.lang)} seulement, il en faut au moins ${periodCount(p.min, h.frequency, h.lang)} pour connaître votre rythme habituel.`,
            `Not enough history yet: the ${h.count(p.numbers)} values cover only ${periodCount(p.values, h.frequency, h.lang)}, and at least ${periodCount(p.min, h.frequency, h.lang)} are needed to know your usual pace.`,
          )
        : h.t(
            `Pas encore d'historique${h.sp}: ${h.count(p.values)} valeur${p.values > 1 ? 's' : ''} seulement, il en faut au moins ${h.count(p.min)} pour connaître votre rythme habituel.`,
            `No history yet: only ${h.count(p.values)} value${p.values === 1 ? '' : 's'}, and at least ${h.count(p.min)} are needed to know your usual pace.`,
          )) +
        (isNum(p.required)
          ? h.t(
              ` La cible demande ${h.change(p.required, p.kind)} ${h.per}${h.assumed}.`,
              ` The target requires ${h.change(p.required, p.kind)} ${h.per}${h.assumed}.`,
            )
          : ''),
      h.t(
        `Ajoutez les valeurs passées à la source (une par période)${h.sp}; sinon Boussole archive une valeur à chaque période et jugera la cible dès qu'il en aura ${h.count(p.min)}.`,
        `Add past values to the source (one per period); otherwise Boussole archives a value every period and will judge the target once it has ${h.count(p.min)}.`,
      ),
    ),
  achievable_already_met: (p, h) => {
    const better = p.direction === 'lower' ? h.t('en dessous de', 'below') : h.t('au-delà de', 'beyond');
    return h.m(
      h.t(
        `La valeur actuelle (${h.value(p.current)}) atteint déjà la cible (${h.value(p.target)})${h.sp}: la cible n'est pas ambitieuse.`,
        `The current value (${h.value(p.current)}) already meets the target (${h.value(p.target)}): the target is not ambitious.`,
      ),
      isNum(p.suggested)
        ? h.t(
            `Fixez une cible ${better} ${h.value(p.current)}, par exemple ${h.value(p.suggested)} (votre rythme médian prolongé jusqu'à l'échéance).`,
            `Set a target ${better} ${h.value(p.current)}, e.g. ${h.value(p.suggested)} (your median pace carried to the deadline).`,
          )
        : h.t(
            `Fixez une cible ${better} la valeur actuelle (${h.value(p.current)}).`,
            `Set a target ${better} the current value (${h.value(p.current)}).`,
          ),
    );
  },
  achievable_no_deadline: (p, h) =>
    h.m(
      h.t(
        `Sans échéance valide, le rythme demandé par la cible ne peut pas être calculé.`,
        'Without a valid deadline, the pace the target requires cannot be computed.',
      ),
      h.t("Fixez l'échéance (voir « Temporel »).", 'Set the deadline (see "Time-bound").'),
    ),
  achievable_no_time: (p, h) =>
    h.m(
      h.t(
        `Aucune période complète entre la dernière valeur (${h.date(p.from)}) et l'échéance (${h.date(p.deadline)})${h.sp}: le rythme demandé ne peut pas être calculé.`,
        `No full period between the latest value (${h.date(p.from)}) and the deadline (${h.date(p.deadline)}): the required pace cannot be computed.`,
      ),
      h.t(
        `Choisissez une échéance au moins une période plus tard (${periodCount(1, h.frequency, h.lang)}), ou une fréquence plus fine.`,
        `Choose a deadline at least one period later (${periodCount(1, h.frequency, h.lang)}), or a finer frequency.`,
      ),
    ),
  achievable_ok: (p, h) =>
    h.m(
      h.t(
        `La cible demande ${h.change(p.required, p.kind)} ${h.per} sur ${periodCount(p.periods, h.frequency, h.lang)}${h.sp}; l'historique montre ${h.change(p.typical, p.kind)} ${h.per} en médiane (au mieux ${h.change(p.best, p.kind)})${h.assumed}.`,
        `The target requires ${h.change(p.required, p.kind)} ${h.per} over ${periodCount(p.periods, h.frequency, h.lang)}; the history shows ${h.change(p.typical, p.kind)} ${h.per} as a median (at best ${h.change(p.best, p.kind)})${h.assumed}.`,
      ),
      '',
    ),
  achievable_stretch: (p, h) =>
    h.m(
      h.t(
        `La cible demande ${h.change(p.required, p.kind)} ${h.per}${h.sp}: plus que votre rythme médian (${h.change(p.typical, p.kind)}), atteint seulement dans vos meilleures périodes (au mieux ${h.change(p.best, p.kind)})${h.assumed}.`,
        `The target requires ${h.change(p.required, p.kind)} ${h.per}: more than your median pace (${h.change(p.typical, p.kind)}), reached only in your best periods (at best ${h.change(p.best, p.kind)})${h.assumed}.`,
      ),
      isNum(p.atTypical)
        ? h.t(
            `Visez ${h.value(p.atTypical)} pour rester à votre rythme médian, ou prévoyez les actions qui rendront vos meilleures périodes habituelles.`,
            `Aim for ${h.value(p.atTypical)} to stay at your median pace, or plan the actions that will make your best periods the norm.`,
          )
        : h.t(
            'Prévoyez les actions qui rendront vos meilleures périodes habituelles, ou revoyez la cible à la baisse.',
            'Plan the actions that will make your best periods the norm, or lower your ambition.',
          ),
    ),
  achievable_beyond_best: (p, h) => {
    const message = h.t(
      `La cible demande ${h.change(p.required, p.kind)} ${h.per}${h.sp}; l'historique montre au mieux ${h.change(p.best, p.kind)} ${h.per} (médiane ${h.change(p.typical, p.kind)}), soit ${h.gap(p.gap, p.kind)} de moins que nécessaire chaque ${periodCount(1, h.frequency, h.lang).replace(/^1\s/, '')}${h.assumed}.`,
      `The target requires ${h.change(p.required, p.kind)} ${h.per}; the history shows at best ${h.change(p.best, p.kind)} ${h.per} (median ${h.change(p.typical, p.kind)}), ${h.gap(p.gap, p.kind)} short of what is needed every ${periodCount(1, h.frequency, h.lang).replace(/^1\s/, '')}${h.assumed}.`,
    );
    if (isNum(p.atBest)) {
      const extra = isNum(p.periodsNeeded) && isNum(p.periods) ? p.periodsNeeded - p.periods : null;
      const later =
        extra !== null && extra > 0
          ? h.t(
              `, ou repoussez l'échéance d'environ ${periodCount(extra, h.frequency, h.lang)} pour atteindre ${h.value(p.target)} à ce rythme`,
              `, or move the deadline about ${periodCount(extra, h.frequency, h.lang)} later to reach ${h.value(p.target)} at that pace`,
            )
          : '';
      return h.m(
        message,
        h.t(
          `Visez au plus ${h.value(p.atBest)} d'ici l'échéance (votre meilleur rythme tenu à chaque période)${later}.`,
          `Aim for at most ${h.value(p.atBest)} by the deadline (your best pace held every period)${later}.`,
        ),
      );
    }
    return h.m(
      message,
      h.t(
        `L'historique ne montre aucun progrès dans le bon sens${h.sp}: visez une cible proche de la valeur actuelle (${h.value(p.current)}), ou décrivez l'action nouvelle qui fera bouger l'indicateur et revoyez la cible après 3 périodes.`,
        `The history shows no progress in the right direction: aim close to the current value (${h.value(p.current)}), or name the new action that will move the indicator and review the target after 3 periods.`,
      ),
    );
  },

  // --- Relevant ------------------------------------------------------------------------------
  objective_missing: (p, h) =>
    h.m(
      h.t(
        `Le KPI n'est rattaché à aucun objectif${h.sp}: c'est une métrique, pas un indicateur clé.`,
        'The KPI is linked to no objective: it is a metric, not a key indicator.',
      ),
      h.t(
        "Rattachez-le à l'objectif qu'il sert, ou retirez-le du tableau de bord.",
        'Link it to the objective it serves, or take it off the dashboard.',
      ),
    ),
  objective_mismatch: (p, h) =>
    h.m(
      h.t(
        `L'objectif fourni (${h.q(p.given)}) n'est pas celui du KPI (${h.q(p.objectiveId)}).`,
        `The objective given (${h.q(p.given)}) is not the KPI's (${h.q(p.objectiveId)}).`,
      ),
      h.t('Rattachez le KPI au bon objectif.', 'Link the KPI to the right objective.'),
    ),
  too_many_on_objective: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.count)} KPI sur l'objectif ${h.q(p.objective)}${h.sp}: au-delà de ${h.count(p.max)}, on ne sait plus lesquels regarder.`,
        `${h.count(p.count)} KPIs on the objective ${h.q(p.objective)}: beyond ${h.count(p.max)}, nobody knows which ones to watch.`,
      ),
      h.t(
        'Gardez les 3 à 5 qui déclenchent une décision et suivez les autres comme simples métriques.',
        'Keep the 3 to 5 that trigger a decision and follow the others as plain metrics.',
      ),
    ),
  few_on_objective: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.count)} KPI sur l'objectif ${h.q(p.objective)} pour l'instant${h.sp}: ${h.count(p.min)} à 5 en donnent une vue complète.`,
        `${h.count(p.count)} KPI${p.count === 1 ? '' : 's'} on the objective ${h.q(p.objective)} so far: ${h.count(p.min)} to 5 give a full picture.`,
      ),
      '',
    ),
  count_ok: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.count)} KPI sur l'objectif ${h.q(p.objective)}${h.sp}: dans la fourchette conseillée de 3 à 5.`,
        `${h.count(p.count)} KPIs on the objective ${h.q(p.objective)}: within the recommended 3 to 5.`,
      ),
      '',
    ),
  too_many_total: (p, h) =>
    h.m(
      h.t(
        `${h.count(p.total)} KPI au total${h.sp}: au-delà de ${h.count(p.max)}, certains ne sont sans doute pas si « clés ».`,
        `${h.count(p.total)} KPIs in all: beyond ${h.count(p.max)}, some are probably not that "key".`,
      ),
      h.t(
        'Regroupez ou retirez ceux qui ne mènent à aucune décision ; visez 3 à 5 par grand objectif.',
        'Merge or drop the ones that lead to no decision; aim for 3 to 5 per major objective.',
      ),
    ),
  indicator_missing: (p, h) =>
    h.m(
      h.t(
        "Le type d'indicateur (avancé ou retardé) n'est pas choisi.",
        'The indicator type (leading or lagging) is not chosen.',
      ),
      h.t(
        `Avancé s'il annonce les résultats (visites, leads qualifiés), retardé s'il les constate (chiffre d'affaires, commandes).`,
        'Leading if it predicts results (visits, qualified leads), lagging if it records them (revenue, orders).',
      ),
    ),
  indicator_mix: (p, h) =>
    p.kind === 'lagging'
      ? h.m(
          h.t(
            `Les ${h.count(p.count)} KPI de l'objectif ${h.q(p.objective)} sont tous retardés${h.sp}: ils constatent les résultats sans les annoncer.`,
            `All ${h.count(p.count)} KPIs of the objective ${h.q(p.objective)} are lagging: they record results without predicting them.`,
          ),
          h.t(
            'Ajoutez un indicateur avancé qui annonce ces résultats (visiteurs du site, leads qualifiés, taux de transformation des prospects).',
            'Add a leading indicator that predicts these results (site visitors, qualified leads, prospect conversion rate).',
          ),
        )
      : h.m(
          h.t(
            `Les ${h.count(p.count)} KPI de l'objectif ${h.q(p.objective)} sont tous avancés${h.sp}: rien ne constate le résultat final.`,
            `All ${h.count(p.count)} KPIs of the objective ${h.q(p.objective)} are leading: nothing records the final result.`,
          ),
          h.t(
            "Ajoutez un indicateur retardé qui mesure le résultat (chiffre d'affaires mensuel, nombre de commandes).",
            'Add a lagging indicator that measures the result (monthly revenue, number of orders).',
          ),
        ),
  indicator_mix_ok: (p, h) =>
    h.m(
      h.t(
        `L'objectif ${h.q(p.objective)} mêle indicateurs avancés (${h.count(p.leading)}) et retardés (${h.count(p.lagging)}).`,
        `The objective ${h.q(p.objective)} mixes leading (${h.count(p.leading)}) and lagging (${h.count(p.lagging)}) indicators.`,
      ),
      '',
    ),

  // --- Time-bound ----------------------------------------------------------------------------
  deadline_missing: (p, h) =>
    h.m(
      h.t(
        `Pas d'échéance${h.sp}: la cible ne dit pas quand elle doit être atteinte.`,
        'No deadline: the target does not say when it must be reached.',
      ),
      h.t('Fixez une date, par exemple la fin du trimestre.', 'Set a date, for example the end of the quarter.'),
    ),
  deadline_invalid: (p, h) =>
    h.m(
      h.t("L'échéance n'est pas une date.", 'The deadline is not a date.'),
      h.t('Saisissez une date AAAA-MM-JJ, par exemple 2025-12-31.', 'Enter a date as YYYY-MM-DD, e.g. 2025-12-31.'),
    ),
  deadline_past: (p, h) =>
    h.m(
      h.t(
        `L'échéance (${h.date(p.deadline)}) est déjà passée (nous sommes le ${h.date(p.today)}).`,
        `The deadline (${h.date(p.deadline)}) has already passed (today is ${h.date(p.today)}).`,
      ),
      h.t(
        "Fixez une nouvelle échéance dans le futur, ou archivez ce KPI s'il a rempli son rôle.",
        'Set a new deadline in the future, or archive this KPI if it has served its purpose.',
      ),
    ),
  today_invalid: (p, h) =>
    h.m(
      h.t(
        "La date du jour est inconnue : l'échéance n'a pas pu être vérifiée.",
        "Today's date is unknown: the deadline could not be checked.",
      ),
      h.t('Relancez la vérification.', 'Run the check again.'),
    ),
  frequency_missing: (p, h) =>
    h.m(
      h.t(
        `Pas de fréquence de suivi${h.sp}: on ne sait pas quand regarder le KPI.`,
        'No tracking frequency: nobody knows when to look at the KPI.',
      ),
      h.t(
        'Choisissez un rythme : chaque jour, semaine, mois ou trimestre.',
        'Choose a rhythm: every day, week, month or quarter.',
      ),
    ),
  few_checkins: (p, h) => {
    const adj = frequencyAdjective(h.frequency, h.lang);
    const n = p.checkins;
    return h.m(
      h.t(
        `Seulement ${h.count(n)} point${n > 1 ? 's' : ''} de suivi (un ${h.per}) d'ici l'échéance (${h.date(p.deadline)})${h.sp}: trop peu pour corriger le tir.`,
        `Only ${h.count(n)} ${adj} check-in${n === 1 ? '' : 's'} before the deadline (${h.date(p.deadline)}): too few to correct course.`,
      ),
      typeof p.finer === 'string'
        ? h.t(
            `Passez à un suivi ${frequencyAdjective(p.finer, h.lang, 'm')} ou reculez l'échéance pour avoir au moins ${h.count(p.min)} points de suivi.`,
            `Switch to ${frequencyAdjective(p.finer, h.lang)} tracking or move the deadline to get at least ${h.count(p.min)} check-ins.`,
          )
        : h.t(
            `Reculez l'échéance pour avoir au moins ${h.count(p.min)} points de suivi.`,
            `Move the deadline to get at least ${h.count(p.min)} check-ins.`,
          ),
    );
  },
  frequency_finer_than_data: (p, h) => {
    const g = p.granularity;
    return h.m(
      h.t(
        `Suivi ${frequencyAdjective(h.frequency, h.lang, 'm')}, mais les données sont ${frequencyAdjective(g, h.lang, 'fp')}${h.sp}: la plupart des points de suivi n'auront pas de nouvelle valeur.`,
        `${cap(frequencyAdjective(h.frequency, h.lang))} tracking, but the data are ${frequencyAdjective(g, h.lang)}: most check-ins will have no new value.`,
      ),
      g === 'yearly'
        ? h.t(
            `Alimentez la source au moins une fois par trimestre, ou suivez ce KPI hors de Boussole${h.sp}: une valeur par an ne permet pas de piloter.`,
            'Feed the source at least once a quarter, or track this KPI outside Boussole: one value a year is too few to steer by.',
          )
        : h.t(
            `Choisissez une fréquence ${frequencyAdjective(g, h.lang, 'f')} ou plus large, ou alimentez la source plus souvent.`,
            `Choose a ${frequencyAdjective(g, h.lang)} frequency or coarser, or feed the source more often.`,
          ),
    );
  },
  deadline_after_objective: (p, h) =>
    h.m(
      h.t(
        `L'échéance du KPI (${h.date(p.deadline)}) dépasse celle de l'objectif ${h.q(p.objective)} (${h.date(p.horizon)}).`,
        `The KPI's deadline (${h.date(p.deadline)}) is after that of the objective ${h.q(p.objective)} (${h.date(p.horizon)}).`,
      ),
      h.t(
        `Ramenez l'échéance au ${h.date(p.horizon)} au plus tard.`,
        `Bring the deadline back to ${h.date(p.horizon)} at the latest.`,
      ),
    ),
  timebound_ok: (p, h) =>
    h.m(
      h.t(
        `Échéance le ${h.date(p.deadline)}, ${h.count(p.checkins)} points de suivi (un ${h.per}) d'ici là.`,
        `Deadline ${h.date(p.deadline)}, ${h.count(p.checkins)} ${frequencyAdjective(h.frequency, h.lang)} check-ins until then.`,
      ),
      '',
    ),
};

/** True for a code the engine can report (e.g. a code read back from JSON). */
export const isFindingCode = (code: string): code is FindingCode =>
  Object.prototype.hasOwnProperty.call(MESSAGES, code);

/** Every finding code, in the table's order (specific → time-bound). */
export const FINDING_CODES: readonly FindingCode[] = Object.keys(MESSAGES).filter(isFindingCode);

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
