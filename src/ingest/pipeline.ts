/**
 * The whole ingest as one pure-ish function: a folder of sources in, published records out.
 * readers -> blocks -> dates/events -> entities -> records. Writing files is the caller's job.
 */
import { loadSources, MANIFEST, slugFromFileName, type LoadedSource } from './sources.ts';
import { readSource } from './readers/index.ts';
import { segmentEvents } from './events/index.ts';
import { loadGazetteer, tagText, findUnknownNames, buildEntityRecords, textContext, type Gazetteer } from './entities/index.ts';
import { eventId, sourceKey, uniqueIds } from './records/ids.ts';
import { eventUrl } from './records/urls.ts';
import { sortEvents } from './records/order.ts';
import { fileWarningsIntoReport } from './records/report.ts';
import { leadSummary } from './summary.ts';
import {
  EventRecord,
  type Entity,
  type SourceMeta,
  type SourceReport,
  type Warning,
} from '../schema/records.ts';
import type { ReadResult } from './blocks.ts';

export interface PublishedSource extends SourceMeta {
  summary?: string;
  infobox?: Record<string, string>;
}

export interface IngestResult {
  events: EventRecord[];
  entities: Entity[];
  sources: PublishedSource[];
  report: SourceReport[];
  /** Problems not tied to one source (manifest entries for missing files, unreadable folder). */
  warnings: Warning[];
}

export interface IngestOptions {
  sourcesDir: string;
  entitiesDir: string;
}

/** How many raw lines of a page scrape the time frame may read for a date line. */
const HEAD_LINES = 16;

function countTally(names: string[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function firstWords(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export function ingestSource(source: LoadedSource, gazetteer: Gazetteer): {
  events: EventRecord[];
  report: SourceReport;
  published: PublishedSource;
} {
  const { meta } = source;
  const warnings: Warning[] = [];
  let read: ReadResult;
  try {
    read = readSource(meta, source.text);
  } catch (error) {
    warnings.push({ file: meta.file, line: 1, message: `could not be read: ${(error as Error).message}` });
    read = { blocks: [], skipped: [], warnings: [] };
  }
  warnings.push(...read.warnings);

  const segmented = segmentEvents(read.blocks, {
    file: meta.file,
    lang: meta.lang,
    published: meta.published,
    period: meta.period,
    title: read.title ?? meta.title,
    infobox: read.infobox,
    head: meta.format === 'plaintext' || meta.format === 'blog' ? source.text.split('\n', HEAD_LINES) : undefined,
  });
  warnings.push(...segmented.warnings);

  const key = sourceKey(meta.file, meta.id);
  const unknownNames: string[] = [];
  // the text's conflict and region: generic role words and dataset localities are read through them
  const context = textContext(gazetteer, meta.chronology, segmented.drafts.map((d) => d.text));
  const drafts = segmented.drafts.map((draft) => {
    const tags = tagText(gazetteer, draft.text, draft.links, meta.lang, context);
    unknownNames.push(...findUnknownNames(gazetteer, draft.text, draft.links, meta.lang, context));
    return { draft, tags, id: eventId(key, meta.id, draft.date.start, draft.text) };
  });
  const ids = uniqueIds(drafts.map((d) => d.id));

  const events: EventRecord[] = [];
  drafts.forEach(({ draft, tags }, i) => {
    const id = ids[i]!;
    const candidate = {
      id,
      date: draft.date,
      text: draft.text,
      lang: meta.lang,
      source: { id: meta.id, file: meta.file, title: meta.title, section: draft.section, line: draft.line },
      places: tags.places,
      groups: tags.groups,
      citations: draft.citations,
      url: eventUrl(draft.date, id),
    };
    const checked = EventRecord.safeParse(candidate);
    if (checked.success) events.push(checked.data);
    else
      warnings.push({
        file: meta.file,
        line: draft.line,
        message: `passage dropped, invalid record: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
  });

  const paragraphs = read.blocks.filter((b) => b.kind !== 'heading');
  const report: SourceReport = {
    id: meta.id,
    file: meta.file,
    title: meta.title,
    format: meta.format,
    lang: meta.lang,
    paragraphsRead: paragraphs.length,
    eventsMade: events.length,
    undated: segmented.undated.map((u) => ({ ...u, firstWords: firstWords(u.firstWords) })),
    skipped: read.skipped.map((s) => ({ ...s, firstWords: firstWords(s.firstWords) })),
    warnings,
    unknownNames: countTally(unknownNames),
  };
  const published: PublishedSource = {
    ...meta,
    ...(read.infobox ? { infobox: read.infobox } : {}),
    ...(meta.summary ?? leadSummary(read.blocks) ? { summary: meta.summary ?? leadSummary(read.blocks) } : {}),
  };
  return { events, report, published };
}

export function ingest(options: IngestOptions): IngestResult {
  const gazetteer = loadGazetteer(options.entitiesDir);
  const loaded = loadSources(options.sourcesDir);
  const rank = new Map(loaded.sources.map((s, i) => [s.meta.id, i]));
  const perSource = loaded.sources.map((source) => ingestSource(source, gazetteer));
  const events = sortEvents(
    perSource.flatMap((s) => s.events),
    rank,
  );
  const { report, general } = fileWarningsIntoReport(
    perSource.map((s) => s.report),
    loaded.warnings,
    (w) => w.file === MANIFEST || w.file === options.sourcesDir,
    slugFromFileName,
  );
  return {
    events,
    entities: buildEntityRecords(gazetteer, events),
    sources: perSource.map((s) => s.published),
    report,
    warnings: general,
  };
}
