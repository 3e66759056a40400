import type { Lang } from '../core/i18n/lang';
import type { FunctionSpec } from './catalog';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The function help page shown from the menu, in the user's language, generated from the catalog. */
export function renderFunctionHelp(catalog: readonly FunctionSpec[], lang: Lang): string {
  const t =
    lang === 'fr'
      ? {
          title: 'Fonctions Boussole',
          intro: 'Tapez-les dans une cellule comme toute formule. Les arguments entre crochets sont facultatifs.',
          returns: 'Résultat',
          example: 'ex.',
        }
      : {
          title: 'Boussole functions',
          intro: 'Type them in a cell like any formula. Arguments in brackets are optional.',
          returns: 'Result',
          example: 'e.g.',
        };
  const items = catalog
    .map((f) => {
      const signature = `=${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;
      const params = f.params
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> — ${escapeHtml(p.doc[lang])} <span class="ex">${t.example} ${escapeHtml(p.example)}</span></li>`,
        )
        .join('');
      return `<section><h2><code>${escapeHtml(signature)}</code></h2><p>${escapeHtml(f.summary[lang])}</p><ul>${params}</ul><p class="ret">${t.returns} : ${escapeHtml(f.returns[lang])}</p></section>`;
    })
    .join('');
  return `<!DOCTYPE html><html><head><base target="_top"><meta charset="utf-8"><style>
body{font-family:Roboto,Arial,sans-serif;font-size:13px;color:#202124;margin:12px}
h1{font-size:16px;font-weight:500}h2{font-size:13px;margin:14px 0 4px}code{font-family:"Roboto Mono",monospace;font-size:12px}
ul{margin:4px 0;padding-left:18px}.ex{color:#5f6368}.ret{color:#3c4043}section{border-top:1px solid #e0e0e0}
</style></head><body><h1>${t.title}</h1><p>${t.intro}</p>${items}</body></html>`;
}
