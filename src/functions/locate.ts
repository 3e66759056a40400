/**
 * Which ranges a formula passes to a custom function, found by a light scan (text in quotes,
 * quoted sheet names, nested parentheses and braces), not by the strict parser of core/formula:
 * this runs in the pushed bundle, only to name a sheet row in an error message, and the parser
 * would add 5 KB to every custom-function call. Tested against the parser (test/unit/formula).
 */
import { REFERENCE_PATTERN } from '../core/formula/expr';

const REFERENCE = new RegExp(`^${REFERENCE_PATTERN}$`);
const NAME_CHAR = /[A-Za-z0-9_.]/;

/** The arguments of every call of `fn` in `formula`, each as a plain reference or null. */
function calls(formula: string, fn: string, separator: string): (string | null)[][] {
  const out: (string | null)[][] = [];
  const name = fn.toUpperCase();
  const upper = formula.toUpperCase();
  let quote: string | null = null;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (quote) {
      if (ch === quote) {
        if (formula[i + 1] === quote) i++;
        else quote = null;
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (!upper.startsWith(name, i) || (i > 0 && NAME_CHAR.test(formula[i - 1] as string))) continue;
    let j = i + name.length;
    while (formula[j] === ' ') j++;
    if (formula[j] !== '(') continue;
    const args: string[] = [];
    let depth = 0;
    let start = j + 1;
    let inner: string | null = null;
    for (let k = j; k < formula.length; k++) {
      const c = formula[k] as string;
      if (inner) {
        if (c === inner) {
          if (formula[k + 1] === inner) k++;
          else inner = null;
        }
        continue;
      }
      if (c === '"' || c === "'") inner = c;
      else if (c === '(' || c === '{') depth++;
      else if (c === ')' || c === '}') {
        depth--;
        if (depth === 0) {
          args.push(formula.slice(start, k));
          break;
        }
      } else if (c === separator && depth === 1) {
        args.push(formula.slice(start, k));
        start = k + 1;
      }
    }
    out.push(args.map((a) => (REFERENCE.test(a.trim()) ? a.trim() : null)));
  }
  return out;
}

/**
 * The references `formula` passes to `fn`, argument by argument (null where an argument is not a
 * plain reference), or null when there is no such call or several that disagree.
 */
export function argumentRefs(formula: string, fn: string, separator: string): (string | null)[] | null {
  const [first, ...others] = calls(formula, fn, separator);
  if (!first) return null;
  return others.every((c) => c.length === first.length && c.every((x, i) => x === first[i])) ? first : null;
}
