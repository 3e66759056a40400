import { readFileSync, writeFileSync } from 'node:fs';
import { withReference } from './reference';

const before = readFileSync('README.md', 'utf8');
const after = withReference(before);
writeFileSync('README.md', after);
console.log(
  before === after ? 'README.md function reference already up to date' : 'README.md function reference regenerated',
);
