/**
 * Sums and means that do not overflow where the answer is finite. Values whose magnitude could
 * make a plain sum overflow (the largest double is just under 2^1024) are first multiplied by a
 * power of two, which is exact; the result is computed there and, where it has the inputs' unit,
 * scaled back. Ratios and signs need no scaling back: the factor cancels. Below the threshold the
 * factor is 1, so ordinary data is computed exactly as before, bit for bit.
 */

/** Past 2^960 a sum of a few million terms could overflow. */
const THRESHOLD = 2 ** 960;

/** 1, or 2^-e with 2^e ≥ `max`, so the largest scaled magnitude is at most 1. */
export function scaleFor(max: number): number {
  if (!(max >= THRESHOLD)) return 1;
  return 2 ** -Math.ceil(Math.log2(max));
}

/** The largest |x| of `xs[from…to)`. */
export function maxAbs(xs: ArrayLike<number>, from = 0, to = xs.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(xs[i] as number); // i < to ≤ length
    if (a > m) m = a;
  }
  return m;
}

/** Turns −0 into 0 (a cell never shows −0, and Object.is tests tell them apart). */
export const noNegativeZero = (x: number): number => (x === 0 ? 0 : x);
