/**
 * `tsx scripts/bench/ingest-phases.ts [sources-dir]`: the ingest on one thread, phase by phase
 * (module loading, gazetteer, reading the folder, the per-source stages, assembling with the
 * linking, writing the data), in seconds of wall time, and the source megabytes a second of the
 * per-source stages. With `--cpu-prof` (a Node flag) it leaves a profile to read in DevTools.
 * The benchmark's figure is `ingestMBPerSecond` in bench/results.json; this says where it goes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const sourcesDir = resolve(process.argv[2] ?? 'content/sources');
const entitiesDir = resolve('content/entities');
const marks: [string, number][] = [['start', performance.now()]];
const mark = (name: string) => marks.push([name, performance.now()]);

const { loadGazetteer } = await import('../../src/ingest/entities/index.ts');
const { assemble, ingestSource } = await import('../../src/ingest/pipeline.ts');
const { loadSources } = await import('../../src/ingest/sources.ts');
const { writeData } = await import('../ingest.ts');
mark('modules');
const gazetteer = loadGazetteer(entitiesDir);
mark('gazetteer');
const loaded = loadSources(sourcesDir);
mark('folder');
const results = loaded.sources.map((s) => ingestSource(s, gazetteer));
mark('sources');
const result = assemble({ sourcesDir, entitiesDir }, gazetteer, loaded, results);
mark('assemble');
const out = mkdtempSync(join(tmpdir(), 'dayline-phases-'));
writeData(result, out);
mark('write');
rmSync(out, { recursive: true, force: true });

const bytes = loaded.sources.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
const seconds = (i: number) => (marks[i]![1] - marks[i - 1]![1]) / 1000;
console.log(`${loaded.sources.length} sources, ${(bytes / 2 ** 20).toFixed(2)} MB, ${result.events.length} events`);
for (let i = 1; i < marks.length; i++) console.log(`  ${marks[i]![0].padEnd(10)} ${seconds(i).toFixed(2)} s`);
const perSource = seconds(marks.findIndex(([n]) => n === 'sources'));
console.log(`  per-source stages: ${(bytes / 2 ** 20 / perSource).toFixed(2)} MB/s on one thread`);
