import { readSource } from '../src/ingest/readers/index.ts';
import { segmentEvents } from '../src/ingest/events/index.ts';
import { loadSources } from '../src/ingest/sources.ts';
const { sources } = loadSources('tests/unseen/sources');
const s = sources.find((x) => x.meta.file.startsWith(process.argv[2]))!;
const read = readSource(s.meta, s.text);
for (const b of read.blocks.slice(0, 12)) console.log('BLOCK', b.line, JSON.stringify(b.section ?? b.sections ?? ''), (b.text ?? '').slice(0, 70));
const r = segmentEvents(read.blocks, { file: s.meta.file, lang: s.meta.lang, published: s.meta.published, period: s.meta.period });
for (const d of r.drafts) console.log(d.date.start, d.date.end, d.date.expression, '|', d.text.replace(/\s+/g,' ').slice(0, 100));
