/**
 * `npm run screenshots`: the README's pictures of the playground, from a fresh sample (saved state
 * ignored): docs/playground.png (the whole page on the first dashboard), docs/sidebar.png,
 * docs/dashboard.png (the first dashboard's sheet, charts drawn). Headless Chromium.
 */
import { join } from 'node:path';
import { startPlaygroundEnv, takeScreenshots } from '../playground/testing';

async function main(): Promise<void> {
  const env = await startPlaygroundEnv();
  try {
    const shots = await takeScreenshots(env, join(process.cwd(), 'docs'));
    console.log(
      ['playground', 'sidebar']
        .map((k) => shots[k as 'playground' | 'sidebar'])
        .concat(shots.dashboards)
        .join('\n'),
    );
  } finally {
    await env.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
