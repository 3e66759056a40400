/**
 * SMART scores of the stored KPIs, from what `bootstrap` returned. Runs wherever the SMART
 * engine is bundled — the sidebar (browser) and the playground — never in the server bundle.
 */
import type { Lang } from '../core/i18n/lang';
import { periodData } from '../core/kpi/kpi-series';
import { checkSmart } from '../core/kpi/smart';
import type { Bootstrap, KpiSummary } from './api';

export function smartScoreOf(boot: Bootstrap, s: KpiSummary, lang: Lang): number {
  return checkSmart(
    {
      kpi: s.kpi,
      objective: boot.objectives.find((o) => o.id === s.kpi.objectiveId),
      otherKpis: boot.kpis.map((x) => x.kpi).filter((k) => k.id !== s.kpi.id),
      // One value per period, as the server aggregated it.
      data: s.sourceError ? undefined : periodData(s.series),
      today: boot.today,
    },
    lang,
  ).score;
}

/** KPI id → score, as `generateDashboards` takes them. */
export function smartScores(boot: Bootstrap, lang: Lang = boot.lang): Record<string, number> {
  return Object.fromEntries(boot.kpis.map((s) => [s.kpi.id, smartScoreOf(boot, s, lang)]));
}
