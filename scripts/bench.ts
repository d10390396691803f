/**
 * `npm run bench`: builds synthetic corpora with the real build steps and measures time, memory,
 * file counts and what readers download, then Lighthouse's scores of the smallest site (median of
 * three runs), then the hostile-shapes benchmark (./bench/hostile.ts). Prints tables and writes
 * bench/results.json (and bench/hostile.json).
 * Two kinds of corpora (scripts/bench/corpus.ts): "shifted" (N copies, years moved on: the corpus
 * grows in time) at BENCH_SCALES (default 1,10,100) and "density" (N accounts of the same days:
 * dates kept, wording and counts varied) at BENCH_DENSITY (default 10,100; empty for none). The runs
 * not measured this time are kept from the previous results.json (each run has its date).
 * BENCH_LIGHTHOUSE_RUNS (default 3; 0 skips, keeping the previous scores). `npm run bench -- --hostile` runs only the hostile
 * shapes (with --profile, --only=shape,shape, --timeout=seconds).
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeCorpus, type CorpusMode } from './bench/corpus.ts';
import { measureSite } from './bench/measure.ts';
import { FIRST_SEARCHES, measureFirstSearches } from './bench/first-search.ts';
import { watchPeak } from './bench/memory.ts';
import { CATEGORIES, DEFAULT_PAGES, runLighthouse, type Category, type LighthouseScore } from './lighthouse.ts';
import { hostileOptionsFromArgs, mainHostile } from './bench/hostile.ts';

const list = (raw: string) => raw.split(',').filter((s) => s.trim() !== '').map(Number);
const plan: { mode: CorpusMode; scale: number }[] = [
  ...list(process.env.BENCH_SCALES ?? '1,10,100').map((scale) => ({ mode: 'shifted' as const, scale })),
  ...list(process.env.BENCH_DENSITY ?? '10,100').map((scale) => ({ mode: 'density' as const, scale })),
];
const work = resolve('bench/work');

interface Run {
  scale: number;
  mode: CorpusMode;
  /** the day this run was measured, and on what */
  date?: string;
  machine?: string;
  /** source text read by the ingest */
  sourceMB: number;
  events: number;
  pages: number;
  ingestSeconds: number;
  /** source text per second of the ingest step (MiB/s) */
  ingestMBPerSecond: number;
  /** processor seconds of the ingest step, all threads (independent of other load on the machine) */
  ingestCpuSeconds: number;
  astroSeconds: number;
  pagefindSeconds: number;
  totalSeconds: number;
  peakMemoryMB: number;
  /** files in the built site (static hosts limit the count) */
  files: number;
  /** the machine's 1-minute load average when the build started and when it ended: other work on
   * the machine (above one per core) stretches every wall-clock figure of the row */
  loadAverage: [number, number];
  distMB: number;
  dayPageMedianKB: number;
  dayPageMaxKB: number;
  dayPageDownloadKB: number;
  monthPageMaxKB: number;
  firstSearchKB: number;
  firstSearchMs: number;
  /** every search of FIRST_SEARCHES, each on a cold cache (the first is firstSearchKB) */
  firstSearches: { search: string; kilobytes: number; milliseconds: number; status: string }[];
}

function step(output: string, name: string): number {
  const match = new RegExp(`^step ${name} ([\\d.]+) s`, 'm').exec(output);
  return match ? Number(match[1]) : NaN;
}

/** Processor seconds of a step, where the build prints them ("step ingest 5.31 s (cpu 6.20 s)"). */
function stepCpu(output: string, name: string): number {
  const match = new RegExp(`^step ${name} [\\d.]+ s \\(cpu ([\\d.]+) s\\)`, 'm').exec(output);
  return match ? Number(match[1]) : NaN;
}

const label = (mode: CorpusMode, scale: number) => (mode === 'shifted' ? `${scale}x` : `density-${scale}x`);

function folderMB(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 2 ** 20;
}

