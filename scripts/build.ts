/**
 * `npm run build`: ingest -> Astro site -> Pagefind index, into dist/. Prints the time of each step
 * (the benchmark reads the `step` lines).
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { runIngest } from './ingest.ts';
import { buildSearchIndex } from './search-index.ts';
import { dataDir } from '../src/lib/data-dir.ts';

function timed<T>(name: string, step: () => T): T {
  const started = performance.now();
  const value = step();
  console.log(`step ${name} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return value;
}

async function timedAsync<T>(name: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await step();
  console.log(`step ${name} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return value;
}

const total = performance.now();
await timedAsync('ingest', () => runIngest());
timed('astro', () => {
  const result = spawnSync('astro', ['build'], { stdio: 'inherit', shell: false, env: process.env });
  if (result.status !== 0) {
    console.error('astro build failed');
    process.exit(result.status ?? 1);
  }
});
await timedAsync('pagefind', () => buildSearchIndex({ dataDir: dataDir(), distDir: process.env.DIST_DIR ?? 'dist', base: process.env.BASE_PATH ?? '/' }));
console.log(`step total ${((performance.now() - total) / 1000).toFixed(2)} s`);
