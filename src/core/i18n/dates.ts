/**
 * Calendar dates in a time zone, without a service call: a Date read from a cell becomes the ISO
 * day the spreadsheet shows. Intl is part of V8 (Apps Script's runtime included); the shell
 * falls back to Utilities.formatDate if a runtime lacks the zone.
 */
export function isoDateFormatter(timeZone: string): (d: Date) => string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  return (d: Date) => {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(d)) parts[p.type] = p.value;
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}
