// Stops `npm run deploy` with a useful message while .clasp.json still holds the placeholder id.
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync('.clasp.json', 'utf8'));
if (!config.scriptId || /REPLACE/.test(config.scriptId)) {
  console.error(
    '.clasp.json has no script id yet. Create the Apps Script project (README › "Push to a real spreadsheet"),\n' +
      'then put its Script ID in .clasp.json ("scriptId") and run `npm run deploy` again.',
  );
  process.exit(1);
}
if (config.rootDir !== 'dist') {
  console.error('.clasp.json must have "rootDir": "dist": clasp pushes the built bundle, not the TypeScript sources.');
  process.exit(1);
}
