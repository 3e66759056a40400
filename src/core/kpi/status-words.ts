/**
 * The status words, the one set the sidebar, the dashboards' cells and their counts all use: a
 * KPI's status (core/kpi/status.ts) and the two a dashboard tile adds (target reached, no target).
 */
import type { Lang } from '../i18n/lang';
import { catalogue, localize } from '../i18n/text';
import type { KpiStatus } from './status';

/** A KPI's status, or what a dashboard tile shows instead (core/dashboard/figures.ts: TileStatus). */
export type StatusWordKey = KpiStatus | 'achieved' | 'no_target';

export const STATUS_WORDS = catalogue({
  on_track: { fr: 'En bonne voie', en: 'On track' },
  at_risk: { fr: 'À surveiller', en: 'At risk' },
  off_track: { fr: 'En retard', en: 'Off track' },
  achieved: { fr: 'Atteint', en: 'Achieved' },
  no_target: { fr: 'Pas de cible', en: 'No target' },
  no_data: { fr: 'Pas de données', en: 'No data' },
}) satisfies Record<StatusWordKey, unknown>;

/** The statuses a dashboard's summary counts. */
export type CountedStatus = 'on_track' | 'at_risk' | 'off_track' | 'achieved';

/** The words after a count in a summary ("3 en bonne voie · 1 atteints"): French agrees with the plural. */
const IN_COUNTS = catalogue({
  on_track: { fr: 'en bonne voie', en: 'on track' },
  at_risk: { fr: 'à surveiller', en: 'at risk' },
  off_track: { fr: 'en retard', en: 'off track' },
  achieved: { fr: 'atteints', en: 'achieved' },
}) satisfies Record<CountedStatus, unknown>;

/** The word as a label: "En bonne voie". */
export const statusWord = (status: StatusWordKey, lang: Lang): string => localize(STATUS_WORDS[status], lang);

/** The words after a count: "3 en bonne voie". */
export const statusAfterCount = (status: CountedStatus, lang: Lang): string => localize(IN_COUNTS[status], lang);
