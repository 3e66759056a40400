import { COMMA_SYNTAX, respellFormula, SEMICOLON_SYNTAX } from '../core/formula';
import type { Lang } from '../core/i18n/lang';
import { argumentName } from '../core/metrics/argument-names';
import type { FunctionSpec } from './catalog';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A function's signature as a reader of `lang` writes it: `=CAC(dépenses; nouveaux_clients; [par_période])`. */
export function signatureIn(f: FunctionSpec, lang: Lang): string {
  const sep = lang === 'fr' ? '; ' : ', ';
  return `=${f.name}(${f.params.map((p) => (p.optional ? `[${argumentName(p.name, lang)}]` : argumentName(p.name, lang))).join(sep)})`;
}

/** A formula written with "," (the catalog's examples) as a reader of `lang` types it in their sheet. */
export function exampleIn(formula: string, lang: Lang): string {
  return lang === 'fr'
    ? (respellFormula(formula, COMMA_SYNTAX, SEMICOLON_SYNTAX, { spaced: true }) ?? formula)
    : (respellFormula(formula, COMMA_SYNTAX, COMMA_SYNTAX, { spaced: true }) ?? formula);
}

/**
 * The function help page shown from the menu, in the user's language, generated from the catalog.
 * French pages write formulas as a French spreadsheet reads them (";" between arguments, French
 * argument names), English ones with ","; both say which one a sheet wants (its locale decides).
 */
export function renderFunctionHelp(
  catalog: readonly FunctionSpec[],
  lang: Lang,
  examples: readonly { formula: string }[] = [],
): string {
  const t =
    lang === 'fr'
      ? {
          title: 'Fonctions Boussole',
          intro:
            'Tapez-les dans une cellule comme toute formule. Les arguments entre crochets sont facultatifs. ' +
            'Les formules suivent les paramètres régionaux de la feuille (Fichier › Paramètres) : en France, ' +
            'en Allemagne, en Italie, en Espagne, au Brésil… les arguments sont séparés par « ; » et les ' +
            'décimales s’écrivent avec une virgule, comme ci-dessous ; aux États-Unis, au Royaume-Uni, en Suisse… ' +
            'par « , » avec un point décimal. La saisie semi-automatique de Sheets nomme les arguments en anglais ' +
            '(entre parenthèses ci-dessous).',
          returns: 'Résultat',
          example: 'ex.',
          formula: 'Exemple',
        }
      : {
          title: 'Boussole functions',
          intro:
            'Type them in a cell like any formula. Arguments in brackets are optional. Formulas follow the ' +
            "spreadsheet's locale (File › Settings): in the United States, the United Kingdom, Switzerland… " +
            'arguments are separated by "," with a decimal point, as below; in France, Germany, Italy, Spain, ' +
            'Brazil… by ";" with a decimal comma: =CAC(B2:D13; E2:E13).',
          returns: 'Result',
          example: 'e.g.',
          formula: 'Example',
        };
  const colon = lang === 'fr' ? ' : ' : ': ';
  const items = catalog
    .map((f) => {
      const params = f.params
        .map((p) => {
          const shown = argumentName(p.name, lang);
          const declared = shown === p.name ? '' : ` (<code>${escapeHtml(p.name)}</code>)`;
          return `<li><code>${escapeHtml(shown)}</code>${declared} — ${escapeHtml(p.doc[lang])} <span class="ex">${t.example} ${escapeHtml(p.example)}</span></li>`;
        })
        .join('');
      const example = examples.find((e) => e.formula.startsWith(`=${f.name}(`));
      const exampleLine = example
        ? `<p class="ex">${t.formula}${colon}<code>${escapeHtml(exampleIn(example.formula, lang))}</code></p>`
        : '';
      return `<section><h2><code>${escapeHtml(signatureIn(f, lang))}</code></h2><p>${escapeHtml(f.summary[lang])}</p><ul>${params}</ul><p class="ret">${t.returns}${colon}${escapeHtml(f.returns[lang])}</p>${exampleLine}</section>`;
    })
    .join('');
  return `<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8"><style>
body{font-family:Roboto,Arial,sans-serif;font-size:13px;color:#202124;margin:12px}
h1{font-size:16px;font-weight:500}h2{font-size:13px;margin:14px 0 4px}code{font-family:"Roboto Mono",monospace;font-size:12px}
ul{margin:4px 0;padding-left:18px}.ex{color:#5f6368}.ret{color:#3c4043}section{border-top:1px solid #e0e0e0}
</style></head><body><h1>${t.title}</h1><p>${t.intro}</p>${items}</body></html>`;
}
