// Runs a TypeScript entry point with Node: esbuild bundles it (node_modules stay external) into .cache/ and imports it.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args…]');
  process.exit(2);
}
mkdirSync('.cache', { recursive: true });
const outfile = resolve('.cache', `${basename(entry).replace(/\.ts$/, '')}.mjs`);
await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
