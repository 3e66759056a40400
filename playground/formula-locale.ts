/**
 * A formula moved between spellings: an .xlsx file stores formulas in the invariant (en_US)
 * syntax — `SUM(A1,B1)`, `0.5`, `{1,2;3,4}` — and a French sheet reads `=SUM(A1;B1)`, `0,5`,
 * `{1\2;3\4}` (src/core/formula/syntax.ts has the sources). Only separators and decimal points
 * change: spacing, names, references and text are kept exactly as written, so a formula that
 * goes out to a file and comes back reads the same.
 */
import type { FormulaSyntax } from '../src/core/formula';

const NAME_START = /[A-Za-z_$\u00C0-\uFFFF]/;
const NAME_PART = /[A-Za-z0-9_.$:!\u00C0-\uFFFF]/;

/** `formula` (with or without its leading `=`) from one syntax to another. */
export function translateFormula(formula: string, from: FormulaSyntax, to: FormulaSyntax): string {
  if (
    from.argumentSeparator === to.argumentSeparator &&
    from.decimalSeparator === to.decimalSeparator &&
    from.arrayColumnSeparator === to.arrayColumnSeparator
  )
    return formula;
  let out = '';
  const stack: ('(' | '{')[] = [];
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i] as string;
    if (ch === '"' || ch === "'") {
      // A text literal or a quoted sheet name, doubled quotes inside: copied as it is.
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      // An error literal (#N/A, #DIV/0!): no separator inside.
      const m = /^#[A-Z0-9/]+[!?]?/i.exec(formula.slice(i));
      const len = m ? m[0].length : 1;
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < n && NAME_PART.test(formula[j] as string)) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === from.decimalSeparator && /[0-9]/.test(formula[i + 1] ?? ''))) {
      // A number: digits, one decimal separator, an exponent. A row range (2:5) is digits and ":".
      let j = i;
      while (j < n && /[0-9]/.test(formula[j] as string)) j++;
      let text = formula.slice(i, j);
      if (formula[j] === from.decimalSeparator && /[0-9]/.test(formula[j + 1] ?? '')) {
        let k = j + 1;
        while (k < n && /[0-9]/.test(formula[k] as string)) k++;
        text += to.decimalSeparator + formula.slice(j + 1, k);
        j = k;
      }
      const exp = /^[eE][+-]?[0-9]+/.exec(formula.slice(j));
      if (exp && text !== '') {
        text += exp[0];
        j += exp[0].length;
      }
      out += text;
      i = j;
      continue;
    }
    if (ch === '(' || ch === '{') stack.push(ch);
    else if (ch === ')' || ch === '}') stack.pop();
    const inArray = stack[stack.length - 1] === '{';
    if (inArray && ch === from.arrayColumnSeparator) out += to.arrayColumnSeparator;
    else if (inArray && ch === from.arrayRowSeparator) out += to.arrayRowSeparator;
    else if (!inArray && ch === from.argumentSeparator) out += to.argumentSeparator;
    else out += ch;
    i++;
  }
  return out;
}
