import { describe, expect, it } from 'vitest';
import { ingest } from './pipeline.ts';
import { claimAll, ingestParallel, ingestThreads, largestFirst } from './parallel.ts';
import type { LoadedSource } from './sources.ts';

const options = { sourcesDir: 'content/sources', entitiesDir: 'content/entities' };

describe('ingestParallel', () => {
  it('gives the same records as the one-thread ingest, with helpers or without', async () => {
    const one = JSON.stringify(ingest(options));
    expect(JSON.stringify(await ingestParallel({ ...options, threads: 1 }))).toBe(one);
    // minBytes 0: helpers start for any corpus; they run the ingest's TypeScript natively, so a
    // module Node cannot load that way (a JSON import without its attribute) fails them
    const failures: string[] = [];
    expect(JSON.stringify(await ingestParallel({ ...options, threads: 3, minBytes: 0, onHelperError: (e) => failures.push(e.message) }))).toBe(one);
    expect(failures).toEqual([]);
  });
});

describe('work sharing', () => {
  it('hands out every index once, largest source first', () => {
    const sources = [10, 30, 20, 30].map((n) => ({ text: 'x'.repeat(n) }) as LoadedSource);
    const order = largestFirst(sources);
    expect(order).toEqual([1, 3, 2, 0]);
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const seen: number[] = [];
    claimAll(counter, order, (i) => seen.push(i));
    claimAll(counter, order, (i) => seen.push(i));
    expect(seen).toEqual([1, 3, 2, 0]);
  });

  it('reads the thread count from DAYLINE_INGEST_THREADS', () => {
    expect(ingestThreads({ DAYLINE_INGEST_THREADS: '3' })).toBe(3);
    expect(ingestThreads({ DAYLINE_INGEST_THREADS: 'x' })).toBeGreaterThanOrEqual(1);
  });
});
