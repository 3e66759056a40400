/**
 * Every formula and conditional-format rule in a workbook Boussole worked on is in the syntax of
 * its spreadsheet's locale (";" "," "\" in fr_FR and de_DE, "," "." "," in en_US), and no
 * dashboard cell reads #ERROR!, #NAME? or #VALUE!. The check tokenises each formula with the
 * locale's syntax (src/core/formula's strict parser), independently of the emulator's engine.
 */
import { serverApi } from '../../src/addon/api';
import { generateDashboards } from '../../src/addon/dashboard';
import { OWNER_KEY } from '../../src/addon/owned-sheets';
import {
  COMMA_SYNTAX,
  F,
  type FormulaSyntax,
  formula,
  mul,
  parseFormula,
  walk,
  ratio,
  ref,
  SEMICOLON_SYNTAX,
  syntaxForLocale,
} from '../../src/core/formula';
import { HyperFormula } from 'hyperformula';
import type { Emulator } from '../../emulator';
import { DISPLAY_ONLY_FUNCTIONS, ensureEngineFunctions } from '../../emulator/engine/workbook-engine';
import { CATALOG } from '../../src/functions/catalog';
import { Workbook } from '../../playground/session';
import { addonEnv, type AddonEnv } from '../support/addon-env';
import { contextOf, saved, saveKpis, workbook } from '../unit/dashboard/fixtures';

interface Census {
  formulas: number;
  rules: number;
  wrongSyntax: string[];
  dashboardErrors: string[];
  dashboards: string[];
  /** Functions called by the formulas and rules of Boussole's dashboards. */
  dashboardFunctions: Set<string>;
}

const BAD_CODES = new Set(['#ERROR!', '#NAME?', '#VALUE!']);
const col = (c: number): string => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** Reads every formula and rule of every sheet with `syntax`; lists dashboard cells holding an error. */
function census(emu: Emulator, syntax: FormulaSyntax): Census {
  const dashboards = new Set(
    emu
      .metadata()
      .filter((m) => m.key === OWNER_KEY && m.value === 'dashboard' && m.sheet)
      .map((m) => m.sheet as string),
  );
  const out: Census = {
    formulas: 0,
    rules: 0,
    wrongSyntax: [],
    dashboardErrors: [],
    dashboards: [...dashboards],
    dashboardFunctions: new Set(),
  };
  const calls = (parsed: ReturnType<typeof parseFormula>) => {
    if (parsed.ok) for (const n of walk(parsed.expr)) if (n.kind === 'call') out.dashboardFunctions.add(n.fn);
  };
  for (const name of emu.sheetNames()) {
    const snap = emu.snapshot(name);
    for (const [r, row] of snap.formulas.entries()) {
      for (const [c, f] of row.entries()) {
        if (!f) continue;
        out.formulas++;
        const parsed = parseFormula(f, syntax);
        if (!parsed.ok) out.wrongSyntax.push(`${name}!${col(c + 1)}${r + 1}: ${f} (${parsed.error})`);
        if (dashboards.has(name)) calls(parsed);
      }
    }
    for (const rule of snap.conditionalFormats) {
      if (rule.criteria !== 'CUSTOM_FORMULA') continue;
      out.rules++;
      const f = String(rule.values[0]);
      const parsed = parseFormula(f, syntax);
      if (!parsed.ok) out.wrongSyntax.push(`${name} rule ${rule.ranges.join(',')}: ${f}`);
      if (dashboards.has(name)) calls(parsed);
    }
    if (!dashboards.has(name)) continue;
    for (const [r, row] of snap.values.entries()) {
      for (const [c, v] of row.entries()) {
        if (typeof v === 'string' && BAD_CODES.has(v))
          out.dashboardErrors.push(`${name}!${col(c + 1)}${r + 1}: ${v} ${snap.formulas[r]?.[c] ?? ''}`);
      }
    }
  }
  return out;
}

/** Built-in functions only, each one the emulator's engine computes (or draws: SPARKLINE), none of Boussole's. */
function expectComputable(functions: Set<string>): void {
  ensureEngineFunctions();
  const custom = new Set(CATALOG.map((f) => f.name));
  const engine = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
  for (const fn of functions) {
    expect([fn, custom.has(fn)]).toEqual([fn, false]);
    expect([fn, engine.has(fn) || DISPLAY_ONLY_FUNCTIONS.includes(fn)]).toEqual([fn, true]);
  }
}

