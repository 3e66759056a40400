/**
 * `npm start`: the playground on http://127.0.0.1:8080/ (PORT env or `--port N`; `--host H`;
 * `--fresh` ignores the saved state; `--data DIR` moves it from playground-data/).
 */
import { startPlayground } from './playground';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<void> {
  const port = Number(arg('port') ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port ${arg('port') ?? process.env.PORT}: not a port number`);
  const host = arg('host') ?? process.env.HOST ?? '127.0.0.1';
  const dataDir = process.argv.includes('--fresh') ? null : arg('data');
  console.log('Boussole playground: building the sample workbook…');
  const t0 = Date.now();
  const pg = await startPlayground({ port, host, dataDir: dataDir === null ? null : (dataDir ?? undefined) });
  console.log(`Boussole playground ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${pg.url}`);
  console.log(`  (the sidebar alone: ${pg.url}sidebar · state saved in playground-data/ · Ctrl-C to stop)`);
  const stop = () => void pg.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`Boussole playground: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
