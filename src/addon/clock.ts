/**
 * The add-on's only source of time. Apps Script has no fake clock; the emulator routes this to
 * its controllable clock in tests and in the playground.
 */
export const clock = {
  now: (): Date => new Date(),
};

/** Today as an ISO date in the given time zone. */
export function todayIn(timeZone: string): string {
  return Utilities.formatDate(clock.now(), timeZone, 'yyyy-MM-dd');
}