let env: AddonEnv | null = null;
afterEach(() => {
  env?.close();
  env = null;
});

describe('the playground sample (fr_FR: what a French user typed, and what Boussole wrote)', () => {
  test('every formula and rule in French syntax; no dashboard cell in error', () => {
    const wb = new Workbook();
    try {
      const c = census(wb.emu, SEMICOLON_SYNTAX);
      console.log(
        `playground sample (fr_FR): ${c.formulas} formulas, ${c.rules} rules, ${c.wrongSyntax.length} in the wrong syntax, ${c.dashboardErrors.length} dashboard cells in error`,
      );
      expect(c.wrongSyntax).toEqual([]);
      expect(c.dashboardErrors).toEqual([]);
      expectComputable(c.dashboardFunctions);
      expect(c.dashboards.length).toBeGreaterThanOrEqual(3);
      // Since #11 a dashboard holds one formula per KPI (its SPARKLINE): most are the sample's own.
      expect(c.formulas).toBeGreaterThan(400);
      // Two formula rules per dashboard (a change's colour by the KPI's direction, #11).
      expect(c.rules).toBe(2 * c.dashboards.length);
      // The same formulas read in the other group's syntax fail: the check can tell them apart.
      expect(census(wb.emu, COMMA_SYNTAX).wrongSyntax.length).toBeGreaterThan(c.formulas / 2);
    } finally {
      wb.dispose();
    }
  });
});

describe.each([
  ['fr_FR', 'fr'],
  ['de_DE', 'en'],
  ['en_US', 'en'],
])('a workbook generated in %s', (locale, userLocale) => {
  test('every formula and rule in the locale syntax; dashboards and refreshes without errors', () => {
    const syntax = syntaxForLocale(locale);
    env = addonEnv({ locale, userLocale, timeZone: 'Europe/Paris' }, workbook(400));
    const emu = env.emu;
    // What a user of that locale typed next to their data, in their syntax.
    const data = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Données')!;
    data.getRange('H1:H2').setValues([['TVA'], [formula(F.ROUND(mul(F.SUM(ref('B2:B401')), ratio(0.2)), 2), syntax)]]);
    const { kpis } = saveKpis(6, 400, 2);
    saved(
      serverApi.saveKpi({ ...kpis[0], id: undefined, name: 'Trésorerie', source: { kind: 'cell', ref: 'Données!H2' } }),
    );
    generateDashboards(contextOf(emu), { layout: 'by_level' });
    const runs = [serverApi.refreshNow()];
    emu.endExecution();
    emu.clock.advance({ days: 35 });
    runs.push(serverApi.refreshNow());
    emu.endExecution();
    expect(runs.map((r) => r.errors)).toEqual([[], []]);
    expect(runs[0]?.rowsWritten).toBeGreaterThan(0);

    const c = census(emu, syntax);
    console.log(
      `generated in ${locale}: ${c.formulas} formulas, ${c.rules} rules, ${c.wrongSyntax.length} in the wrong syntax, ${c.dashboardErrors.length} dashboard cells in error`,
    );
    expect(c.wrongSyntax).toEqual([]);
    expect(c.dashboardErrors).toEqual([]);
    expectComputable(c.dashboardFunctions);
    expect(c.dashboardFunctions.size).toBeGreaterThan(0);
    expect(c.dashboards.length).toBe(3);
    // The one the user typed (H2), one SPARKLINE per KPI on the dashboards, and the live figures
    // (#11): the three dated daily sums (both revenues, new customers: their judged day as one
    // SUMIFS, the table's value, progress in the figures, the table and the tile, the bar, vs
    // previous day, vs a year before = 8 each) and the cell read by Trésorerie (the same, with no
    // archived day before it nor a year before = 6). Averages and undated sources: values only.
    expect(c.formulas).toBe(1 + 7 + 3 * 8 + 6);
    expect(c.rules).toBe(2 * c.dashboards.length);
    expect(emu.sheetValues('Données')[1]?.[7]).toBeGreaterThan(0);
  });
});
