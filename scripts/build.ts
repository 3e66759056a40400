import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CATALOG } from '../src/functions/catalog';
import { EXAMPLES, expectedError } from '../src/functions/examples';
import { renderFunctionHelp } from '../src/functions/help';

/** One worked example per function on the help pages: those that compute, not the error cases. */
const HELP_EXAMPLES = EXAMPLES.filter((e) => expectedError(e) === undefined);
import { serverCode } from './bundle';
import { buildSidebarHtml } from './sidebar-build';

const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist', { recursive: true });
  const code = await serverCode();
  writeFileSync('dist/Code.js', code);
  writeFileSync('dist/appsscript.json', readFileSync('appsscript.json'));
  const sidebar = await buildSidebarHtml();
  writeFileSync('dist/Sidebar.html', sidebar);
  // The function help pages are static: the catalog's bilingual text stays out of Code.js.
  for (const lang of ['fr', 'en'] as const)
    writeFileSync(`dist/Help_${lang}.html`, renderFunctionHelp(CATALOG, lang, HELP_EXAMPLES));
  console.log(
    `dist/Code.js ${kb(code)}, dist/Sidebar.html ${kb(sidebar)}, dist/Help_fr.html, dist/Help_en.html, dist/appsscript.json`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
