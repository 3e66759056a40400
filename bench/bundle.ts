/**
 * The pushed bundle as Apps Script runs it: dist/Code.js evaluated in a bare V8 context (no
 * require, module or process), its custom functions called as Sheets calls them — global
 * functions given ranges as 2-D arrays. The KPI-math lines measure this, not the TypeScript
 * sources, so the figures are those of the code a spreadsheet runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';

const CODE = 'dist/Code.js';

export type CustomFunction = (...args: unknown[]) => unknown;

export function loadPushedBundle(): Record<string, CustomFunction> {
  if (!existsSync(CODE)) throw new Error(`${CODE} is missing: run "npm run build" first (npm run bench does it)`);
  // A custom function may read the spreadsheet's locale (its messages' language) and the calling cell.
  const spreadsheet = { getSpreadsheetLocale: () => 'fr_FR' };
  const sandbox: Record<string, unknown> = {
    console,
    SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet, getActiveRange: () => null },
  };
  const context = createContext(sandbox);
  runInContext(readFileSync(CODE, 'utf8'), context, { filename: 'Code.gs' });
  return context as unknown as Record<string, CustomFunction>;
}
