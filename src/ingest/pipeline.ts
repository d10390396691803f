/**
 * The whole ingest as one pure-ish function: a folder of sources in, published records out.
 * readers -> blocks -> dates/events -> entities -> types/figures -> links -> records. Writing files is the caller's job.
 */
import { loadSources, MANIFEST, reportIdForFile, type LoadedSource } from './sources.ts';
import { readSource } from './readers/index.ts';
import { segmentEvents } from './events/index.ts';
import type { SegmentContext } from './events/segment.ts';
import { loadGazetteer, tagText, unifyCued, learnGlosses, withLearned, findUnknownNames, buildEntityRecords, textContext, withContext, type Gazetteer, type GazetteerEntity } from './entities/index.ts';
import { describeEvent } from './describe.ts';
import { eventId, sourceKey, uniqueIds } from './records/ids.ts';
import { eventUrl, sectionUrls } from './records/urls.ts';
import { sortEvents } from './records/order.ts';
import { capWarningsPerParagraph, fileWarningsIntoReport } from './records/report.ts';
import { leadSummary } from './summary.ts';
import { languageName, readableLang } from './detect.ts';
import { linkEvents } from './links/index.ts';
import {
  EventDraft,
  type EventRecord,
  type LinksReport,
  type Entity,
  type SourceMeta,
  type Lang,
  type SourceReport,
  type Warning,
} from '../schema/records.ts';
import type { ReadResult } from './blocks.ts';

export interface PublishedSource extends SourceMeta {
  summary?: string;
  infobox?: Record<string, string>;
  /** false when the source is in a language Dayline does not read: no events, every paragraph reported. */
  read?: false;
}

export interface IngestResult {
  events: EventRecord[];
  entities: Entity[];
  sources: PublishedSource[];
  report: SourceReport[];
  /** Problems not tied to one source (manifest entries for missing files, unreadable folder). */
  warnings: Warning[];
  /** the linking stage: happenings by number of accounts, links, pairs too close to call */
  links: LinksReport;
}

export interface IngestOptions {
  sourcesDir: string;
  entitiesDir: string;
  /** An already loaded gazetteer of entitiesDir (the benchmark loads it once for many runs). */
  gazetteer?: Gazetteer;
}

/** How many raw lines of a page scrape the time frame may read for a date line. */
const HEAD_LINES = 16;

