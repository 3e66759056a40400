/**
 * The element at `i` when the caller's own bounds guarantee it exists (a loop below `length`, an
 * index checked just before). Under `noUncheckedIndexedAccess` an index read is `T | undefined`;
 * this says "in range by construction" and checks it: an index out of range is a bug in the
 * caller, so it throws instead of letting `undefined` flow on as if it were a value.
 */
export function at<T>(xs: ArrayLike<T>, i: number): T {
  if (!(i >= 0 && i < xs.length)) throw new RangeError(`index ${i} of ${xs.length}`);
  return xs[i] as T;
}

/** The last element of a non-empty array (same contract as `at`). */
export const last = <T>(xs: ArrayLike<T>): T => at(xs, xs.length - 1);

/** Capture group `i` of a match, for a group the pattern always fills (not inside `?`, `*` or `|`). */
export function group(m: RegExpExecArray | RegExpMatchArray, i: number): string {
  const g = m[i];
  if (g === undefined) throw new RangeError(`no group ${i}`);
  return g;
}
