/**
 * The ingest spread over worker threads. Each source is read, dated and tagged on its own
 * (ingestSource depends only on the source and the gazetteer), so helper threads take sources from
 * a shared counter while this thread takes its share too; the records are then assembled in source
 * order exactly as the one-thread ingest() does, so the output is the same byte for byte.
 *
 * A helper costs a start-up (loading the parsers, the OpenCC dictionaries and the gazetteer, about
 * half a second of one core), so small corpora are read on this thread alone. A helper that fails
 * leaves its unfinished sources to this thread.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadGazetteer } from './entities/index.ts';
import { assemble, ingestSource, type IngestOptions, type IngestResult, type SourceResult } from './pipeline.ts';
import { loadSources, type LoadedSource } from './sources.ts';

/** Below this much source text (bytes) a helper's start-up costs more than it saves. */
export const PARALLEL_MIN_BYTES = 400_000;

export interface WorkerInput {
  entitiesDir: string;
}

export interface WorkerTask {
  sources: LoadedSource[];
  /** indices into `sources`, largest first: the k-th claim takes order[k] */
  order: number[];
  /** one Int32: the next claim */
  next: SharedArrayBuffer;
}

export interface WorkerMessage {
  index: number;
  result: SourceResult;
}

/** Threads to use: DAYLINE_INGEST_THREADS if set, else one per available core. */
export function ingestThreads(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.DAYLINE_INGEST_THREADS);
  return Number.isInteger(asked) && asked >= 1 ? asked : availableParallelism();
}

/** Claims sources from the shared counter and runs `each` on them until none are left. */
export function claimAll(counter: Int32Array, order: number[], each: (index: number) => void): void {
  for (let k = Atomics.add(counter, 0, 1); k < order.length; k = Atomics.add(counter, 0, 1)) each(order[k]!);
}

/** Source indices, largest text first (ties in source order), so the last claims are small. */
export function largestFirst(sources: LoadedSource[]): number[] {
  return sources.map((_, i) => i).sort((a, b) => sources[b]!.text.length - sources[a]!.text.length || a - b);
}

/** Bytes of the files in the source folder (0 when it cannot be read). */
function folderBytes(dir: string): number {
  try {
    return readdirSync(dir, { withFileTypes: true }).reduce((n, d) => (d.isFile() ? n + statSync(join(dir, d.name)).size : n), 0);
  } catch {
    return 0;
  }
}

interface Helper {
  worker: Worker;
  exited: Promise<void>;
}

function startHelper(input: WorkerInput, results: (SourceResult | undefined)[], onError: (error: Error) => void): Helper {
  // Where Node runs TypeScript itself (type stripping), a helper starts without the parent's loader
  // (tsx): it starts sooner and runs the ingest about a tenth faster than through the loader.
  const native = Boolean((process.features as { typescript?: string }).typescript);
  const worker = new Worker(new URL('./parallel-worker.ts', import.meta.url), { workerData: input, ...(native ? { execArgv: [] } : {}) });
  worker.on('message', (m: WorkerMessage) => (results[m.index] = m.result));
  const exited = new Promise<void>((done) => {
    worker.on('error', onError);
    worker.on('exit', () => done());
  });
  return { worker, exited };
}

export interface ParallelOptions extends IngestOptions {
  /** threads in all, this one included (default ingestThreads()) */
  threads?: number;
  /** smallest source folder, in bytes, that gets helpers (default PARALLEL_MIN_BYTES) */
  minBytes?: number;
  /** told of a helper thread that failed (its sources are then read on this thread); default: a line on stderr */
  onHelperError?: (error: Error) => void;
}

const reportHelperError = (error: Error) => console.error(`ingest: a helper thread failed (${error.message}); the main thread finishes its sources`);

export async function ingestParallel(options: ParallelOptions): Promise<IngestResult> {
  const { threads = ingestThreads(), minBytes = PARALLEL_MIN_BYTES, onHelperError = reportHelperError } = options;
  const results: (SourceResult | undefined)[] = [];
  // Helpers start first: their start-up overlaps with reading the folder and the gazetteer here.
  const helpers =
    threads > 1 && folderBytes(options.sourcesDir) >= minBytes
      ? Array.from({ length: threads - 1 }, () => startHelper({ entitiesDir: options.entitiesDir }, results, onHelperError))
      : [];
  let gazetteer: ReturnType<typeof loadGazetteer>;
  let loaded: ReturnType<typeof loadSources>;
  try {
    gazetteer = loadGazetteer(options.entitiesDir);
    loaded = loadSources(options.sourcesDir);
  } catch (error) {
    // a manifest that does not parse stops the ingest: the waiting helpers stop with it
    await Promise.all(helpers.map((h) => h.worker.terminate()));
    throw error;
  }
  const { sources } = loaded;
  const order = largestFirst(sources);
  const task: WorkerTask = { sources, order, next: new SharedArrayBuffer(4) };
  for (const h of helpers) h.worker.postMessage(task);
  claimAll(new Int32Array(task.next), order, (i) => (results[i] = ingestSource(sources[i]!, gazetteer)));
  await Promise.all(helpers.map((h) => h.exited));
  // a source a failed helper claimed but never finished
  for (let i = 0; i < sources.length; i++) results[i] ??= ingestSource(sources[i]!, gazetteer);
  return assemble(options, gazetteer, loaded, results as SourceResult[]);
}
