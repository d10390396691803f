/**
 * Prints, for one source file, every dated passage (date and first 60 characters) and every
 * undated one, for eyeballing the dates stage. Usage: npx tsx scripts/date-report.ts <file|index>
 * (a file name from content/sources/manifest.json, or its position in that list).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../src/ingest/readers/index.ts';
import { segmentEvents } from '../src/ingest/events/index.ts';
import { readableLang } from '../src/ingest/detect.ts';
import type { SourceMeta } from '../src/schema/records.ts';

const dir = join(import.meta.dirname, '..', 'content', 'sources');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SourceMeta[];
const wanted = process.argv.slice(2);
const metas = wanted.length
  ? wanted.map((w) => manifest.find((m) => m.file === w || m.id === w || m.file.startsWith(w)) ?? manifest[Number(w)]!)
  : manifest;

const oneLine = (s: string, n = 60): string => {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

for (const meta of metas) {
  if (!meta) continue;
  const read = readSource(meta, readFileSync(join(dir, meta.file), 'utf8'));
  const result = segmentEvents(read.blocks, { file: meta.file, lang: readableLang(meta.lang) ?? 'en', published: meta.published, period: meta.period });
  console.log(`\n=== ${meta.file} (${meta.id}) blocks=${read.blocks.length} events=${result.drafts.length} undated=${result.undated.length}${result.reversed ? ' REVERSED' : ''}`);
  for (const d of result.drafts) {
    const span = d.date.start === d.date.end ? d.date.start : `${d.date.start}..${d.date.end}`;
    console.log(`${String(d.line).padStart(4)}  ${span.padEnd(22)} ${d.date.precision.padEnd(6)} [${oneLine(d.date.expression, 24)}]  ${oneLine(d.text)}`);
  }
  for (const u of result.undated) console.log(`${String(u.line).padStart(4)}  UNDATED (${u.reason})  ${oneLine(u.firstWords)}`);
  for (const w of result.warnings) console.log(`  warning ${w.file}:${w.line} ${w.message}`);
}
