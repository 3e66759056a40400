import { KpiError } from './errors';
import { allNumbers, finite, type Arg } from './input';

/** Net Promoter Score of whole-number answers 0–10: % promoters (9–10) − % detractors (0–6). */
export function netPromoterScore(answers: readonly number[] | Float64Array): number {
  let promoters = 0;
  let detractors = 0;
  for (const a of answers) {
    if (a >= 9) promoters++;
    else if (a <= 6) detractors++;
  }
  return ((promoters - detractors) / answers.length) * 100;
}

/** NPS from a range of raw answers (any shape: one column, or a grid of answers). */
export function nps(scores: Arg): number {
  const fn = 'NPS';
  const answers = allNumbers(fn, 'scores', scores, (v) =>
    Number.isInteger(v) && v >= 0 && v <= 10 ? undefined : { code: 'nps_score', value: v },
  );
  if (!answers.length) throw new KpiError(fn, { code: 'empty' }, { arg: 'scores' });
  return finite(fn, netPromoterScore(answers));
}
