import { readFileSync } from 'node:fs';
import { withReference } from '../../scripts/reference';
import { CATALOG } from '../../src/functions/catalog';

test('the README function reference is generated from the catalog and up to date (npm run docs)', () => {
  const readme = readFileSync('README.md', 'utf8');
  expect(readme).toBe(withReference(readme));
  for (const f of CATALOG) expect(readme).toContain(`### \`=${f.name}(`);
});

test('the README gives the test command that .ci/run runs', () => {
  const readme = readFileSync('README.md', 'utf8');
  const ci = readFileSync('.ci/run', 'utf8');
  expect(readme).toContain('npm test');
  expect(ci).toMatch(/^npm test$/m);
});
