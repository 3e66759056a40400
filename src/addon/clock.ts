/**
 * The add-on's only source of time. Apps Script has no fake clock; the emulator routes this to
 * its controllable clock in tests and in the playground.
 */
export const clock = {
  now: (): Date => new Date(),
};
