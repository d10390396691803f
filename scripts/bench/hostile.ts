/**
 * The hostile-shapes benchmark: every shape of ./hostile-shapes.ts through the real ingest at 1x,
 * 2x and 4x its base size, with the growth per doubling. A linear stage doubles (2.0x); anything
 * well above that is super-linear somewhere.
 *
 *   npx tsx scripts/bench/hostile.ts [--profile] [--only=a,b] [--timeout=120]
 *   npm run bench -- --hostile [--profile]       (the same, without the scale runs)
 *
 * Each measurement runs in its own process (a quadratic shape can be stopped at the timeout, and
 * one shape's heap does not slow the next). The figure is the CPU time of the ingest (readers,
 * dates, events, entities, records, written files), the gazetteer loaded beforehand. With
 * --profile, one more 4x run is sampled with the V8 profiler and the report shows where its time
 * goes, as shares of that run (the sampling slows it): by stage (a native function counts for the
 * stage that called it) and the functions, of the project or of a library, that take the most
 * time themselves (native calls they make included).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { findSourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPES, type HostileShape } from './hostile-shapes.ts';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FACTORS = [1, 2, 4] as const;

export interface StageTime {
  stage: string;
  seconds: number;
}

export interface HotFunction {
  name: string;
  where: string;
  seconds: number;
}

export interface Measurement {
  factor: number;
  bytes: number;
  cpuSeconds: number;
  wallSeconds: number;
  events: number;
  warnings: number;
  /** true when the run was stopped at the timeout (cpuSeconds is then the timeout) */
  timedOut?: boolean;
  error?: string;
  stages?: StageTime[];
  hot?: HotFunction[];
  /** CPU seconds of the profiled run (slower than the measured one) */
  profiledSeconds?: number;
}

export interface ShapeResult {
  name: string;
  description: string;
  runs: Measurement[];
  /** time ratio of each doubling: 2x/1x, 4x/2x */
  growth: number[];
}

// ---------- one measurement (child process) ----------

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

