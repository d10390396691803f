/**
 * `npm run bench`: builds synthetic corpora (1x, 10x, 100x the real sources) with the real build
 * steps and measures time, memory and what readers download, then Lighthouse's scores of the
 * smallest site (median of three runs). Prints tables and writes bench/results.json.
 * BENCH_SCALES=1,10 limits the scales; the runs of scales not measured this time are kept from the
 * previous results.json (each run has its date). BENCH_LIGHTHOUSE_RUNS (default 3; 0 skips).
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeCorpus } from './bench/corpus.ts';
import { measureSite } from './bench/measure.ts';
import { FIRST_SEARCHES, measureFirstSearches } from './bench/first-search.ts';
import { watchPeak } from './bench/memory.ts';
import { CATEGORIES, DEFAULT_PAGES, runLighthouse, type Category, type LighthouseScore } from './lighthouse.ts';

const scales = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const work = resolve('bench/work');

interface Run {
  scale: number;
  /** the day this scale was measured, and on what */
  date?: string;
  machine?: string;
  events: number;
  pages: number;
  ingestSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  totalSeconds: number;
  peakMemoryMB: number;
  distMB: number;
  dayPageMedianKB: number;
  dayPageMaxKB: number;
  dayPageDownloadKB: number;
  firstSearchKB: number;
  firstSearchMs: number;
  /** every search of FIRST_SEARCHES, each on a cold cache (the first is firstSearchKB) */
  firstSearches: { search: string; kilobytes: number; milliseconds: number; status: string }[];
}

function step(output: string, name: string): number {
  const match = new RegExp(`^step ${name} ([\\d.]+) s$`, 'm').exec(output);
  return match ? Number(match[1]) : NaN;
}