/** What the segmenter is told about a source: its metadata and where the document states its own time. */
export function segmentContext(meta: SourceMeta, lang: Lang, read: ReadResult, text: string): SegmentContext {
  return {
    file: meta.file,
    lang,
    published: meta.published,
    period: meta.period,
    title: read.title ?? meta.title,
    infobox: read.infobox,
    head: meta.format === 'plaintext' || meta.format === 'blog' ? text.split('\n', HEAD_LINES) : undefined,
  };
}

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
  events: EventDraft[];
  report: SourceReport;
  published: PublishedSource;
  /** Places named with a place cue that no gazetteer file holds, and spellings of known places met. */
  found?: FoundNames;
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
  const paragraphs = read.blocks.filter((b) => b.kind !== 'heading');
  const published: PublishedSource = {
    ...meta,
    ...(read.infobox ? { infobox: read.infobox } : {}),
    ...(meta.summary ?? leadSummary(read.blocks) ? { summary: meta.summary ?? leadSummary(read.blocks) } : {}),
  };
  const reportOf = (fields: Pick<SourceReport, 'eventsMade' | 'undated' | 'skipped' | 'unknownNames'>): SourceReport => ({
    id: meta.id,
    file: meta.file,
    title: meta.title,
    format: meta.format,
    lang: meta.lang,
    paragraphsRead: paragraphs.length,
    ...fields,
    warnings: capWarningsPerParagraph(warnings),
  });

  const lang = readableLang(meta.lang);
  if (!lang) {
    // Not read as English or anything else: every paragraph goes to the report, the rest builds.
    warnings.unshift({
      file: meta.file,
      line: 1,
      message: `written in ${languageName(meta.lang)} (${meta.lang}), a language Dayline does not read: no events made; its ${paragraphs.length} paragraphs are listed as skipped (language)`,
    });
    const skipped = [...read.skipped, ...paragraphs.map((b) => ({ kind: 'language' as const, line: b.line, firstWords: b.text }))]
      .sort((a, b) => a.line - b.line)
      .map((s) => ({ ...s, firstWords: firstWords(s.firstWords) }));
    return { events: [], report: reportOf({ eventsMade: 0, undated: [], skipped, unknownNames: [] }), published: { ...published, read: false } };
  }

  const segmented = segmentEvents(read.blocks, segmentContext(meta, lang, read, source.text));
  warnings.push(...segmented.warnings);

  const key = sourceKey(meta.file, meta.id);
  const unknownNames: string[] = [];
  // the text's conflict and region: generic role words and dataset localities are read through them
  const context = textContext(gazetteer, meta.chronology, segmented.drafts.map((d) => d.text));
  const found: FoundNames = { cued: new Map(), spellings: new Map() };
  // one scan of the passage serves the tags, the unknown names, the types and the figures
  const scans = segmented.drafts.map((draft) => gazetteer.matcherFor(context.countries).scan(draft.text));
  const contextual = withContext(gazetteer, context, new Map(segmented.drafts.map((d, i) => [d.text, scans[i]!])));
  const unified = unifyCued(gazetteer, segmented.drafts.map((draft, i) => tagText(gazetteer, draft.text, draft.links, lang, context, scans[i])));
  // a Han name the text glosses once names its place or group wherever the text writes it again
  const learned = learnGlosses(gazetteer, source.text, context, unified.flatMap((t) => t.cued ?? []), scans);
  const tagged = withLearned(gazetteer, segmented.drafts.map((d) => d.text), unified, learned, context, scans);
  const drafts = segmented.drafts.map((draft, i) => {
    const scanned = scans[i]!;
    const tags = tagged[i]!;
    // a place of the world index is published like a cued one: it is the text's, not a file's
    const world = [...tags.places].map((id) => gazetteer.byId.get(id)).filter((e): e is GazetteerEntity => Boolean(e?.world));
    addFound(found, [...(tags.cued ?? []), ...world], Object.entries(tags.spellings ?? {}));
    // a name a place cue made a place (or read as a known one) is no longer unknown
    const placed = new Set([...(tags.cued ?? []).map((e) => e.name.en), ...Object.values(tags.spellings ?? {}).flat()]);
    unknownNames.push(...findUnknownNames(gazetteer, draft.text, draft.links, lang, context, scanned).filter((n) => !placed.has(n)));
    return { draft, tags, id: eventId(key, meta.id, draft.date.start, draft.text) };
  });
  const ids = uniqueIds(drafts.map((d) => d.id));

  const sectionUrl = sectionUrls(meta.url, read.blocks);
  const events: EventDraft[] = [];
  drafts.forEach(({ draft, tags }, i) => {
    const id = ids[i]!;
    const candidate = {
      id,
      date: draft.date,
      text: draft.text,
      lang,
      source: { id: meta.id, file: meta.file, title: meta.title, section: draft.section, line: draft.line, url: sectionUrl(draft.section, draft.line) },
      places: tags.places,
      groups: tags.groups,
      citations: draft.citations,
      ...describeEvent(draft.text, lang, contextual, (message) => warnings.push({ file: meta.file, line: draft.line, message })),
      url: eventUrl(draft.date, id),
    };
    const checked = EventDraft.safeParse(candidate);
    if (checked.success) events.push(checked.data);
    else
      warnings.push({
        file: meta.file,
        line: draft.line,
        message: `passage dropped, invalid record: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      });
  });

  const report = reportOf({
    eventsMade: events.length,
    undated: segmented.undated.map((u) => ({ ...u, firstWords: firstWords(u.firstWords) })),
    skipped: read.skipped.map((s) => ({ ...s, firstWords: firstWords(s.firstWords) })),
    unknownNames: countTally(unknownNames),
  });
  return { events, report, published, found };
}

/** Places and groups the texts added (by id: found by a cue, or read from the world index) and
 * spellings met of known places (by id), in text order. */
export interface FoundNames {
  cued: Map<string, GazetteerEntity>;
  spellings: Map<string, Set<string>>;
}

/** The first mention of a cued place makes it (its kind and name); later ones add their spellings. */
function addFound(into: FoundNames, cued: Iterable<GazetteerEntity>, spellings: Iterable<readonly [string, Iterable<string>]>): void {
  for (const e of cued) {
    const had = into.cued.get(e.id);
    if (!had) into.cued.set(e.id, { ...e, name: { ...e.name }, aliases: [...e.aliases] });
    else {
      for (const a of e.aliases) if (!had.aliases.includes(a)) had.aliases.push(a);
      for (const l of ['zh-Hans', 'zh-Hant'] as const) if (!had.name[l] && e.name[l]) had.name[l] = e.name[l];
    }
  }
  for (const [id, names] of spellings) {
    const set = into.spellings.get(id) ?? new Set<string>();
    for (const n of names) set.add(n);
    into.spellings.set(id, set);
  }
}

export type SourceResult = ReturnType<typeof ingestSource>;

/**
 * Event ids are unique within a source by construction (ids.ts); across sources they differ by
 * their source's id, which loadSources keeps distinct. Should two still meet (a digest
 * collision), the later one in published order gets a counter, and its URL follows.
 */
function globallyUniqueIds<T extends { id: string; date: EventRecord['date']; url: string }>(events: T[]): T[] {
  const seen = new Set<string>();
  return events.map((event) => {
    if (!seen.has(event.id)) {
      seen.add(event.id);
      return event;
    }
    let n = 2;
    while (seen.has(`${event.id}-${n}`)) n++;
    const id = `${event.id}-${n}`;
    seen.add(id);
    return { ...event, id, url: eventUrl(event.date, id) };
  });
}

export function ingest(options: IngestOptions): IngestResult {
  const gazetteer = options.gazetteer ?? loadGazetteer(options.entitiesDir);
  const loaded = loadSources(options.sourcesDir);
  return assemble(options, gazetteer, loaded, loaded.sources.map((source) => ingestSource(source, gazetteer)));
}

/** The records of the whole corpus from the per-source results (in source order). */
export function assemble(
  options: IngestOptions,
  gazetteer: Gazetteer,
  loaded: ReturnType<typeof loadSources>,
  perSource: SourceResult[],
): IngestResult {
  const rank = new Map(loaded.sources.map((s, i) => [s.meta.id, i]));
  const loadedIds = new Set(rank.keys());
  const drafts = globallyUniqueIds(
    sortEvents(
      perSource.flatMap((s) => s.events),
      rank,
    ),
  );
  const { report, general } = fileWarningsIntoReport(
    perSource.map((s) => s.report),
    loaded.warnings,
    (w) => w.file === MANIFEST || w.file === options.sourcesDir,
    (file) => reportIdForFile(file, loadedIds),
  );
  const found: FoundNames = { cued: new Map(), spellings: new Map() };
  for (const s of perSource) if (s.found) addFound(found, s.found.cued.values(), s.found.spellings);
  const entities = buildEntityRecords(gazetteer, drafts, found);
  // Accounts of one happening in different sources (and languages) share a happening id.
  const linked = linkEvents(drafts, entities);
  const events: EventRecord[] = drafts.map((e) => ({ ...e, happening: linked.happeningOf.get(e.id)! }));
  return {
    events,
    entities,
    sources: perSource.map((s) => s.published),
    report,
    warnings: general,
    links: linked.report,
  };
}
