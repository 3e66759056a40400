/**
 * The pushed bundle as Apps Script runs it: dist/Code.js evaluated as one script (its top-level
 * declarations are what Sheets calls), its custom functions called as Sheets calls them — global
 * functions given ranges as 2-D arrays. The KPI-math lines measure this, not the TypeScript
 * sources, so the figures are those of the code a spreadsheet runs.
 *
 * Evaluated with `new Function` in this realm, not in a `node:vm` context: a contextified
 * global answers every global lookup (`Math`, `Number`, `Array`…) through an interceptor, which
 * made the same code ten times slower than V8 runs it anywhere else (1.25 s against 0.12 s for
 * KPI_TREND over a million values, measured side by side). The services it may touch are its
 * parameters; test/bundle checks in a bare vm context that it touches nothing else.
 */
import { existsSync, readFileSync } from 'node:fs';

const CODE = 'dist/Code.js';

export type CustomFunction = (...args: unknown[]) => unknown;

export function loadPushedBundle(): { KPI_TREND: CustomFunction; CAC: CustomFunction } {
  if (!existsSync(CODE)) throw new Error(`${CODE} is missing: run "npm run build" first (npm run bench does it)`);
  // A custom function may read the spreadsheet's locale (its messages' language) and the calling cell.
  const spreadsheet = { getSpreadsheetLocale: () => 'fr_FR' };
  const SpreadsheetApp = { getActiveSpreadsheet: () => spreadsheet, getActiveRange: () => null };
  const script = new Function('SpreadsheetApp', `${readFileSync(CODE, 'utf8')}\nreturn { KPI_TREND, CAC };`);
  return script(SpreadsheetApp) as { KPI_TREND: CustomFunction; CAC: CustomFunction };
}