async function runScale(scale: number): Promise<Run> {
  const corpus = join(work, `corpus-${scale}x`);
  const data = join(work, `data-${scale}x`);
  const dist = join(work, `dist-${scale}x`);
  makeCorpus(resolve('content/sources'), corpus, scale);
  const env = { ...process.env, SOURCES_DIR: corpus, DAYLINE_DATA_DIR: data, DIST_DIR: dist };
  // A clean build: no output of an earlier bench run to delete first.
  rmSync(data, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  const started = Date.now();
  // GNU time reports the largest single process it waited for; watchPeak sums the whole tree
  // (build script, Astro, the Pagefind service) at each moment. The larger of the two is reported.
  const child = spawn('/usr/bin/time', ['-f', 'maxrss-kb %M', 'tsx', 'scripts/build.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const watch = watchPeak(child.pid!);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const status = await new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
  const treePeakKB = watch.stop();
  const wall = (Date.now() - started) / 1000;
  if (status !== 0) throw new Error(`build at ${scale}x failed:\n${output.slice(-4000)}`);
  const maxRss = Math.max(treePeakKB, Number(/maxrss-kb (\d+)/.exec(output)?.[1] ?? 0));
  const events = (JSON.parse(readFileSync(join(data, 'events.json'), 'utf8')) as unknown[]).length;
  const size = measureSite(dist);
  const searches = await measureFirstSearches(dist, FIRST_SEARCHES);
  return {
    scale,
    date: new Date().toISOString().slice(0, 10),
    events,
    pages: size.pages,
    ingestSeconds: step(output, 'ingest'),
    astroSeconds: step(output, 'astro'),
    pagefindSeconds: step(output, 'pagefind'),
    totalSeconds: Math.round(wall * 100) / 100,
    peakMemoryMB: Math.round(maxRss / 1024),
    distMB: size.distMB,
    dayPageMedianKB: size.dayPageMedianKB,
    dayPageMaxKB: size.dayPageMaxKB,
    dayPageDownloadKB: size.dayPageDownloadKB,
    firstSearchKB: searches[0].kilobytes,
    firstSearchMs: searches[0].milliseconds,
    firstSearches: searches.map(({ search, kilobytes, milliseconds, status }) => ({ search, kilobytes, milliseconds, status })),
  };
}

function table(runs: Run[]): string {
  const columns: [string, (r: Run) => string | number][] = [
    ['scale', (r) => `${r.scale}x`],
    ['events', (r) => r.events],
    ['pages', (r) => r.pages],
    ['ingest s', (r) => r.ingestSeconds],
    ['astro s', (r) => r.astroSeconds],
    ['pagefind s', (r) => r.pagefindSeconds],
    ['total s', (r) => r.totalSeconds],
    ['µs/event', (r) => Math.round((r.totalSeconds / r.events) * 1e6)],
    ['peak MB', (r) => r.peakMemoryMB],
    ['dist MB', (r) => r.distMB],
    ['day KB med', (r) => r.dayPageMedianKB],
    ['day KB max', (r) => r.dayPageMaxKB],
    ['day dl KB', (r) => r.dayPageDownloadKB],
    ['search KB', (r) => r.firstSearchKB],
    ['search ms', (r) => r.firstSearchMs],
  ];
  const header = `| ${columns.map(([name]) => name).join(' | ')} |`;
  const rule = `| ${columns.map(() => '---').join(' | ')} |`;
  const rows = runs.map((r) => `| ${columns.map(([, value]) => value(r)).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

/** Lighthouse's scores of each page: the median of `count` runs per category (mobile preset). */
async function lighthouseMedians(dist: string, count: number): Promise<Record<string, Record<Category, number>>> {
  const runs: LighthouseScore[] = [];
  for (let i = 0; i < count; i++) runs.push(...(await runLighthouse({ dist, pages: DEFAULT_PAGES, presets: ['mobile'] })));
  const out: Record<string, Record<Category, number>> = {};
  for (const page of DEFAULT_PAGES) {
    const mine = runs.filter((r) => r.page === page);
    const median = (c: Category) => mine.map((r) => r.scores[c]).sort((a, b) => a - b)[Math.floor((mine.length - 1) / 2)];
    out[page] = Object.fromEntries(CATEGORIES.map((c) => [c, median(c)])) as Record<Category, number>;
  }
  return out;
}

function readPrevious(): { runs?: Run[]; machine?: string; date?: string } {
  try {
    return JSON.parse(readFileSync('bench/results.json', 'utf8')) as { runs?: Run[]; machine?: string; date?: string };
  } catch {
    return {};
  }
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
mkdirSync(work, { recursive: true });
const runs: Run[] = [];
for (const scale of scales) {
  console.error(`bench: building ${scale}x …`);
  runs.push(await runScale(scale));
}
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
let lighthouse: Record<string, Record<Category, number>> | undefined;
if (lighthouseRuns > 0) {
  // Lighthouse's performance score moves with the machine's load: a benchmark figure, the median of
  // several runs, on the smallest site (the real corpus at 1x holds the pages measured).
  console.error(`bench: Lighthouse, ${lighthouseRuns} runs …`);
  lighthouse = await lighthouseMedians(join(work, `dist-${Math.min(...scales)}x`), lighthouseRuns);
}
const previous = readPrevious();
const kept = (previous.runs ?? []).filter((r) => !scales.includes(r.scale)).map((r) => ({ date: previous.date, machine: previous.machine, ...r }));
for (const r of runs) r.machine = machine;
const allRuns = [...kept, ...runs].sort((a, b) => a.scale - b.scale);
const results = {
  machine,
  date: new Date().toISOString().slice(0, 10),
  ...(lighthouse ? { lighthouse, lighthouseMethod: `median of ${lighthouseRuns} runs, mobile preset, site at ${Math.min(...scales)}x` } : {}),
  runs: allRuns,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`${machine}, ${results.date}\n\n${table(allRuns)}`);
if (lighthouse) {
  console.log(`\nLighthouse (${results.lighthouseMethod}):\n| page | ${CATEGORIES.join(' | ')} |\n| --- | ${CATEGORIES.map(() => '---').join(' | ')} |`);
  for (const [page, scores] of Object.entries(lighthouse)) console.log(`| ${page} | ${CATEGORIES.map((c) => scores[c]).join(' | ')} |`);
}
for (const run of runs) {
  console.log(`\nfirst searches at ${run.scale}x (KB on a cold cache):`);
  for (const f of run.firstSearches) console.log(`  ${String(f.kilobytes).padStart(6)}  ${decodeURIComponent(f.search)}  (${f.status})`);
}
