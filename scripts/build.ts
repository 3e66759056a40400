import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { serverCode } from './bundle';
import { buildSidebarHtml } from './sidebar-build';

async function main(): Promise<void> {
  rmSync('dist', { recursive: true, force: true });
  mkdirSync('dist', { recursive: true });
  const code = await serverCode();
  writeFileSync('dist/Code.js', code);
  writeFileSync('dist/appsscript.json', readFileSync('appsscript.json'));
  writeFileSync('dist/Sidebar.html', await buildSidebarHtml());
  console.log(`dist/Code.js ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB, dist/appsscript.json`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
