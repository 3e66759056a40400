/* Home's dashboards section: generate (by audience or one overall), refresh now, the last run. */
import { h, Fragment } from '../ui/view';
import type { DashboardLayout } from '../../shared/api';
import { smartScores } from '../../shared/scores';
import { textIn } from '../i18n';
import type { Session } from '../session';
import type { HomeScreen, Notice, Ready } from '../store';
import { BusyButton, Choice } from '../ui/fields';
import { LastRun } from '../ui/last-run';

// ---------------------------------------------------------------------------------------------
// Actions

function setHome(session: Session, change: (h: HomeScreen) => HomeScreen): void {
  session.store.updateReady((s) => (s.screen.name === 'home' ? { ...s, screen: change(s.screen) } : s));
}

function notify(session: Session, notice: Notice, focusId: string): void {
  setHome(session, (h) => ({ ...h, dashNotice: notice }));
  session.announce(notice.text);
  session.focus(focusId);
}

export function chooseLayout(session: Session, layout: DashboardLayout): void {
  setHome(session, (h) => ({ ...h, layoutChoice: layout }));
}

/** After the work: its button is enabled again, so focus can go back to it. */
async function withNotice(session: Session, key: string, focusId: string, work: () => Promise<Notice | null>) {
  const notice = await session.busy(key, work);
  if (notice) notify(session, notice, focusId);
}

export async function generateDashboards(session: Session): Promise<void> {
  await withNotice(session, 'generate', 'generate-dashboards', async () => {
    const s = session.ready();
    if (s?.screen.name !== 'home') return null;
    const t = session.t;
    const layout = s.screen.layoutChoice ?? (s.schedule.status === 'known' ? s.schedule.value.layout : 'by_level');
    try {
      const value = await session.server.generateDashboards(layout, smartScores(s.boot, s.lang));
      session.store.updateReady((r) => ({ ...r, schedule: { status: 'known', value } }));
      setHome(session, (h) => ({ ...h, layoutChoice: null }));
      return { kind: 'ok', text: t.generated(value.dashboards.length) };
    } catch (e) {
      // What exists now: the previous dashboards, kept by the server.
      await session.fetchSchedule();
      return { kind: 'error', text: t.generateFailed(session.sentenceOf(e)) };
    }
  });
}

export async function refreshNow(session: Session): Promise<void> {
  await withNotice(session, 'refresh', 'refresh-now', async () => {
    const t = session.t;
    try {
      const run = await session.server.refreshNow();
      const s = session.ready();
      if (s?.schedule.status === 'known')
        session.store.updateReady((r) =>
          r.schedule.status === 'known'
            ? { ...r, schedule: { ...r.schedule, value: { ...r.schedule.value, lastRun: run } } }
            : r,
        );
      else await session.fetchSchedule();
      return run.errors.length
        ? { kind: 'error', text: t.refreshedWithErrors(run.errors.length) }
        : { kind: 'ok', text: t.refreshed(run.rowsWritten) };
    } catch (e) {
      await session.fetchSchedule();
      return { kind: 'error', text: t.refreshFailed(session.sentenceOf(e)) };
    }
  });
}

/** Reads the schedule again; focus goes to the section's title once it shows, else back to Retry. */
export async function retrySchedule(session: Session, retryId: string, titleId: string): Promise<void> {
  await session.busy(retryId, () => session.fetchSchedule());
  session.focus(session.ready()?.schedule.status === 'known' ? titleId : retryId);
}

// ---------------------------------------------------------------------------------------------
// View

export function Dashboards(props: { s: Ready; screen: HomeScreen; session: Session }) {
  const { s, screen, session } = props;
  const t = textIn(s.lang);
  const sched = s.schedule;
  const title = (
    <h2 id="dashboards-title" tabIndex={-1}>
      {t.dashboardsTitle}
    </h2>
  );
  if (sched.status !== 'known')
    return (
      <section class="dashboards" data-testid="dashboards" aria-labelledby="dashboards-title">
        {title}
        {sched.status === 'failed' ? (
          <>
            <p class="error" role="alert" dir="auto" data-testid="dashboards-error">
              {t.scheduleLoadFailed(sched.message)}
            </p>
            <div class="actions">
              <BusyButton
                id="dashboards-retry"
                busy={s.busy.includes('dashboards-retry')}
                busyText={t.loading}
                onClick={() => void retrySchedule(session, 'dashboards-retry', 'dashboards-title')}
              >
                {t.retry}
              </BusyButton>
            </div>
          </>
        ) : (
          <p class="hint">{t.loading}</p>
        )}
      </section>
    );
  const st = sched.value;
  const layout = screen.layoutChoice ?? st.layout;
  const notice = screen.dashNotice;
  const busy = s.busy.includes('generate') || s.busy.includes('refresh');
  return (
    <section
      class="dashboards"
      data-testid="dashboards"
      aria-labelledby="dashboards-title"
      aria-busy={busy ? 'true' : undefined}
    >
      {title}
      {st.dashboards.length ? (
        <ul class="dash-list" aria-label={t.dashboardsExisting} data-testid="dashboard-list">
          {st.dashboards.map((d) => (
            <li key={d.sheetName} data-sheet={d.sheetName} data-level={d.level}>
              <span class="dash-name" dir="auto">
                {d.sheetName}
              </span>
              <span class="badge">{t.dashboardKpis(d.kpiCount)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint" data-testid="dashboards-none">
          {t.dashboardsNone}
        </p>
      )}
      <fieldset class="choices">
        <legend>{t.layoutLegend}</legend>
        {(['by_level', 'overall'] as const).map((value) => (
          <Choice
            key={value}
            name="dashboard-layout"
            id={`dashboard-layout-${value}`}
            value={value}
            checked={layout === value}
            onChange={() => chooseLayout(session, value)}
          >
            {t.layouts[value]}
          </Choice>
        ))}
      </fieldset>
      <div class="actions">
        <BusyButton
          class="action"
          id="generate-dashboards"
          busy={s.busy.includes('generate')}
          busyText={t.generating}
          onClick={() => void generateDashboards(session)}
        >
          {st.dashboards.length ? t.regenerate : t.generate}
        </BusyButton>
        <BusyButton
          id="refresh-now"
          busy={s.busy.includes('refresh')}
          busyText={t.refreshing}
          onClick={() => void refreshNow(session)}
        >
          {t.refreshNow}
        </BusyButton>
      </div>
      {notice ? (
        notice.kind === 'error' ? (
          <p class="dash-message error" role="alert" dir="auto" data-testid="dashboards-error">
            {notice.text}
          </p>
        ) : (
          <p class="dash-message ok" dir="auto" data-testid="dashboards-result">
            {notice.text}
          </p>
        )
      ) : null}
      <LastRun run={st.lastRun} lang={s.lang} />
    </section>
  );
}
