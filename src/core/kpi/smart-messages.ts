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
import type { FindingParams } from './smart';

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

export function renderFinding(code: string, p: FindingParams, ctx: RenderContext): Texts {
  const texts = render(code, p, ctx);
  return ctx.lang === 'fr' ? { message: frenchSpacing(texts.message), fix: frenchSpacing(texts.fix) } : texts;
}

function render(code: string, p: FindingParams, ctx: RenderContext): Texts {
  const { lang } = ctx;
  const fr = lang === 'fr';
  const t = (frText: string, enText: string): string => (fr ? frText : enText);
  const sp = fr ? NBSP : ''; // before ":" ";" "?" "!" in French
  const value = (x: unknown): string => (isNum(x) ? formatValue(x, ctx.unit, lang, ctx.unitLabel) : '—');
  const count = (x: unknown): string => (isNum(x) ? formatNumber(x, lang) : '—');
  const date = (x: unknown): string => (typeof x === 'string' ? formatDate(x, lang) : '—');
  const q = (x: unknown): string => quote(typeof x === 'string' ? x : String(x ?? ''), lang);
  const per = perPeriod(ctx.frequency, lang);
  const kind = p.kind === 'absolute' ? 'absolute' : 'relative';
  /** A change per period: "+8,2 %" (relative), "+3 jours" or "+2 pts" (absolute). */
  const change = (x: unknown): string => {
    if (!isNum(x)) return '—';
    if (kind === 'relative') return formatRate(x, lang);
    if (ctx.unit === '%') return (x > 0 ? '+' : '') + formatAuto(x * 100, lang) + `${NBSP}pts`;
    return formatValue(x, ctx.unit, lang, ctx.unitLabel, true);
  };
  const gap = (x: unknown): string => {
    if (!isNum(x)) return '—';
    if (kind === 'relative') return `${formatNumber(x * 100, lang, 1)}${NBSP}${t('points', 'points')}`;
    if (ctx.unit === '%') return `${formatAuto(x * 100, lang)}${NBSP}pts`;
    return formatValue(x, ctx.unit, lang, ctx.unitLabel);
  };
  const assumed = ctx.frequencyAssumed ? t(' (fréquence mensuelle supposée)', ' (monthly frequency assumed)') : '';
  const m = (message: string, fix: string): Texts => ({ message, fix });

  switch (code) {
    // --- Specific ------------------------------------------------------------------------------
    case 'name_missing':
      return m(
        t("Le KPI n'a pas de nom.", 'The KPI has no name.'),
        t(
          `Donnez-lui un nom court qui dit ce qui est mesuré, par exemple ${q('Taux de conversion du site')}.`,
          `Give it a short name that says what is measured, e.g. ${q('Website conversion rate')}.`,
        ),
      );
    case 'name_too_short':
      return m(
        t(
          `Le nom ${q(p.name)} est trop court pour être compris sans vous (${count(p.length)} caractères).`,
          `The name ${q(p.name)} is too short to be understood without you (${count(p.length)} characters).`,
        ),
        t(
          `Écrivez ce qui est mesuré en quelques mots${sp}: ${q('Panier moyen')} plutôt que ${q('PM')}.`,
          `Say what is measured in a few words: ${q('Average basket')} rather than ${q('AB')}.`,
        ),
      );
    case 'name_too_long':
      return m(
        t(
          `Le nom fait ${count(p.length)} caractères${sp}: c'est une phrase, pas un libellé.`,
          `The name is ${count(p.length)} characters long: a sentence, not a label.`,
        ),
        t(
          `Gardez un nom de ${count(p.max)} caractères au plus et mettez le détail dans la définition.`,
          `Keep the name to ${count(p.max)} characters at most and put the detail in the definition.`,
        ),
      );
    case 'definition_missing':
      return m(
        t(
          `Pas de définition${sp}: chacun peut comprendre le nom à sa façon.`,
          'No definition: everyone may read the name their own way.',
        ),
        t(
          `Dites ce qui est compté, ce qui est exclu et sur quelle période${sp}: ${q('Commandes validées hors annulations, par mois')}.`,
          `Say what is counted, what is left out and over which period: ${q('Confirmed orders excluding cancellations, per month')}.`,
        ),
      );
    case 'definition_too_short':
      return m(
        t(
          `La définition (${count(p.words)} mots) ne dit pas assez ce qui est compté ni sur quelle période.`,
          `The definition (${count(p.words)} words) does not say enough about what is counted or over which period.`,
        ),
        t(
          `Écrivez au moins une phrase de ${count(p.min)} mots ou plus${sp}: ce qui est compté, ce qui est exclu, la période.`,
          `Write at least one sentence of ${count(p.min)} words or more: what is counted, what is left out, the period.`,
        ),
      );
    case 'definition_repeats_name':
      return m(
        t(
          `La définition répète le nom ${q(p.name)} sans l'expliquer.`,
          `The definition repeats the name ${q(p.name)} without explaining it.`,
        ),
        t(
          `Expliquez le calcul${sp}: par exemple ${q("chiffre d'affaires HT divisé par le nombre de transactions du mois")}.`,
          `Explain the calculation: e.g. ${q('revenue excluding tax divided by the number of transactions in the month')}.`,
        ),
      );
    case 'vague_verb':
      return m(
        t(
          `${q(p.verb)} sans chiffre${sp}: on ne sait ni de combien, ni quand ce sera réussi.`,
          `${q(p.verb)} without a figure: nobody can tell by how much, or when it has succeeded.`,
        ),
        t(
          `Nommez la mesure (${q('Trafic organique mensuel')}) et mettez le chiffre dans la cible, ou écrivez-le${sp}: ${q('atteindre 100 000 visites par mois')}.`,
          `Name the measure (${q('Monthly organic traffic')}) and put the figure in the target, or write it: ${q('reach 100,000 visits a month')}.`,
        ),
      );
    case 'unit_missing':
      return m(
        t(
          `L'unité n'est pas choisie${sp}: 1${NBSP}250, ce sont des euros, des clients, des jours${sp}?`,
          'No unit chosen: is 1,250 euros, customers or days?',
        ),
        t(
          "Choisissez l'unité : €, %, nombre, jours, heures, ratio, score ou autre (avec un libellé).",
          'Choose the unit: €, %, count, days, hours, ratio, score or other (with a label).',
        ),
      );
    case 'unit_label_missing':
      return m(
        t(
          `Unité ${q('autre')} sans libellé${sp}: le lecteur ne saura pas ce qui est compté.`,
          `Unit ${q('other')} without a label: readers won't know what is counted.`,
        ),
        t(
          `Écrivez le libellé de l'unité, par exemple ${q('visites')} ou ${q('tickets')}.`,
          `Write the unit's label, e.g. ${q('visits')} or ${q('tickets')}.`,
        ),
      );
    case 'direction_missing':
      return m(
        t(
          `Le sens n'est pas choisi${sp}: Boussole ne peut pas dire si une hausse est une bonne nouvelle.`,
          'No direction chosen: Boussole cannot tell whether a rise is good news.',
        ),
        t(
          `Indiquez si plus haut est mieux (chiffre d'affaires) ou si plus bas est mieux (délai, coût).`,
          'Say whether higher is better (revenue) or lower is better (delay, cost).',
        ),
      );
    case 'specific_ok':
      return m(
        t(
          `${q(p.name)} a un nom, une définition, une unité et un sens clairs.`,
          `${q(p.name)} has a clear name, definition, unit and direction.`,
        ),
        '',
      );

    // --- Measurable ----------------------------------------------------------------------------
    case 'source_missing':
      return m(
        t(
          `Aucune source${sp}: Boussole ne sait pas où lire les valeurs.`,
          'No source: Boussole does not know where to read the values.',
        ),
        t(
          `Sélectionnez la cellule ou la plage des valeurs, avec le nom de l'onglet${sp}: 'Ventes'!B2:B25.`,
          "Select the cell or range holding the values, with the sheet name: 'Sales'!B2:B25.",
        ),
      );
    case 'source_invalid':
      return m(
        t(`${q(p.ref)} n'est pas une référence A1 valide.`, `${q(p.ref)} is not a valid A1 reference.`),
        t(
          `Écrivez l'onglet puis la plage${sp}: 'Ventes 2024'!B2:B25 (apostrophes autour d'un nom avec espaces, apostrophe interne doublée${sp}: 'L''été'!A1).`,
          "Write the sheet then the range: 'Sales 2024'!B2:B25 (single quotes around a name with spaces, an inner quote doubled: 'Q''s'!A1).",
        ),
      );
    case 'data_not_read':
      return m(
        t(
          `Les valeurs de ${q(p.ref)} n'ont pas été lues${sp}: rien ne montre encore qu'elles sont chiffrées.`,
          `The values of ${q(p.ref)} have not been read: nothing shows yet that they are numbers.`,
        ),
        t(
          "Vérifiez que l'onglet et la plage existent, puis relancez la vérification.",
          'Check that the sheet and range exist, then run the check again.',
        ),
      );
    case 'no_numbers':
      return m(
        t(
          `La source ne contient aucun nombre (${count(p.cells)} cellules${sp}: ${count(p.blanks)} vides, ${count(p.texts)} textes${p.sample ? `, p.${NBSP}ex. ${q(p.sample)}` : ''}).`,
          `The source holds no number (${count(p.cells)} cells: ${count(p.blanks)} blank, ${count(p.texts)} text${p.sample ? `, e.g. ${q(p.sample)}` : ''}).`,
        ),
        t(
          'Pointez vers la plage des valeurs chiffrées, ou saisissez-les comme nombres (sans texte autour).',
          'Point to the range holding the figures, or enter them as numbers (no text around them).',
        ),
      );
    case 'has_text':
      return m(
        t(
          `${count(p.texts)} cellules sur ${count(p.cells)} contiennent du texte et non un nombre (p.${NBSP}ex. ${q(p.sample)})${sp}: elles seront ignorées. ${count(p.numbers)} nombres lus, dernière valeur ${value(p.latest)}.`,
          `${count(p.texts)} of ${count(p.cells)} cells hold text, not a number (e.g. ${q(p.sample)}): they will be skipped. ${count(p.numbers)} numbers read, latest value ${value(p.latest)}.`,
        ),
        t(
          'Remplacez-les par des nombres, ou videz-les si la valeur est inconnue.',
          'Replace them with numbers, or clear them if the value is unknown.',
        ),
      );
    case 'data_ok':
      return m(
        t(
          `${count(p.numbers)} valeurs chiffrées lues sur ${count(p.cells)} cellules${(p.blanks as number) > 0 ? ` (${count(p.blanks)} vides ignorées)` : ''}${sp}; dernière valeur${sp}: ${value(p.latest)}.`,
          `${count(p.numbers)} numbers read from ${count(p.cells)} cells${(p.blanks as number) > 0 ? ` (${count(p.blanks)} blanks skipped)` : ''}; latest value: ${value(p.latest)}.`,
        ),
        '',
      );
    case 'dates_unusable':
      return m(
        t(
          `${count(p.undated)} valeurs sur ${count(p.numbers)} n'ont pas de date valide${sp}: les dates sont ignorées et chaque valeur compte pour une période.`,
          `${count(p.undated)} of ${count(p.numbers)} values have no valid date: the dates are ignored and each value counts as one period.`,
        ),
        t(
          'Complétez la plage des dates (une vraie date par valeur) ou retirez-la.',
          'Complete the dates range (a real date for every value) or remove it.',
        ),
      );
    case 'target_missing':
      return m(
        t(
          `Pas de cible chiffrée${sp}: impossible de dire si le KPI est atteint.`,
          'No numeric target: there is no telling whether the KPI is met.',
        ),
        t(
          "Saisissez la valeur à atteindre à l'échéance, dans l'unité du KPI.",
          "Enter the value to reach by the deadline, in the KPI's unit.",
        ),
      );
    case 'target_not_number':
      return m(
        t("La cible n'est pas un nombre.", 'The target is not a number.'),
        t(
          "Saisissez la valeur à atteindre à l'échéance, sans texte autour.",
          'Enter the value to reach by the deadline, without text around it.',
        ),
      );
    case 'target_scale':
      return m(
        t(
          `La cible vaut ${formatAuto(p.target as number, lang)}, soit ${value(p.target)}, alors que la source contient des fractions (dernière valeur ${value(p.latest)}).`,
          `The target is ${formatAuto(p.target as number, lang)}, i.e. ${value(p.target)}, while the source holds fractions (latest value ${value(p.latest)}).`,
        ),
        t(
          `Pour viser ${value(p.suggested)}, saisissez ${value(p.suggested)} ou ${formatAuto(p.suggested as number, lang)}.`,
          `To aim for ${value(p.suggested)}, enter ${value(p.suggested)} or ${formatAuto(p.suggested as number, lang)}.`,
        ),
      );
    case 'baseline_from_data':
      return m(
        t(
          `Pas de valeur de départ saisie${sp}: la dernière valeur de la source (${value(p.latest)}) sert de point de départ.`,
          'No baseline entered: the latest value of the source (' +
            value(p.latest) +
            ') is used as the starting point.',
        ),
        '',
      );
    case 'baseline_missing':
      return m(
        t(
          `Pas de valeur de départ, et la source n'en fournit pas.`,
          'No baseline, and the source does not provide one.',
        ),
        t(
          'Saisissez la valeur actuelle du KPI comme point de départ.',
          "Enter the KPI's current value as the starting point.",
        ),
      );

    // --- Achievable ----------------------------------------------------------------------------
    case 'achievable_no_target':
      return m(
        t(
          `Sans cible chiffrée, impossible de juger si l'objectif est réaliste.`,
          'Without a numeric target, there is no judging whether it is realistic.',
        ),
        t(
          'Saisissez une cible : Boussole la comparera au rythme de votre historique.',
          'Enter a target: Boussole will compare it with the pace of your history.',
        ),
      );
    case 'achievable_no_history':
      return m(
        (isNum(p.numbers) && isNum(p.values) && p.numbers > p.values
          ? t(
              `Pas encore assez d'historique${sp}: les ${count(p.numbers)} valeurs couvrent ${periodCount(p.values, ctx.frequency, lang)} seulement, il en faut au moins ${periodCount(p.min as number, ctx.frequency, lang)} pour connaître votre rythme habituel.`,
              `Not enough history yet: the ${count(p.numbers)} values cover only ${periodCount(p.values, ctx.frequency, lang)}, and at least ${periodCount(p.min as number, ctx.frequency, lang)} are needed to know your usual pace.`,
            )
          : t(
              `Pas encore d'historique${sp}: ${count(p.values)} valeur${(p.values as number) > 1 ? 's' : ''} seulement, il en faut au moins ${count(p.min)} pour connaître votre rythme habituel.`,
              `No history yet: only ${count(p.values)} value${p.values === 1 ? '' : 's'}, and at least ${count(p.min)} are needed to know your usual pace.`,
            )) +
          (isNum(p.required)
            ? t(
                ` La cible demande ${change(p.required)} ${per}${assumed}.`,
                ` The target requires ${change(p.required)} ${per}${assumed}.`,
              )
            : ''),
        t(
          `Ajoutez les valeurs passées à la source (une par période)${sp}; sinon Boussole archive une valeur à chaque période et jugera la cible dès qu'il en aura ${count(p.min)}.`,
          `Add past values to the source (one per period); otherwise Boussole archives a value every period and will judge the target once it has ${count(p.min)}.`,
        ),
      );
    case 'achievable_already_met': {
      const better = p.direction === 'lower' ? t('en dessous de', 'below') : t('au-delà de', 'beyond');
      return m(
        t(
          `La valeur actuelle (${value(p.current)}) atteint déjà la cible (${value(p.target)})${sp}: la cible n'est pas ambitieuse.`,
          `The current value (${value(p.current)}) already meets the target (${value(p.target)}): the target is not ambitious.`,
        ),
        isNum(p.suggested)
          ? t(
              `Fixez une cible ${better} ${value(p.current)}, par exemple ${value(p.suggested)} (votre rythme médian prolongé jusqu'à l'échéance).`,
              `Set a target ${better} ${value(p.current)}, e.g. ${value(p.suggested)} (your median pace carried to the deadline).`,
            )
          : t(
              `Fixez une cible ${better} la valeur actuelle (${value(p.current)}).`,
              `Set a target ${better} the current value (${value(p.current)}).`,
            ),
      );
    }
    case 'achievable_no_deadline':
      return m(
        t(
          `Sans échéance valide, le rythme demandé par la cible ne peut pas être calculé.`,
          'Without a valid deadline, the pace the target requires cannot be computed.',
        ),
        t("Fixez l'échéance (voir « Temporel »).", 'Set the deadline (see "Time-bound").'),
      );
    case 'achievable_no_time':
      return m(
        t(
          `Aucune période complète entre la dernière valeur (${date(p.from)}) et l'échéance (${date(p.deadline)})${sp}: le rythme demandé ne peut pas être calculé.`,
          `No full period between the latest value (${date(p.from)}) and the deadline (${date(p.deadline)}): the required pace cannot be computed.`,
        ),
        t(
          `Choisissez une échéance au moins une période plus tard (${periodCount(1, ctx.frequency, lang)}), ou une fréquence plus fine.`,
          `Choose a deadline at least one period later (${periodCount(1, ctx.frequency, lang)}), or a finer frequency.`,
        ),
      );
    case 'achievable_ok':
      return m(
        t(
          `La cible demande ${change(p.required)} ${per} sur ${periodCount(p.periods as number, ctx.frequency, lang)}${sp}; l'historique montre ${change(p.typical)} ${per} en médiane (au mieux ${change(p.best)})${assumed}.`,
          `The target requires ${change(p.required)} ${per} over ${periodCount(p.periods as number, ctx.frequency, lang)}; the history shows ${change(p.typical)} ${per} as a median (at best ${change(p.best)})${assumed}.`,
        ),
        '',
      );
    case 'achievable_stretch':
      return m(
        t(
          `La cible demande ${change(p.required)} ${per}${sp}: plus que votre rythme médian (${change(p.typical)}), atteint seulement dans vos meilleures périodes (au mieux ${change(p.best)})${assumed}.`,
          `The target requires ${change(p.required)} ${per}: more than your median pace (${change(p.typical)}), reached only in your best periods (at best ${change(p.best)})${assumed}.`,
        ),
        isNum(p.atTypical)
          ? t(
              `Visez ${value(p.atTypical)} pour rester à votre rythme médian, ou prévoyez les actions qui rendront vos meilleures périodes habituelles.`,
              `Aim for ${value(p.atTypical)} to stay at your median pace, or plan the actions that will make your best periods the norm.`,
            )
          : t(
              'Prévoyez les actions qui rendront vos meilleures périodes habituelles, ou revoyez la cible à la baisse.',
              'Plan the actions that will make your best periods the norm, or lower your ambition.',
            ),
      );
    case 'achievable_beyond_best': {
      const message = t(
        `La cible demande ${change(p.required)} ${per}${sp}; l'historique montre au mieux ${change(p.best)} ${per} (médiane ${change(p.typical)}), soit ${gap(p.gap)} de moins que nécessaire chaque ${periodCount(1, ctx.frequency, lang).replace(/^1\s/, '')}${assumed}.`,
        `The target requires ${change(p.required)} ${per}; the history shows at best ${change(p.best)} ${per} (median ${change(p.typical)}), ${gap(p.gap)} short of what is needed every ${periodCount(1, ctx.frequency, lang).replace(/^1\s/, '')}${assumed}.`,
      );
      if (isNum(p.atBest)) {
        const extra = isNum(p.periodsNeeded) && isNum(p.periods) ? p.periodsNeeded - p.periods : null;
        const later =
          extra !== null && extra > 0
            ? t(
                `, ou repoussez l'échéance d'environ ${periodCount(extra, ctx.frequency, lang)} pour atteindre ${value(p.target)} à ce rythme`,
                `, or move the deadline about ${periodCount(extra, ctx.frequency, lang)} later to reach ${value(p.target)} at that pace`,
              )
            : '';
        return m(
          message,
          t(
            `Visez au plus ${value(p.atBest)} d'ici l'échéance (votre meilleur rythme tenu à chaque période)${later}.`,
            `Aim for at most ${value(p.atBest)} by the deadline (your best pace held every period)${later}.`,
          ),
        );
      }
      return m(
        message,
        t(
          `L'historique ne montre aucun progrès dans le bon sens${sp}: visez une cible proche de la valeur actuelle (${value(p.current)}), ou décrivez l'action nouvelle qui fera bouger l'indicateur et revoyez la cible après 3 périodes.`,
          `The history shows no progress in the right direction: aim close to the current value (${value(p.current)}), or name the new action that will move the indicator and review the target after 3 periods.`,
        ),
      );
    }

    // --- Relevant ------------------------------------------------------------------------------
    case 'objective_missing':
      return m(
        t(
          `Le KPI n'est rattaché à aucun objectif${sp}: c'est une métrique, pas un indicateur clé.`,
          'The KPI is linked to no objective: it is a metric, not a key indicator.',
        ),
        t(
          "Rattachez-le à l'objectif qu'il sert, ou retirez-le du tableau de bord.",
          'Link it to the objective it serves, or take it off the dashboard.',
        ),
      );
    case 'objective_mismatch':
      return m(
        t(
          `L'objectif fourni (${q(p.given)}) n'est pas celui du KPI (${q(p.objectiveId)}).`,
          `The objective given (${q(p.given)}) is not the KPI's (${q(p.objectiveId)}).`,
        ),
        t('Rattachez le KPI au bon objectif.', 'Link the KPI to the right objective.'),
      );
    case 'too_many_on_objective':
      return m(
        t(
          `${count(p.count)} KPI sur l'objectif ${q(p.objective)}${sp}: au-delà de ${count(p.max)}, on ne sait plus lesquels regarder.`,
          `${count(p.count)} KPIs on the objective ${q(p.objective)}: beyond ${count(p.max)}, nobody knows which ones to watch.`,
        ),
        t(
          'Gardez les 3 à 5 qui déclenchent une décision et suivez les autres comme simples métriques.',
          'Keep the 3 to 5 that trigger a decision and follow the others as plain metrics.',
        ),
      );
    case 'few_on_objective':
      return m(
        t(
          `${count(p.count)} KPI sur l'objectif ${q(p.objective)} pour l'instant${sp}: ${count(p.min)} à 5 en donnent une vue complète.`,
          `${count(p.count)} KPI${p.count === 1 ? '' : 's'} on the objective ${q(p.objective)} so far: ${count(p.min)} to 5 give a full picture.`,
        ),
        '',
      );
    case 'count_ok':
      return m(
        t(
          `${count(p.count)} KPI sur l'objectif ${q(p.objective)}${sp}: dans la fourchette conseillée de 3 à 5.`,
          `${count(p.count)} KPIs on the objective ${q(p.objective)}: within the recommended 3 to 5.`,
        ),
        '',
      );
    case 'too_many_total':
      return m(
        t(
          `${count(p.total)} KPI au total${sp}: au-delà de ${count(p.max)}, certains ne sont sans doute pas si « clés ».`,
          `${count(p.total)} KPIs in all: beyond ${count(p.max)}, some are probably not that "key".`,
        ),
        t(
          'Regroupez ou retirez ceux qui ne mènent à aucune décision ; visez 3 à 5 par grand objectif.',
          'Merge or drop the ones that lead to no decision; aim for 3 to 5 per major objective.',
        ),
      );
    case 'indicator_missing':
      return m(
        t(
          "Le type d'indicateur (avancé ou retardé) n'est pas choisi.",
          'The indicator type (leading or lagging) is not chosen.',
        ),
        t(
          `Avancé s'il annonce les résultats (visites, leads qualifiés), retardé s'il les constate (chiffre d'affaires, commandes).`,
          'Leading if it predicts results (visits, qualified leads), lagging if it records them (revenue, orders).',
        ),
      );
    case 'indicator_mix':
      return p.kind === 'lagging'
        ? m(
            t(
              `Les ${count(p.count)} KPI de l'objectif ${q(p.objective)} sont tous retardés${sp}: ils constatent les résultats sans les annoncer.`,
              `All ${count(p.count)} KPIs of the objective ${q(p.objective)} are lagging: they record results without predicting them.`,
            ),
            t(
              'Ajoutez un indicateur avancé qui annonce ces résultats (visiteurs du site, leads qualifiés, taux de transformation des prospects).',
              'Add a leading indicator that predicts these results (site visitors, qualified leads, prospect conversion rate).',
            ),
          )
        : m(
            t(
              `Les ${count(p.count)} KPI de l'objectif ${q(p.objective)} sont tous avancés${sp}: rien ne constate le résultat final.`,
              `All ${count(p.count)} KPIs of the objective ${q(p.objective)} are leading: nothing records the final result.`,
            ),
            t(
              "Ajoutez un indicateur retardé qui mesure le résultat (chiffre d'affaires mensuel, nombre de commandes).",
              'Add a lagging indicator that measures the result (monthly revenue, number of orders).',
            ),
          );
    case 'indicator_mix_ok':
      return m(
        t(
          `L'objectif ${q(p.objective)} mêle indicateurs avancés (${count(p.leading)}) et retardés (${count(p.lagging)}).`,
          `The objective ${q(p.objective)} mixes leading (${count(p.leading)}) and lagging (${count(p.lagging)}) indicators.`,
        ),
        '',
      );

    // --- Time-bound ----------------------------------------------------------------------------
    case 'deadline_missing':
      return m(
        t(
          `Pas d'échéance${sp}: la cible ne dit pas quand elle doit être atteinte.`,
          'No deadline: the target does not say when it must be reached.',
        ),
        t('Fixez une date, par exemple la fin du trimestre.', 'Set a date, for example the end of the quarter.'),
      );
    case 'deadline_invalid':
      return m(
        t("L'échéance n'est pas une date.", 'The deadline is not a date.'),
        t('Saisissez une date AAAA-MM-JJ, par exemple 2025-12-31.', 'Enter a date as YYYY-MM-DD, e.g. 2025-12-31.'),
      );
    case 'deadline_past':
      return m(
        t(
          `L'échéance (${date(p.deadline)}) est déjà passée (nous sommes le ${date(p.today)}).`,
          `The deadline (${date(p.deadline)}) has already passed (today is ${date(p.today)}).`,
        ),
        t(
          "Fixez une nouvelle échéance dans le futur, ou archivez ce KPI s'il a rempli son rôle.",
          'Set a new deadline in the future, or archive this KPI if it has served its purpose.',
        ),
      );
    case 'today_invalid':
      return m(
        t(
          "La date du jour est inconnue : l'échéance n'a pas pu être vérifiée.",
          "Today's date is unknown: the deadline could not be checked.",
        ),
        t('Relancez la vérification.', 'Run the check again.'),
      );
    case 'frequency_missing':
      return m(
        t(
          `Pas de fréquence de suivi${sp}: on ne sait pas quand regarder le KPI.`,
          'No tracking frequency: nobody knows when to look at the KPI.',
        ),
        t(
          'Choisissez un rythme : chaque jour, semaine, mois ou trimestre.',
          'Choose a rhythm: every day, week, month or quarter.',
        ),
      );
    case 'few_checkins': {
      const adj = frequencyAdjective(ctx.frequency, lang);
      const n = p.checkins as number;
      return m(
        t(
          `Seulement ${count(n)} point${n > 1 ? 's' : ''} de suivi (un ${per}) d'ici l'échéance (${date(p.deadline)})${sp}: trop peu pour corriger le tir.`,
          `Only ${count(n)} ${adj} check-in${n === 1 ? '' : 's'} before the deadline (${date(p.deadline)}): too few to correct course.`,
        ),
        typeof p.finer === 'string'
          ? t(
              `Passez à un suivi ${frequencyAdjective(p.finer as Frequency, lang, 'm')} ou reculez l'échéance pour avoir au moins ${count(p.min)} points de suivi.`,
              `Switch to ${frequencyAdjective(p.finer as Frequency, lang)} tracking or move the deadline to get at least ${count(p.min)} check-ins.`,
            )
          : t(
              `Reculez l'échéance pour avoir au moins ${count(p.min)} points de suivi.`,
              `Move the deadline to get at least ${count(p.min)} check-ins.`,
            ),
      );
    }
    case 'frequency_finer_than_data': {
      const g = p.granularity as Frequency | 'yearly';
      return m(
        t(
          `Suivi ${frequencyAdjective(ctx.frequency, lang, 'm')}, mais les données sont ${frequencyAdjective(g, lang, 'fp')}${sp}: la plupart des points de suivi n'auront pas de nouvelle valeur.`,
          `${cap(frequencyAdjective(ctx.frequency, lang))} tracking, but the data are ${frequencyAdjective(g, lang)}: most check-ins will have no new value.`,
        ),
        g === 'yearly'
          ? t(
              `Alimentez la source au moins une fois par trimestre, ou suivez ce KPI hors de Boussole${sp}: une valeur par an ne permet pas de piloter.`,
              'Feed the source at least once a quarter, or track this KPI outside Boussole: one value a year is too few to steer by.',
            )
          : t(
              `Choisissez une fréquence ${frequencyAdjective(g, lang, 'f')} ou plus large, ou alimentez la source plus souvent.`,
              `Choose a ${frequencyAdjective(g, lang)} frequency or coarser, or feed the source more often.`,
            ),
      );
    }
    case 'deadline_after_objective':
      return m(
        t(
          `L'échéance du KPI (${date(p.deadline)}) dépasse celle de l'objectif ${q(p.objective)} (${date(p.horizon)}).`,
          `The KPI's deadline (${date(p.deadline)}) is after that of the objective ${q(p.objective)} (${date(p.horizon)}).`,
        ),
        t(
          `Ramenez l'échéance au ${date(p.horizon)} au plus tard.`,
          `Bring the deadline back to ${date(p.horizon)} at the latest.`,
        ),
      );
    case 'timebound_ok':
      return m(
        t(
          `Échéance le ${date(p.deadline)}, ${count(p.checkins)} points de suivi (un ${per}) d'ici là.`,
          `Deadline ${date(p.deadline)}, ${count(p.checkins)} ${frequencyAdjective(ctx.frequency, lang)} check-ins until then.`,
        ),
        '',
      );
  }
  return m(code, t('Vérifiez ce champ.', 'Check this field.'));
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
