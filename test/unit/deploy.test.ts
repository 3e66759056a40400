/**
 * `npm run deploy` must really push: clasp 3 asks before pushing a changed manifest and, without a
 * terminal, answers no itself, prints "Skipping push." and exits 0 (checked in the installed clasp).
 */
import { readFileSync } from 'node:fs';

test('npm run deploy pushes with --force, and clasp without it skips a changed manifest when not interactive', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.deploy).toMatch(/clasp push --force$/);
  const push = readFileSync('node_modules/@google/clasp/build/src/commands/push.js', 'utf8');
  expect(push).toContain('Skipping push.');
  expect(push).toMatch(/if \(!isInteractive\(\)\) \{\s*return false;/);
});
