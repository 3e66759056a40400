/* Home: objectives with their KPIs (latest value, status, SMART score), edit and delete, the dashboards. */
import { h, Fragment } from '../ui/view';
import { formatDate } from '../../core/kpi/format';
import { statusWord } from '../../core/kpi/status-words';
import type { Objective } from '../../core/kpi/model';
import type { KpiSummary } from '../../shared/api';
import { smartScoreOf } from '../../shared/scores';
import { textIn } from '../i18n';
import type { Session } from '../session';
import { type Confirm, type HomeScreen, type Ready, TITLE_ID } from '../store';
import { BusyButton } from '../ui/fields';
import { openWizard } from '../wizard/actions';
import { Dashboards } from './dashboards';
import { openObjective } from './objective';

// ---------------------------------------------------------------------------------------------
// Actions

function setConfirm(session: Session, change: (c: Confirm | null) => Confirm | null): void {
  session.store.updateReady((s) =>
    s.screen.name === 'home' ? { ...s, screen: { ...s.screen, confirm: change(s.screen.confirm) } } : s,
  );
}

/** Replaces the row's actions with an inline question (no browser dialog); focus goes to Cancel. */
export function askDelete(session: Session, kind: Confirm['kind'], id: string, name: string): void {
  setConfirm(session, () => ({ kind, id, name, error: '' }));
  session.focus('cancel-delete');
}

export function cancelDelete(session: Session, c: Confirm): void {
  setConfirm(session, () => null);
  session.focus(`delete-${c.kind}-${c.id}`);
}

export async function confirmDelete(session: Session, c: Confirm): Promise<void> {
  await session.busy('confirm-delete', async () => {
    session.closeBanner();
    const remove = c.kind === 'kpi' ? session.server.deleteKpi(c.id) : session.server.deleteObjective(c.id);
    const result = await session.call(remove);
    if (!result) return;
    if (!result.ok)
      return setConfirm(session, (now) => (now && now.id === c.id ? { ...now, error: result.message } : now));
    session.adopt(result.summary);
    setConfirm(session, () => null);
    session.toast(session.t.deleted(c.name));
  });
}

// ---------------------------------------------------------------------------------------------
// View

