/**
 * Builds the sidebar as ONE HTML file (dist/Sidebar.html): the bundle of src/sidebar/main.tsx as a
 * classic IIFE script and src/sidebar/style.css, both inlined. Apps Script serves it with
 * HtmlService.createHtmlOutputFromFile('Sidebar'), in a sandboxed iframe that loads nothing else.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = process.cwd();

/**
 * Makes bundled JavaScript safe inside an inline <script>: `</script` would close the element,
 * `<!--` would switch the HTML parser into its script-escape states, and `<?` is what a template
 * would take for a scriptlet. `\x3c` is `<` inside strings, template literals and regular
 * expressions alike, the only places where these sequences can appear in valid code.
 */
export function escapeInlineScript(js: string): string {
  return js.replace(/<(?=\/script|!--|\?)/gi, '\\x3c');
}

/** CSS inside <style>: only `</style` could end it early. */
export function escapeInlineStyle(css: string): string {
  return css.replace(/<\/style/gi, '<\\/style');
}

export async function bundleSidebarScript(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, 'src/sidebar/main.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    // The browsers Google Workspace supports (current versions) all run ES2020: `?.` and `??` stay as written.
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    // The file is served as UTF-8 (<meta charset="utf-8">, HtmlService): accented text stays as is, not \u escapes.
    charset: 'utf8',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text.trim();
}

export async function bundleSidebarStyle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: readFileSync(resolve(ROOT, 'src/sidebar/style.css'), 'utf8'),
      loader: 'css',
      resolveDir: resolve(ROOT, 'src/sidebar'),
    },
    bundle: true,
    write: false,
    minify: true,
    target: 'chrome80',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text.trim();
}

export async function buildSidebarHtml(): Promise<string> {
  const [js, css] = await Promise.all([bundleSidebarScript(), bundleSidebarStyle()]);
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<base target="_top">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Boussole</title>',
    `<style>${escapeInlineStyle(css)}</style>`,
    '</head>',
    '<body>',
    '<div id="app" aria-live="off"><p class="loading">Chargement… / Loading…</p></div>',
    `<script>${escapeInlineScript(js)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