/** Stage of a source file, by the folder tree of the pipeline. */
function stageOf(url: string): string | undefined {
  const path = url.replace(/^file:\/\//, '');
  const rules: [RegExp, string][] = [
    [/node_modules\/(wikiparser-node|micromark|mdast-util|remark|unified|vfile)/, 'read'],
    [/node_modules\/zod/, 'records'],
    [/src\/ingest\/readers\//, 'read'],
    [/src\/ingest\/(sources|longLines|detect|summary)\.ts/, 'load'],
    [/src\/ingest\/(blocks|sections)\.ts/, 'read'],
    [/src\/ingest\/dates\//, 'dates'],
    [/src\/ingest\/events\/anchors\.ts/, 'anchors'],
    [/src\/ingest\/events\//, 'segment'],
    [/src\/ingest\/entities\//, 'entities'],
    [/src\/ingest\/records\/|src\/ingest\/pipeline\.ts|scripts\/ingest\.ts|src\/schema\//, 'records'],
  ];
  for (const [re, stage] of rules) if (re.test(path)) return stage;
  return undefined;
}

/** file:line of a profiled frame in the TypeScript source (tsx's source maps), relative to the repository. */
function sourceLocation(frame: ProfileNode['callFrame']): string {
  const entry = findSourceMap(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  const url = entry && 'originalSource' in entry ? entry.originalSource : frame.url;
  const line = entry && 'originalLine' in entry ? entry.originalLine : frame.lineNumber;
  return `${relative(ROOT, url.replace(/^file:\/\//, ''))}:${line + 1}`;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

function summariseProfile(profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }): { stages: StageTime[]; hot: HotFunction[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totalHits = profile.nodes.reduce((s, n) => s + (n.hitCount ?? 0), 0) || 1;
  const secondsPerHit = (profile.endTime - profile.startTime) / 1e6 / totalHits;
  const stages = new Map<string, number>();
  const functions = new Map<string, HotFunction>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const seconds = hits * secondsPerHit;
    let stage: string | undefined;
    let codeFrame: ProfileNode | undefined;
    for (let at: ProfileNode | undefined = node; at && (!stage || !codeFrame); at = byId.get(parent.get(at.id) ?? -1)) {
      stage ??= stageOf(at.callFrame.url);
      if (!codeFrame && /\/(src|node_modules)\//.test(at.callFrame.url)) codeFrame = at;
    }
    const name = node.callFrame.functionName || '(anonymous)';
    const label = stage ?? (/^\((garbage collector|program|idle)\)$/.test(name) ? name.slice(1, -1) : 'other');
    stages.set(label, (stages.get(label) ?? 0) + seconds);
    // Self time of a function of the project or of a library, the native calls it makes included
    // (String#slice called in anchors.ts counts for the anchors.ts function).
    if (codeFrame) {
      const where = sourceLocation(codeFrame.callFrame);
      const key = `${codeFrame.callFrame.functionName}@${where}`;
      const hot = functions.get(key) ?? { name: codeFrame.callFrame.functionName || '(anonymous)', where, seconds: 0 };
      hot.seconds += seconds;
      functions.set(key, hot);
    }
  }
  const round = (s: number) => Math.round(s * 1000) / 1000;
  return {
    stages: [...stages].map(([stage, seconds]) => ({ stage, seconds: round(seconds) })).sort((a, b) => b.seconds - a.seconds),
    hot: [...functions.values()].map((h) => ({ ...h, seconds: round(h.seconds) })).sort((a, b) => b.seconds - a.seconds).slice(0, 8),
  };
}

async function measureInProcess(shape: HostileShape, factor: number, profile: boolean): Promise<Measurement> {
  const { ingest } = await import('../../src/ingest/pipeline.ts');
  const { loadGazetteer } = await import('../../src/ingest/entities/index.ts');
  const { writeData } = await import('../ingest.ts');
  const entitiesDir = join(ROOT, 'content', 'entities');
  const gazetteer = loadGazetteer(entitiesDir);
  const work = mkdtempSync(join(tmpdir(), `dayline-hostile-${shape.name}-`));
  try {
    const run = (f: number, label: string) => {
      const sources = join(work, `${label}-sources`);
      const data = join(work, `${label}-data`);
      mkdirSync(sources);
      shape.make(sources, f);
      const bytes = folderBytes(sources);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const result = ingest({ sourcesDir: sources, entitiesDir, gazetteer });
      writeData(result, data);
      const used = process.cpuUsage(cpu);
      return {
        factor: f,
        bytes,
        cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
        wallSeconds: Math.round(performance.now() - started) / 1000,
        events: result.events.length,
        warnings: result.warnings.length + result.report.reduce((n, r) => n + r.warnings.length, 0),
      };
    };
    // Warm up the compiled code paths on a small copy of the shape.
    run(factor / 8, 'warm');
    if (!profile) return run(factor, 'measure');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const measured = run(factor, 'measure');
    const { profile: cpuProfile } = (await session.post('Profiler.stop')) as { profile: Parameters<typeof summariseProfile>[0] };
    session.disconnect();
    return { ...measured, ...summariseProfile(cpuProfile) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ---------- the benchmark (parent process) ----------

function measureInChild(shape: string, factor: number, profile: boolean, timeoutSeconds: number): Promise<Measurement> {
  return new Promise((ok) => {
    const args = [join(ROOT, 'scripts', 'bench', 'hostile.ts'), `--measure=${shape}`, `--factor=${factor}`, ...(profile ? ['--profile'] : [])];
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The child and the node process tsx started under it.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, timeoutSeconds * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('{"factor"'));
      if (line) return ok(JSON.parse(line) as Measurement);
      ok({
        factor,
        bytes: 0,
        cpuSeconds: timedOut ? timeoutSeconds : NaN,
        wallSeconds: timedOut ? timeoutSeconds : NaN,
        events: 0,
        warnings: 0,
        ...(timedOut ? { timedOut: true } : { error: err.trim().split('\n').slice(-3).join(' ') || 'no result' }),
      });
    });
  });
}

export interface HostileOptions {
  only?: string[];
  profile?: boolean;
  timeoutSeconds?: number;
  log?: (line: string) => void;
}

export async function runHostileBench(options: HostileOptions = {}): Promise<ShapeResult[]> {
  const shapes = SHAPES.filter((s) => !options.only?.length || options.only.includes(s.name));
  const results: ShapeResult[] = [];
  for (const shape of shapes) {
    const runs: Measurement[] = [];
    for (const factor of FACTORS) {
      // Once a size runs out of time, larger ones would too.
      if (runs.at(-1)?.timedOut) {
        runs.push({ factor, bytes: 0, cpuSeconds: NaN, wallSeconds: NaN, events: 0, warnings: 0, timedOut: true });
        continue;
      }
      const m = await measureInChild(shape.name, factor, false, options.timeoutSeconds ?? 120);
      runs.push(m);
      options.log?.(`hostile: ${shape.name} ${factor}x ${m.timedOut ? `> ${options.timeoutSeconds ?? 120} s` : `${m.cpuSeconds} s`}`);
    }
    // The profile is a run of its own: sampling slows the code it samples.
    const largest = runs[runs.length - 1]!;
    if (options.profile && !largest.timedOut && !largest.error) {
      const profiled = await measureInChild(shape.name, largest.factor, true, (options.timeoutSeconds ?? 120) * 2);
      if (profiled.stages) Object.assign(largest, { stages: profiled.stages, hot: profiled.hot, profiledSeconds: profiled.cpuSeconds });
    }
    const growth = runs.slice(1).map((r, i) => Math.round((r.cpuSeconds / runs[i]!.cpuSeconds) * 100) / 100);
    results.push({ name: shape.name, description: shape.description, runs, growth });
  }
  return results;
}

const fmt = (m: Measurement) => (m.timedOut ? `>${m.cpuSeconds || '?'}` : m.error ? 'error' : String(m.cpuSeconds));

export function hostileTable(results: ShapeResult[]): string {
  const header = '| shape | 1x KB | 1x s | 2x s | 4x s | growth 2x/1x | growth 4x/2x | events 4x | warnings 4x |';
  const rule = '| --- | --- | --- | --- | --- | --- | --- | --- | --- |';
  const rows = results.map((r) => {
    const [a, b, c] = r.runs;
    // A run stopped at the timeout gives a lower bound of its growth.
    const g = r.growth.map((x, i) => (!Number.isFinite(x) ? '-' : r.runs[i + 1]?.timedOut ? `>${x}x` : `${x}x`));
    return `| ${r.name} | ${Math.round((a?.bytes ?? 0) / 1024)} | ${fmt(a!)} | ${fmt(b!)} | ${fmt(c!)} | ${g[0]} | ${g[1]} | ${c?.events ?? ''} | ${c?.warnings ?? ''} |`;
  });
  return [header, rule, ...rows].join('\n');
}

export function hostileProfiles(results: ShapeResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    const last = r.runs.at(-1);
    if (!last?.stages) continue;
    // Sampling slows what it samples: shares of the profiled run, not its seconds, are the figure.
    const total = last.stages.reduce((sum, s) => sum + s.seconds, 0) || 1;
    const share = (seconds: number) => `${((seconds / total) * 100).toFixed(seconds / total < 0.1 ? 1 : 0)}%`;
    out.push(`\n${r.name} at 4x: ${last.stages.filter((s) => s.seconds / total >= 0.005).map((s) => `${s.stage} ${share(s.seconds)}`).join(', ')}`);
    for (const h of last.hot ?? []) out.push(`  ${share(h.seconds).padStart(6)}  ${h.name}  ${h.where}`);
  }
  return out.join('\n');
}

function flag(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
}

export function hostileOptionsFromArgs(): HostileOptions {
  const only = flag('only');
  const timeout = flag('timeout');
  return {
    only: only ? only.split(',') : undefined,
    profile: flag('profile') !== undefined,
    timeoutSeconds: timeout ? Number(timeout) : undefined,
    log: (line) => console.error(line),
  };
}

/** Prints the table (and profiles) and writes bench/hostile.json (with --only, only those shapes' entries change). */
export async function mainHostile(options = hostileOptionsFromArgs()): Promise<ShapeResult[]> {
  const results = await runHostileBench(options);
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  // A run of some shapes (--only) replaces those shapes' figures and keeps the others'.
  const file = join(ROOT, 'bench', 'hostile.json');
  const earlier: ShapeResult[] = options.only?.length && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { results: ShapeResult[] }).results : [];
  const merged = SHAPES.map((s) => results.find((r) => r.name === s.name) ?? earlier.find((r) => r.name === s.name)).filter((r): r is ShapeResult => r !== undefined);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString().slice(0, 10), results: merged }, null, 2)}\n`);
  console.log(`\nhostile shapes (CPU seconds of the ingest; a linear cost grows 2x per doubling):\n\n${hostileTable(results)}`);
  if (options.profile) console.log(hostileProfiles(results));
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const measure = flag('measure');
  if (measure) {
    const shape = SHAPES.find((s) => s.name === measure);
    if (!shape) throw new Error(`no hostile shape ${measure}`);
    const m = await measureInProcess(shape, Number(flag('factor') ?? 1), flag('profile') !== undefined);
    console.log(JSON.stringify(m));
  } else {
    await mainHostile();
  }
}
