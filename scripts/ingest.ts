/**
 * `npm run ingest`: reads every source, writes the published data files and prints a one-screen
 * summary with the time it took.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IngestResult } from '../src/ingest/pipeline.ts';
import { ingestParallel } from '../src/ingest/parallel.ts';
import { eventsToCsv } from '../src/ingest/records/csv.ts';
import { eventsToGeoJson } from '../src/ingest/records/geojson.ts';
import { dataDir, entitiesDir, sourcesDir } from '../src/lib/data-dir.ts';
import type { SourceReport } from '../src/schema/records.ts';
import { emptyReport } from '../src/ingest/records/report.ts';
import { ManifestError } from '../src/ingest/sources.ts';
import { printStep, startStep } from './steps.ts';

export function writeData(result: IngestResult, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;
  writeFileSync(join(dir, 'events.json'), json(result.events));
  writeFileSync(join(dir, 'entities.json'), json(result.entities));
  writeFileSync(join(dir, 'sources.json'), json(result.sources));
  writeFileSync(join(dir, 'report.json'), json(fullReport(result)));
  writeFileSync(join(dir, 'links.json'), json(result.links));
  writeFileSync(join(dir, 'events.csv'), eventsToCsv(result.events, result.entities));
  writeFileSync(join(dir, 'events.geojson'), `${JSON.stringify(eventsToGeoJson(result.events, result.entities))}\n`);
}

/** Per-source reports, plus one for the manifest when it had problems of its own. */
export function fullReport(result: IngestResult): SourceReport[] {
  if (result.warnings.length === 0) return result.report;
  const manifest = emptyReport({ id: 'manifest', file: 'manifest.json', title: 'Source manifest and folder', format: 'json', lang: 'en' });
  manifest.warnings = result.warnings;
  return [...result.report, manifest];
}

export function summarize(result: IngestResult, seconds: number): string {
  const lines = [`Ingest: ${result.events.length} events from ${result.report.length} sources in ${seconds.toFixed(2)} s`];
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  lines.push(`  ${'source'.padEnd(34)} ${pad('paras', 6)} ${pad('events', 6)} ${pad('undated', 7)} ${pad('skipped', 7)} ${pad('warn', 5)}`);
  for (const r of result.report) {
    lines.push(
      `  ${r.id.slice(0, 34).padEnd(34)} ${pad(r.paragraphsRead, 6)} ${pad(r.eventsMade, 6)} ${pad(r.undated.length, 7)} ${pad(r.skipped.length, 7)} ${pad(r.warnings.length, 5)}`,
    );
  }
  const linked = Object.entries(result.links.byAccounts).filter(([n]) => Number(n) > 1);
  lines.push(
    `  happenings: ${result.links.happenings} (${linked.map(([n, c]) => `${c} with ${n} accounts`).join(', ') || 'none reported by more than one source'}); ${result.links.rejectedTotal} pairs too close to call (links.json)`,
  );
  const unknown = result.report.flatMap((r) => r.unknownNames ?? []);
  if (unknown.length > 0)
    lines.push(`  names no gazetteer entity claims: ${unknown.length} (report.json unknownNames), e.g. ${unknown.slice(0, 5).map((u) => u.name).join(', ')}`);
  const warnings = [...result.warnings, ...result.report.flatMap((r) => r.warnings)];
  for (const w of warnings.slice(0, 8)) lines.push(`  warning ${w.file}:${w.line}: ${w.message}`);
  if (warnings.length > 8) lines.push(`  … ${warnings.length - 8} more warnings in report.json`);
  return lines.join('\n');
}

export async function runIngest(dir = dataDir()): Promise<IngestResult> {
  const started = performance.now();
  let result: IngestResult;
  try {
    result = await ingestParallel({ sourcesDir: sourcesDir(), entitiesDir: entitiesDir() });
  } catch (error) {
    // A manifest that does not parse stops the build, with where to look (file:line:column).
    if (!(error instanceof ManifestError)) throw error;
    console.error(`Ingest stopped: ${join(sourcesDir(), error.file)}:${error.line}:${error.column}: ${error.reason}`);
    process.exit(1);
  }
  writeData(result, dir);
  console.log(summarize(result, (performance.now() - started) / 1000));
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const clock = startStep();
  await runIngest();
  printStep('ingest', clock, true);
}
