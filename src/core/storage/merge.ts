/**
 * Saving an edit made on an older copy (two sidebars open on one file, #14 item 4). The form
 * sends what it loaded (`base`) with what the user made of it (`draft`); the row holds what is
 * stored now. A field the user did not change keeps the stored value, however it changed since;
 * a field only the user changed takes the user's value; a field both changed, to different
 * values, is a conflict: nothing is saved and the person is shown the newer value.
 */
import { hasOwn } from './table';

export interface Conflict {
  field: string;
  /** What is stored now (someone saved it after the form was loaded). */
  stored: unknown;
  /** What this user typed. */
  mine: unknown;
}

/** Deep equality of plain JSON values, keys in any order; `undefined` and a missing key are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * The record to save: `fields` from the draft where the user changed them, from `stored` where
 * not. Fields outside `fields` (the id, storage's own) come from the draft as they are.
 */
export function mergeOnBase(
  stored: Readonly<Record<string, unknown>>,
  draft: Readonly<Record<string, unknown>>,
  base: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): { merged: Record<string, unknown>; conflicts: Conflict[] } {
  const merged: Record<string, unknown> = { ...draft };
  const conflicts: Conflict[] = [];
  for (const f of fields) {
    const mine = draft[f];
    const before = base[f];
    const now = stored[f];
    if (sameValue(mine, before))
      merged[f] = now; // untouched here: keep what is stored
    else if (sameValue(now, before) || sameValue(now, mine))
      merged[f] = mine; // changed here only
    else conflicts.push({ field: f, stored: now, mine });
  }
  return { merged, conflicts };
}
