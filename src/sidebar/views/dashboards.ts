/* Pure pieces of the dashboards section (Home) and the schedule form (settings): words and the last run. */
import type { Lang } from '../../core/i18n/lang';
import { formatDate } from '../../core/kpi/format';
import type { RunLogEntry, Schedule } from '../../shared/api';
import { h } from '../dom';
import { textIn, type WeekDay } from '../i18n';

/** `2026-06-15T08:05:00+02:00` → "15 juin 2026 à 8 h 05" / "15 Jun 2026 at 8:05 AM", in the spreadsheet's zone (the offset is kept, not converted). */
export function runWhen(start: string, lang: Lang): string {
  let m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::[\d.]+)?(?:[+-]\d{2}:?\d{2})$/.exec(start);
  if (!m) {
    // No zone offset (a UTC `…Z` stamp): shown in the browser's own time zone.
    const d = new Date(start);
    if (Number.isNaN(d.getTime())) return start;
    const p = (n: number) => String(n).padStart(2, '0');
    m = /^(.*)T(\d{2}):(\d{2})$/.exec(
      `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`,
    )!;
  }
  const hour = Number(m[2]);
  const time = lang === 'fr' ? `${hour}\u00a0h\u00a0${m[3]}` : `${hour % 12 || 12}:${m[3]} ${hour < 12 ? 'AM' : 'PM'}`;
  return textIn(lang).runWhen(formatDate(m[1], lang), time);
}

export function secondsText(ms: number, lang: Lang): string {
  const s = Math.max(0, ms) / 1000;
  return s.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-US', { maximumFractionDigits: 1 });
}

/** "chaque lundi à 7 h" / "every Monday at 7:00 AM". */
export function describeSchedule(s: Schedule, lang: Lang): string {
  const t = textIn(lang);
  const d = t.describeSchedule;
  switch (s.kind) {
    case 'off':
      return d.off;
    case 'hourly':
      return d.hourly;
    case 'daily':
      return d.daily(t.hourLabel(s.hour));
    case 'weekly':
      return d.weekly(t.days[s.day as WeekDay] ?? s.day, t.hourLabel(s.hour));
  }
}

/** The last run: when, how, rows written, and every error (add-on triggers send no failure e-mail). */
export function lastRunView(run: RunLogEntry | null, lang: Lang): HTMLElement {
  const t = textIn(lang);
  if (!run)
    return h(
      'div',
      { class: 'last-run', 'data-testid': 'last-run', 'data-state': 'never' },
      h('h3', null, t.lastRunTitle),
      h('p', { class: 'hint' }, t.neverRun),
    );
  const errors = run.errors ?? [];
  return h(
    'div',
    {
      class: `last-run${errors.length ? ' has-errors' : ''}`,
      'data-testid': 'last-run',
      'data-state': errors.length ? 'errors' : 'ok',
    },
    h('h3', null, t.lastRunTitle),
    h('p', { 'data-testid': 'last-run-when' }, runWhen(run.start, lang)),
    h(
      'p',
      { class: 'hint' },
      h('span', { 'data-testid': 'last-run-rows', 'data-rows': run.rowsWritten }, t.rowsWritten(run.rowsWritten)),
      ` · ${t.runTrigger[run.trigger] ?? run.trigger} · ${t.runDuration(secondsText(run.durationMs, lang))}`,
    ),
    errors.length
      ? [
          h('p', { class: 'error run-errors-title' }, t.runErrors(errors.length)),
          h(
            'ul',
            { class: 'run-errors', 'data-testid': 'last-run-errors' },
            errors.map((e) => h('li', { dir: 'auto' }, e)),
          ),
        ]
      : h('p', { class: 'no-errors', 'data-testid': 'last-run-ok' }, t.noErrors),
  );
}
