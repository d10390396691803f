/**
 * `npm run build`: ingest -> Astro site and Pagefind index -> dist/. Prints the time of each step
 * (the benchmark reads the `step` lines).
 *
 * The search index is made from the published records, not from the pages, so it needs only the
 * ingest: it is written into a folder beside dist while Astro renders (Astro empties dist when it
 * starts) and moved in when both are done. With a core to spare, the index costs no wall time.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildSearchIndex } from './search-index.ts';
import { dataDir } from '../src/lib/data-dir.ts';
import { printStep, startStep } from './steps.ts';

async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const clock = startStep();
  const value = await step();
  printStep(name, clock);
  return value;
}

/** A script of this folder in a process of its own; `nodeArgs` carry this process's TypeScript loader to a .ts script. */
function runScript(name: string, what: string, nodeArgs: string[] = []): Promise<void> {
  return new Promise((done, fail) => {
    const script = fileURLToPath(new URL(name, import.meta.url));
    const child = spawn(process.execPath, [...nodeArgs, script], { stdio: 'inherit', shell: false, env: process.env });
    child.on('error', fail);
    child.on('close', (status) => (status === 0 ? done() : fail(new Error(`${what} failed (exit status ${status})`))));
  });
}

const total = performance.now();
// The ingest runs in a process of its own, which prints its step line (with its processor time):
// its memory (about 0.9 GB at 100x) is given back before Astro starts, not held beside it.
try {
  await runScript('./ingest.ts', 'ingest', process.execArgv);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
const dist = resolve(process.env.DIST_DIR ?? 'dist');
const staging = `${dist}.search`;
rmSync(staging, { recursive: true, force: true });
const [site, search] = await Promise.allSettled([
  timed('astro', () => runScript('./astro-build.mjs', 'astro build')),
  timed('pagefind', () => buildSearchIndex({ dataDir: dataDir(), distDir: staging, base: process.env.BASE_PATH ?? '/' })),
]);
for (const step of [site, search]) {
  if (step.status === 'rejected') {
    console.error(step.reason instanceof Error ? step.reason.message : step.reason);
    rmSync(staging, { recursive: true, force: true });
    process.exit(1);
  }
}
// Astro has written dist: the index bundles (pagefind/, pagefind-part-N/) move in beside the pages.
for (const name of existsSync(staging) ? readdirSync(staging) : []) {
  rmSync(join(dist, name), { recursive: true, force: true });
  renameSync(join(staging, name), join(dist, name));
}
rmSync(staging, { recursive: true, force: true });
console.log(`step total ${((performance.now() - total) / 1000).toFixed(2)} s`);