async function runScale(mode: CorpusMode, scale: number): Promise<Run> {
  const name = label(mode, scale);
  const corpus = join(work, `corpus-${name}`);
  const data = join(work, `data-${name}`);
  const dist = join(work, `dist-${name}`);
  makeCorpus(resolve('content/sources'), corpus, scale, mode);
  const sourceMB = folderMB(corpus);
  const env = { ...process.env, SOURCES_DIR: corpus, DAYLINE_DATA_DIR: data, DIST_DIR: dist };
  // A clean build: no output of an earlier bench run to delete first.
  rmSync(data, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
  const loadBefore = loadavg()[0]!;
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
  const loadAfter = loadavg()[0]!;
  if (status !== 0) throw new Error(`build at ${name} failed:\n${output.slice(-4000)}`);
  const maxRss = Math.max(treePeakKB, Number(/maxrss-kb (\d+)/.exec(output)?.[1] ?? 0));
  const events = (JSON.parse(readFileSync(join(data, 'events.json'), 'utf8')) as unknown[]).length;
  const size = measureSite(dist);
  const searches = await measureFirstSearches(dist, FIRST_SEARCHES);
  const ingestSeconds = step(output, 'ingest');
  return {
    scale,
    date: new Date().toISOString().slice(0, 10),
    mode,
    sourceMB: Math.round(sourceMB * 100) / 100,
    events,
    pages: size.pages,
    ingestSeconds,
    ingestMBPerSecond: Math.round((sourceMB / ingestSeconds) * 100) / 100,
    ingestCpuSeconds: stepCpu(output, 'ingest'),
    astroSeconds: step(output, 'astro'),
    pagefindSeconds: step(output, 'pagefind'),
    totalSeconds: Math.round(wall * 100) / 100,
    peakMemoryMB: Math.round(maxRss / 1024),
    files: size.files,
    loadAverage: [Math.round(loadBefore * 10) / 10, Math.round(loadAfter * 10) / 10],
    distMB: size.distMB,
    dayPageMedianKB: size.dayPageMedianKB,
    dayPageMaxKB: size.dayPageMaxKB,
    dayPageDownloadKB: size.dayPageDownloadKB,
    monthPageMaxKB: size.monthPageMaxKB,
    firstSearchKB: searches[0].kilobytes,
    firstSearchMs: searches[0].milliseconds,
    firstSearches: searches.map(({ search, kilobytes, milliseconds, status }) => ({ search, kilobytes, milliseconds, status })),
  };
}

function table(runs: Run[]): string {
  const columns: [string, (r: Run) => string | number][] = [
    ['corpus', (r) => label(r.mode, r.scale)],
    ['source MB', (r) => r.sourceMB],
    ['events', (r) => r.events],
    ['pages', (r) => r.pages],
    ['files', (r) => r.files],
    ['ingest s', (r) => r.ingestSeconds],
    ['ingest MB/s', (r) => r.ingestMBPerSecond],
    ['ingest cpu s', (r) => r.ingestCpuSeconds],
    ['astro s', (r) => r.astroSeconds],
    ['pagefind s', (r) => r.pagefindSeconds],
    ['total s', (r) => r.totalSeconds],
    ['µs/event', (r) => Math.round((r.totalSeconds / r.events) * 1e6)],
    ['load', (r) => r.loadAverage.join('–')],
    ['peak MB', (r) => r.peakMemoryMB],
    ['dist MB', (r) => r.distMB],
    ['day KB med', (r) => r.dayPageMedianKB],
    ['day KB max', (r) => r.dayPageMaxKB],
    ['day dl KB', (r) => r.dayPageDownloadKB],
    ['month KB max', (r) => r.monthPageMaxKB],
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

if (process.argv.includes('--hostile')) {
  await mainHostile();
  process.exit(0);
}

interface Previous {
  runs?: Run[];
  machine?: string;
  date?: string;
  lighthouse?: Record<string, Record<Category, number>>;
  lighthouseMethod?: string;
}

function readPrevious(): Previous {
  try {
    return JSON.parse(readFileSync('bench/results.json', 'utf8')) as Previous;
  } catch {
    return {};
  }
}

const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
mkdirSync(work, { recursive: true });
const runs: Run[] = [];
for (const { mode, scale } of plan) {
  console.error(`bench: building ${label(mode, scale)} …`);
  runs.push(await runScale(mode, scale));
}
// Lighthouse reads the smallest site of the year-shifted kind (the real corpus at 1x holds the pages measured)
const shiftedScales = plan.filter((p) => p.mode === 'shifted').map((p) => p.scale);
const lighthouseScale = Math.min(...shiftedScales);
const lighthouseRuns = shiftedScales.length ? Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3) : 0;
let lighthouse: Record<string, Record<Category, number>> | undefined;
if (lighthouseRuns > 0) {
  // Lighthouse's performance score moves with the machine's load: a benchmark figure, the median of
  // several runs, on the smallest site (the real corpus at 1x holds the pages measured).
  console.error(`bench: Lighthouse, ${lighthouseRuns} runs …`);
  lighthouse = await lighthouseMedians(join(work, `dist-${label('shifted', lighthouseScale)}`), lighthouseRuns);
}
const previous = readPrevious();
// runs from before density corpora have no mode: they were of the shifted kind
const measured = (r: Pick<Run, 'mode' | 'scale'>) => plan.some((p) => p.mode === (r.mode ?? 'shifted') && p.scale === r.scale);
const kept = (previous.runs ?? []).filter((r) => !measured(r)).map((r) => ({ date: previous.date, machine: previous.machine, ...r, mode: r.mode ?? 'shifted' }));
for (const r of runs) r.machine = machine;
const allRuns = [...kept, ...runs].sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'shifted' ? -1 : 1) || a.scale - b.scale);
const hostile = await mainHostile(hostileOptionsFromArgs());
const results = {
  machine,
  date: new Date().toISOString().slice(0, 10),
  // Lighthouse not run this time: the previous scores are kept, as the runs not measured are
  ...(lighthouse
    ? { lighthouse, lighthouseMethod: `median of ${lighthouseRuns} runs, mobile preset, site at ${lighthouseScale}x` }
    : previous.lighthouse
      ? { lighthouse: previous.lighthouse, lighthouseMethod: `${previous.lighthouseMethod ?? 'Lighthouse'} (${previous.date ?? 'an earlier run'})` }
      : {}),
  runs: allRuns,
  hostile,
};
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log(`${machine}, ${results.date}\n\n${table(allRuns)}`);
if (lighthouse) {
  console.log(`\nLighthouse (${results.lighthouseMethod}):\n| page | ${CATEGORIES.join(' | ')} |\n| --- | ${CATEGORIES.map(() => '---').join(' | ')} |`);
  for (const [page, scores] of Object.entries(lighthouse)) console.log(`| ${page} | ${CATEGORIES.map((c) => scores[c]).join(' | ')} |`);
}
for (const run of runs) {
  console.log(`\nfirst searches at ${label(run.mode, run.scale)} (KB on a cold cache):`);
  for (const f of run.firstSearches) console.log(`  ${String(f.kilobytes).padStart(6)}  ${decodeURIComponent(f.search)}  (${f.status})`);
}
