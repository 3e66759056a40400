/* The schedule and the last run in words: pure, shared by Home's dashboards section and the settings. */
import type { Lang } from '../../core/i18n/lang';
import { formatDate } from '../../core/kpi/format';
import type { Schedule } from '../../shared/api';
import { textIn } from '../i18n';

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::[\d.]+)?(?:[+-]\d{2}:?\d{2})$/;

/** `2026-06-15T08:05:00+02:00` → "15 juin 2026 à 8 h 05" / "15 Jun 2026 at 8:05 AM", in the spreadsheet's zone (the offset is kept, not converted). */
export function runWhen(start: string, lang: Lang): string {
  const m = STAMP.exec(start);
  let day: string;
  let hour: number;
  let minutes: string;
  if (m?.[1] && m[2] && m[3]) {
    [day, hour, minutes] = [m[1], Number(m[2]), m[3]];
  } else {
    // No zone offset (a UTC `…Z` stamp): shown in the browser's own time zone.
    const d = new Date(start);
    if (Number.isNaN(d.getTime())) return start;
    const p = (n: number) => String(n).padStart(2, '0');
    [day, hour, minutes] = [
      `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`,
      d.getHours(),
      p(d.getMinutes()),
    ];
  }
  // The clock as each language writes it (formatting, like the dates).
  const time =
    lang === 'fr' ? `${hour}\u00a0h\u00a0${minutes}` : `${hour % 12 || 12}:${minutes} ${hour < 12 ? 'AM' : 'PM'}`;
  return textIn(lang).runWhen(formatDate(day, lang), time);
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
    case 'hourly':
      // The choice's own label, lower-cased: "désactivée", "toutes les heures" / "off", "every hour".
      return t.scheduleKinds[s.kind].toLowerCase();
    case 'daily':
      return d.daily(t.hourLabel(s.hour));
    case 'weekly':
      return d.weekly(t.days[s.day], t.hourLabel(s.hour));
  }
}