export function Home(props: { s: Ready; screen: HomeScreen; session: Session }) {
  const { s, screen, session } = props;
  const t = textIn(s.lang);
  const boot = s.boot;
  const byObjective = new Map<string, KpiSummary[]>();
  for (const k of boot.kpis) byObjective.set(k.kpi.objectiveId, [...(byObjective.get(k.kpi.objectiveId) ?? []), k]);
  const known = new Set(boot.objectives.map((o) => o.id));
  const unlinked = boot.kpis.filter((k) => !known.has(k.kpi.objectiveId));
  const empty = boot.objectives.length === 0 && boot.kpis.length === 0;
  const row = { s, screen, session };
  return (
    <div class="home" data-testid="home">
      <h1 id={TITLE_ID} tabIndex={-1}>
        {t.homeTitle}
      </h1>
      <div class="actions">
        <button type="button" class="action" id="new-kpi" onClick={() => openWizard(session)}>
          {t.newKpi}
        </button>
        <button type="button" id="new-objective" onClick={() => openObjective(session, null)}>
          {t.newObjective}
        </button>
      </div>
      {boot.problems.length ? (
        <div class="notice" data-testid="problems">
          <p>
            <strong>{t.problemsTitle}</strong>
          </p>
          <ul>
            {boot.problems.map((p) => (
              <li key={`${p.sheet}-${p.row}`} dir="auto">
                {t.problemRow(p.sheet, p.row, p.reason)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {empty ? (
        <div class="empty" data-testid="empty">
          <p class="empty-title">{t.emptyTitle}</p>
          <p class="hint">{t.emptyText}</p>
        </div>
      ) : null}
      {boot.objectives.map((o) => (
        <ObjectiveSection key={o.id} objective={o} kpis={byObjective.get(o.id) ?? []} {...row} />
      ))}
      {unlinked.length ? (
        <section class="objective unlinked">
          <h2>{t.unlinked}</h2>
          <ul class="kpis">
            {unlinked.map((k) => (
              <KpiItem key={k.kpi.id} summary={k} {...row} />
            ))}
          </ul>
        </section>
      ) : null}
      {boot.kpis.length ? <Dashboards s={s} screen={screen} session={session} /> : null}
    </div>
  );
}

interface RowProps {
  s: Ready;
  screen: HomeScreen;
  session: Session;
}

function ObjectiveSection(props: RowProps & { objective: Objective; kpis: KpiSummary[] }) {
  const { s, session, objective: o, kpis } = props;
  const t = textIn(s.lang);
  const add = (label: string) => (
    <button
      type="button"
      class="link add-here"
      data-action="add-kpi"
      onClick={() => openWizard(session, undefined, o.id)}
    >
      {label}
    </button>
  );
  return (
    <section class="objective" data-objective-id={o.id}>
      <h2 dir="auto" class="objective-title">
        {o.title}
      </h2>
      <p class="meta">{`${t.due(formatDate(o.horizon, s.lang))} · ${t.audience[o.level] ?? o.level}`}</p>
      {o.description ? (
        <p class="description" dir="auto">
          {o.description}
        </p>
      ) : null}
      <RowActions {...props} kind="objective" id={o.id} name={o.title} question={t.confirmDeleteObjective(o.title)} />
      {kpis.length ? (
        <>
          <ul class="kpis">
            {kpis.map((k) => (
              <KpiItem key={k.kpi.id} summary={k} {...props} />
            ))}
          </ul>
          {add(`+ ${t.addKpiHere}`)}
        </>
      ) : (
        <p class="hint no-kpis">
          {t.noKpis} {add(t.addKpiHere)}
        </p>
      )}
    </section>
  );
}

function KpiItem(props: RowProps & { summary: KpiSummary }) {
  const { s, summary } = props;
  const t = textIn(s.lang);
  const k = summary.kpi;
  const score = smartScoreOf(s.boot, summary, s.lang);
  return (
    <li class="kpi" data-kpi-id={k.id}>
      <p class="kpi-name" dir="auto">
        {k.name}
      </p>
      <p class="kpi-facts">
        <span class="kpi-value" dir="auto" title={t.latest}>
          {summary.latestText || t.noValue}
        </span>
        {summary.inProgress && summary.latestText ? <span class="hint">({t.inProgress})</span> : null}
        <span class={`badge status-${summary.status}`} data-status={summary.status}>
          {statusWord(summary.status, s.lang)}
        </span>
        <span class="badge smart" data-score={String(score)}>
          {t.smartScore(score)}
        </span>
      </p>
      {summary.sourceError ? (
        <p class="error" dir="auto" data-testid="source-error">
          {summary.sourceError}
        </p>
      ) : null}
      <RowActions {...props} kind="kpi" id={k.id} name={k.name} question={t.confirmDeleteKpi(k.name)} />
    </li>
  );
}

/** Edit and Delete, or the inline question once Delete was clicked. */
function RowActions(props: RowProps & { kind: Confirm['kind']; id: string; name: string; question: string }) {
  const { s, screen, session, kind, id, name } = props;
  const t = textIn(s.lang);
  const c = screen.confirm;
  if (c && c.kind === kind && c.id === id)
    return (
      <div class="row-actions">
        <fieldset class="confirm" aria-label={t.delete}>
          <p dir="auto">{props.question}</p>
          <div class="actions">
            <BusyButton
              class="action danger-action"
              busy={s.busy.includes('confirm-delete')}
              busyText={t.deleting}
              attrs={{ 'data-action': 'confirm-delete' }}
              onClick={() => void confirmDelete(session, c)}
            >
              {t.delete}
            </BusyButton>
            <button
              type="button"
              id="cancel-delete"
              data-action="cancel-delete"
              onClick={() => cancelDelete(session, c)}
            >
              {t.cancel}
            </button>
          </div>
          <p class="error" role="alert" dir="auto">
            {c.error}
          </p>
        </fieldset>
      </div>
    );
  const edit = kind === 'kpi' ? () => openWizard(session, id) : () => openObjective(session, id);
  return (
    <div class="row-actions">
      <button type="button" class="link" data-action={`edit-${kind}`} onClick={edit}>
        {t.edit}
      </button>
      <button
        type="button"
        class="link danger"
        id={`delete-${kind}-${id}`}
        data-action={`delete-${kind}`}
        onClick={() => askDelete(session, kind, id, name)}
      >
        {t.delete}
      </button>
    </div>
  );
}
