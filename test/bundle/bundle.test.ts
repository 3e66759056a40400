/**
 * The pushed code as Apps Script sees it: dist/Code.js loaded in a bare V8 context (no require,
 * module, process or window), every service a trap that records being touched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createContext, runInContext } from 'node:vm';
import { CATALOG } from '../../src/functions/catalog';
import { EXAMPLES, expectedError } from '../../src/functions/examples';
import { expectResult, parseCall } from '../support/sheet-args';
import { SERVER_METHODS } from '../../src/shared/api';
import { inLang } from '../../src/core/i18n/text';
import { checkSmart } from '../../src/core/kpi/smart';
import { SIDEBAR_TEXT } from '../../src/sidebar/i18n';

const CODE = 'dist/Code.js';
const SERVICES = [
  'SpreadsheetApp',
  'PropertiesService',
  'ScriptApp',
  'LockService',
  'HtmlService',
  'Session',
  'Utilities',
  'CacheService',
  'UrlFetchApp',
  'DriveApp',
];

function loadBundle(services: Record<string, unknown> = {}) {
  if (!existsSync(CODE)) throw new Error(`${CODE} is missing: run "npm run build" first (npm test does it)`);
  const touched: string[] = [];
  const trap = (name: string) =>
    new Proxy(
      {},
      {
        get(_t, prop) {
          touched.push(`${name}.${String(prop)}`);
          throw new Error(`${name}.${String(prop)} touched`);
        },
      },
    );
  const sandbox: Record<string, unknown> = { console };
  for (const s of SERVICES) sandbox[s] = services[s] ?? trap(s);
  const context = createContext(sandbox);
  runInContext(readFileSync(CODE, 'utf8'), context, { filename: 'Code.gs' });
  return { context: context as Record<string, unknown>, touched };
}

interface Declaration {
  name: string;
  params: string[];
  jsdoc: string;
}
function declarations(code: string): Map<string, Declaration> {
  const found = new Map<string, Declaration>();
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\nfunction (\w+)\(([^)]*)\)\s*\{/g;
  for (const m of code.matchAll(re)) {
    found.set(m[2], {
      name: m[2],
      jsdoc: m[1],
      params: m[3]
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    });
  }
  return found;
}

describe('dist/Code.js', () => {
  // 100 KB until the server began computing each KPI's values per period from raw rows (#10):
  // the refresh (a trigger, no sidebar) and bootstrap's bounded series need the aggregation there;
  // the fault-proof storage and refresh (#14: own-column writes, idempotent creates, merge on an
  // older copy, payload checks) and the dashboards as one Sheets API batch (#11) brought it to
  // 122 KB once all streams met. 128 KB left room for the trigger's own state and the payload
  // checks; reading a dashboard's sources, storage and history in 3 Sheets API calls instead of
  // about 30 (grid data turned into getValues values, #11) added 2.8 KB: 132 KB, at 130.0 KB.
  // The clock trigger as Google runs it (#9: no document lock or properties) added 7.6 KB,
  // measured module by module: the refresh's state in a sheet of its own (state-sheet 1.4,
  // refresh-state 1.2), the user's lock, the cross-user mark and the stand-down record (run +2.3),
  // the trigger finding its spreadsheet and removing itself when it is gone (document 1.3,
  // triggers 1.2), whose trigger runs the schedule (schedule +0.9): 137.6 KB, so 140 KB. A
  // dashboard's figures kept live where one scan of the source does it (#11: the SUMIFS and cell
  // formulas and what follows from them, build +1.5, figures +0.6) and the benchmark series added
  // 2.4 KB: 140.2 KB, so 144 KB. Past it, trim (the sidebar's words and the SMART messages are
  // already kept out).
  test('is under 144 KB', () => {
    const bytes = statSync(CODE).size;
    console.log(`pushed server bundle: ${CODE} = ${(bytes / 1024).toFixed(1)} KB`);
    expect(bytes).toBeLessThan(144 * 1024);
  });

  test("carries only the server's strings: none of the sidebar's words, none of the SMART messages", () => {
    const code = readFileSync(CODE, 'utf8');
    const report = checkSmart({ kpi: {}, otherKpis: [], today: '2025-01-15' }, 'fr');
    const sidebarOnly = [
      ...(['fr', 'en'] as const).flatMap((lang) => Object.values(inLang(SIDEBAR_TEXT, lang))),
      ...report.findings.map((f) => f.message),
    ].filter((s): s is string => typeof s === 'string' && s.length >= 16);
    expect(sidebarOnly.length).toBeGreaterThan(50);
    // The same words in both places on purpose: the dashboard header and the sidebar's last-run title.
    const shownByBoth = new Set(['Dernière actualisation']);
    expect(sidebarOnly.filter((s) => code.includes(s) && !shownByBoth.has(s))).toEqual([]);
  });

  test('loads in a bare context without require, module, process or window, touching no service', () => {
    const { context, touched } = loadBundle();
    expect(touched).toEqual([]);
    for (const global of ['require', 'module', 'process', 'window']) expect(context[global]).toBeUndefined();
  });

  test('keeps the formula engine and other dev-only code out', () => {
    const code = readFileSync(CODE, 'utf8');
    expect(code).not.toMatch(/HyperFormula|hyperformula|formulajs|playwright/i);
  });

  const decls = declarations(readFileSync(CODE, 'utf8'));
  test.each(CATALOG.map((f) => [f.name, f] as const))(
    '%s is a top-level function with named parameters and its JSDoc',
    (name, spec) => {
      const { context } = loadBundle();
      expect(typeof context[name]).toBe('function');
      const decl = decls.get(name);
      expect(decl).toBeDefined();
      expect(decl!.params).toEqual(spec.params.map((p) => p.name));
      expect(decl!.jsdoc).toContain('@customfunction');
      expect(decl!.jsdoc).toContain(spec.summary.en);
      for (const p of spec.params) {
        const pattern = new RegExp(`@param \\{[^}]+\\} ${p.optional ? `\\[${p.name}\\]` : p.name} .*Example: `);
        expect(decl!.jsdoc).toMatch(pattern);
      }
    },
  );

  test.each(EXAMPLES.map((e) => [e.formula, e] as const))(
    '%s gives the same result when Sheets calls it',
    (_f, example) => {
      const spreadsheet = { getSpreadsheetLocale: () => 'en_US' };
      const { context, touched } = loadBundle({ SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet } });
      const { name, args } = parseCall(example.formula, example.cells);
      const fn = context[name] as (...a: unknown[]) => unknown;
      const error = expectedError(example);
      if (error !== undefined) {
        expect(() => fn(...args)).toThrow(error);
      } else {
        expectResult(fn(...args), example.expect);
        expect(touched).toEqual([]); // a successful call looks nothing up
      }
    },
  );

  test('the function help pages are built from the catalog, one per language', () => {
    for (const [lang, title] of [
      ['fr', 'Fonctions Boussole'],
      ['en', 'Boussole functions'],
    ] as const) {
      const html = readFileSync(`dist/Help_${lang}.html`, 'utf8');
      expect(html).toContain(title);
      for (const f of CATALOG) expect(html).toContain(`=${f.name}(`);
    }
  });

  test('every catalog function has its implementation in the bundle, and nothing else does', () => {
    const { context } = loadBundle();
    const ns = runInContext('Boussole.functions', createContext(context)) as Record<string, unknown>;
    expect(Object.keys(ns).sort()).toEqual(CATALOG.map((f) => f.name).sort());
  });

  test('errors are thrown in French when the spreadsheet is French, naming the sheet row of the calling formula', () => {
    const spreadsheet = { getSpreadsheetLocale: () => 'fr_FR' };
    const calling = { getFormula: () => '=CAC(B2:B4; C2:C4)' };
    const { context } = loadBundle({
      SpreadsheetApp: { getActiveSpreadsheet: () => spreadsheet, getActiveRange: () => calling },
    });
    const cac = context.CAC as (...a: unknown[]) => unknown;
    expect(() => cac([[1000], [2000], ['abc']], [[10], [20], [30]])).toThrow(
      "CAC\u00a0: dépenses, ligne 4\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
    );
  });

  test('without a readable calling cell, the position inside the range, said as such', () => {
    const spreadsheet = { getSpreadsheetLocale: () => 'fr_FR' };
    const { context } = loadBundle({
      SpreadsheetApp: {
        getActiveSpreadsheet: () => spreadsheet,
        getActiveRange: () => {
          throw new Error('no active range');
        },
      },
    });
    const cac = context.CAC as (...a: unknown[]) => unknown;
    expect(() => cac([[1000], [2000], ['abc']], [[10], [20], [30]])).toThrow(
      "CAC\u00a0: dépenses, ligne 3 de la plage\u00a0: «\u00a0abc\u00a0» n'est pas un nombre",
    );
  });

  test('errors fall back to English when the locale cannot be read', () => {
    const { context } = loadBundle();
    const cac = context.CAC as (...a: unknown[]) => unknown;
    expect(() => cac([[1000], [2000], ['abc']], [[10], [20], [30]])).toThrow(
      'CAC: spend, row 3 of the range: "abc" is not a number',
    );
  });

  test('onOpen builds Extensions › Boussole and nothing else; onInstall calls it', () => {
    const items: string[][] = [];
    const menu = {
      addItem: (label: string, fn: string) => {
        items.push([label, fn]);
        return menu;
      },
      addSeparator: () => menu,
      addToUi: () => items.push(['<added>']),
    };
    const calls: string[] = [];
    const SpreadsheetApp = new Proxy(
      {},
      {
        get: (_t, p) => {
          calls.push(String(p));
          if (p === 'getUi') return () => ({ createAddonMenu: () => menu });
          throw new Error(`SpreadsheetApp.${String(p)} touched in onOpen`);
        },
      },
    );
    const Session = { getActiveUserLocale: () => 'fr_FR' };
    const { context } = loadBundle({ SpreadsheetApp, Session });
    (context.onOpen as (e: unknown) => void)({ authMode: 'NONE' });
    expect(calls).toEqual(['getUi']);
    expect(items).toEqual([
      ['Ouvrir Boussole', 'showSidebar'],
      ['Aide des fonctions KPI', 'showFunctionHelp'],
      ['<added>'],
    ]);
    for (const [, handler] of items.slice(0, -1)) expect(typeof context[handler]).toBe('function'); // handlers exist at top level
    items.length = 0;
    (context.onInstall as (e: unknown) => void)({ authMode: 'NONE' });
    expect(items).toHaveLength(3);
  });

  test('every server API method the sidebar calls is a top-level function', () => {
    const { context } = loadBundle();
    for (const name of SERVER_METHODS) expect(typeof context[name]).toBe('function');
  });
});

describe('dist/Sidebar.html', () => {
  // #13: the sidebar stays one HTML file under 150 KB (JS and CSS inlined). Validating a formula
  // KPI must not pull the metrics library in (core/kpi/formula-kpi.ts FORMULA_KINDS).
  test('is under 150 KB', () => {
    const bytes = statSync('dist/Sidebar.html').size;
    console.log(`sidebar: dist/Sidebar.html = ${(bytes / 1024).toFixed(1)} KB`);
    expect(bytes).toBeLessThan(150 * 1024);
  });
});
