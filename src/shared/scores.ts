/**
 * SMART scores of the stored KPIs, from what `bootstrap` returned. Runs wherever the SMART
 * engine is bundled — the sidebar (browser) and the playground — never in the server bundle.
 */
import type { Lang } from '../core/i18n/lang';
import { checkSmart } from '../core/kpi/smart';
import type { Bootstrap, KpiSummary } from './api';

export function smartScoreOf(boot: Bootstrap, s: KpiSummary, lang: Lang): number {
  return checkSmart(
    {
      kpi: s.kpi,
      objective: boot.objectives.find((o) => o.id === s.kpi.objectiveId),
      otherKpis: boot.kpis.map((x) => x.kpi).filter((k) => k.id !== s.kpi.id),
      data: s.sourceError ? undefined : s.data,
      today: boot.today,
    },
    lang,
  ).score;
}

/** KPI id → score, as `generateDashboards` takes them. */
export function smartScores(boot: Bootstrap, lang: Lang = boot.lang): Record<string, number> {
  return Object.fromEntries(boot.kpis.map((s) => [s.kpi.id, smartScoreOf(boot, s, lang)]));
}
