/* The settings' scheduled refresh: off / every hour / every day at an hour / every week on a day at an hour. */
import { h, Fragment } from '../ui/view';
import type { Schedule, ScheduleState } from '../../shared/api';
import { textIn, WEEK_DAYS, type WeekDay } from '../i18n';
import type { Session } from '../session';
import type { Ready, ScheduleDraft, SettingsScreen } from '../store';
import { BusyButton, Choice, SelectField } from '../ui/fields';
import { describeSchedule } from '../ui/schedule-words';
import { retrySchedule } from './dashboards';

const KINDS: readonly Schedule['kind'][] = ['off', 'hourly', 'daily', 'weekly'];

/** The form's values for a stored schedule (7 h and Monday when it has none). */
export function draftOf(s: Schedule): ScheduleDraft {
  return {
    kind: s.kind,
    hour: s.kind === 'daily' || s.kind === 'weekly' ? s.hour : 7,
    day: s.kind === 'weekly' ? s.day : 'MONDAY',
  };
}

export function scheduleOf(d: ScheduleDraft): Schedule {
  if (d.kind === 'daily') return { kind: 'daily', hour: d.hour };
  if (d.kind === 'weekly') return { kind: 'weekly', day: d.day, hour: d.hour };
  return { kind: d.kind };
}

// ---------------------------------------------------------------------------------------------
// Actions

export function editSchedule(session: Session, stored: ScheduleState, change: Partial<ScheduleDraft>): void {
  session.store.updateReady((s) =>
    s.screen.name === 'settings'
      ? { ...s, screen: { ...s.screen, schedule: { ...(s.screen.schedule ?? draftOf(stored.schedule)), ...change } } }
      : s,
  );
}

export async function saveSchedule(session: Session, schedule: Schedule): Promise<void> {
  const t = session.t;
  const setNotice = (scheduleNotice: SettingsScreen['scheduleNotice']) =>
    session.store.updateReady((s) =>
      s.screen.name === 'settings' ? { ...s, screen: { ...s.screen, scheduleNotice } } : s,
    );
  setNotice(null);
  await session.busy('save-schedule', async () => {
    try {
      const value = await session.server.setSchedule(schedule);
      session.store.updateReady((s) => ({ ...s, schedule: { status: 'known', value } }));
      setNotice({ kind: 'ok', text: t.scheduleSaved(describeSchedule(value.schedule, session.store.get().lang)) });
    } catch (e) {
      setNotice({ kind: 'error', text: t.scheduleSaveFailed(session.sentenceOf(e)) });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// View

export function ScheduleSection(props: { s: Ready; screen: SettingsScreen; session: Session }) {
  const { s, screen, session } = props;
  const t = textIn(s.lang);
  const sched = s.schedule;
  const title = (
    <h2 id="schedule-title" tabIndex={-1}>
      {t.scheduleTitle}
    </h2>
  );
  if (sched.status !== 'known')
    return (
      <form class="schedule-form" noValidate data-testid="schedule" aria-labelledby="schedule-title">
        {title}
        {sched.status === 'failed' ? (
          <>
            <p class="error" role="alert" dir="auto" data-testid="schedule-error">
              {t.scheduleLoadFailed(sched.message)}
            </p>
            <div class="actions">
              <BusyButton
                id="schedule-retry"
                busy={s.busy.includes('schedule-retry')}
                busyText={t.loading}
                onClick={() => void retrySchedule(session, 'schedule-retry', 'schedule-title')}
              >
                {t.retry}
              </BusyButton>
            </div>
          </>
        ) : (
          <p class="hint">{t.loading}</p>
        )}
      </form>
    );
  const stored = sched.value;
  const draft = screen.schedule ?? draftOf(stored.schedule);
  const notice = screen.scheduleNotice;
  // Whose trigger runs it, when not yours, and a trigger of yours left over (#14, item 5).
  const runner = [
    stored.schedule.kind !== 'off' && stored.runBy !== 'you' ? t.scheduleRunBy[stored.runBy] : '',
    stored.staleTrigger ? t.scheduleStale : '',
  ]
    .join(' ')
    .trim();
  const day = (d: WeekDay) => t.days[d].charAt(0).toUpperCase() + t.days[d].slice(1);
  return (
    <form
      class="schedule-form"
      noValidate
      data-testid="schedule"
      aria-labelledby="schedule-title"
      onSubmit={(e: Event) => {
        e.preventDefault();
        void saveSchedule(session, scheduleOf(draft));
      }}
    >
      {title}
      <p class="schedule-current" data-testid="schedule-current" data-kind={stored.schedule.kind}>
        {t.scheduleCurrent(describeSchedule(stored.schedule, s.lang))}
      </p>
      {runner ? (
        <p class="hint" data-testid="schedule-runner">
          {runner}
        </p>
      ) : null}
      <fieldset class="choices">
        <legend>{t.scheduleFrequency}</legend>
        {KINDS.map((k) => (
          <Choice
            key={k}
            name="schedule-kind"
            id={`schedule-kind-${k}`}
            value={k}
            checked={draft.kind === k}
            onChange={() => editSchedule(session, stored, { kind: k })}
          >
            {t.scheduleKinds[k]}
          </Choice>
        ))}
      </fieldset>
      <SelectField
        field="schedule.day"
        label={t.scheduleDay}
        hidden={draft.kind !== 'weekly'}
        value={draft.day}
        options={WEEK_DAYS.map((d) => ({ value: d, label: day(d) }))}
        onChange={(v) => {
          const d = WEEK_DAYS.find((w) => w === v);
          if (d) editSchedule(session, stored, { day: d });
        }}
      />
      <SelectField
        field="schedule.hour"
        label={t.scheduleHour}
        hidden={draft.kind !== 'daily' && draft.kind !== 'weekly'}
        value={String(draft.hour)}
        options={Array.from({ length: 24 }, (_, n) => ({ value: String(n), label: t.hourLabel(n) }))}
        onChange={(v) => editSchedule(session, stored, { hour: Number(v) })}
      />
      <p class="hint">{t.scheduleHint}</p>
      <div class="actions end">
        <BusyButton
          type="submit"
          class="action"
          id="save-schedule"
          busy={s.busy.includes('save-schedule')}
          busyText={t.saving}
        >
          {t.saveSchedule}
        </BusyButton>
      </div>
      <p class="schedule-result" role="status" aria-live="polite" dir="auto" data-testid="schedule-result">
        {notice?.kind === 'ok' ? notice.text : ''}
      </p>
      <p class="error" role="alert" dir="auto" data-testid="schedule-save-error">
        {notice?.kind === 'error' ? notice.text : ''}
      </p>
    </form>
  );
}
