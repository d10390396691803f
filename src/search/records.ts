/**
 * Maps the published data (events, entities, sources) to Pagefind custom records: one search result
 * per event. Pure: no file or network access; the script-folding converters are injectable.
 *
 * Cross-language search: every record goes into ONE Pagefind language index (SEARCH_LANGUAGE) so
 * that an English page and a Chinese page search the same events. "zh" makes the extended Pagefind
 * binary segment Chinese runs into words while Latin text is still split on whitespace.
 */
import type { Entity, EventRecord, SourceMeta, Lang } from '../schema/records.ts';
import { TAXONOMY, taxonomyName, taxonomyTerms } from '../ingest/types/taxonomy.ts';
import { COLUMNS, eventCells } from '../ingest/records/csv.ts';

/** The Pagefind language every record is indexed under (see the module comment). */
export const SEARCH_LANGUAGE = 'zh';

export const FILTER_KEYS = ['place', 'group', 'source', 'lang', 'year', 'conflict', 'type'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Values a record carries as filters although no select box offers them: the date range filter
 * (`start` day, `month`, with `year`) and what a result shows (its `end` day and `precision`, the
 * `lengths` of its passage copies, and for an account of a happening several sources tell, its
 * `happening` and the number of `accounts`, so results show the happening once). Pagefind indexes every meta value as searchable words (a
 * date in the meta made "Aleppo 2013" match every event of 2013), filter values it does not.
 */
export const RECORD_FILTER_KEYS = ['start', 'month', 'end', 'precision', 'lengths', 'happening', 'accounts'] as const;
export type RecordFilterKey = (typeof RECORD_FILTER_KEYS)[number];

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  /** names only, that the passage's content already holds (Pagefind makes meta searchable) */
  meta: Record<string, string>;
  filters: Partial<Record<FilterKey | RecordFilterKey, string[]>>;
  sort: Record<string, string>;
  /**
   * The event's events.csv row without its text, for the search page's download. Not given to
   * Pagefind (it would make every cell searchable): written beside each part (ROWS_FILE).
   */
  row?: string[];
}

export { ROWS_FILE } from './parts.ts';

/** Names in the three UI scripts; `en` always present. */
export interface Label {
  en: string;
  'zh-Hans': string;
  'zh-Hant': string;
}

/**
 * Readable names for every filter value that occurs in the records, written beside the index so the
 * search page can show names in its own language without loading entities.json.
 */
export type SearchLabels = Record<FilterKey, Record<string, Label>>;

export interface Converters {
  /** Simplified → Traditional */
  toHant: (s: string) => string;
  /** Traditional → Simplified */
  toHans: (s: string) => string;
}

export interface BuildInput {
  events: EventRecord[];
  entities: Entity[];
  sources: SourceMeta[];
  /** URL path prefix, e.g. "/" or "/dayline/" */
  base?: string;
  converters?: Converters;
  /** titles of chronologies in the UI languages (the site's i18n strings), by chronology id */
  chronologyTitles?: Record<string, { en?: string; zh?: string }>;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** "/", "/x", "x/" → "/", "/x/", "/x/" */
export function normaliseBase(base: string | undefined): string {
  let b = (base ?? '/').trim() || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/** Where a search result links: the event's published URL (its day, month or year page), under the base path. */
export function eventUrl(event: Pick<EventRecord, 'url'>, base = '/'): string {
  return `${normaliseBase(base)}${event.url.replace(/^\//, '')}`;
}

/**
 * The year filter's value of an event: the year it begins, as every count of the site counts an
 * event once, in the year it begins (src/lib/data.ts countedYear).
 */
export function eventYears(event: Pick<EventRecord, 'date'>): string[] {
  return [event.date.start.slice(0, 4)];
}

/** Type and sub-type ids an event reports: its own, then those of its other acts. */
export function eventTypeIds(event: Pick<EventRecord, 'type' | 'subtype' | 'acts'>): string[] {
  const out: string[] = [];
  for (const id of [event.type, event.subtype, ...(event.acts ?? []).flatMap((a) => [a.type, a.subtype])]) if (id && !out.includes(id)) out.push(id);
  return out;
}

/** The text plus its copies in the other Chinese script (only the copies that differ). */
export function foldScripts(text: string, conv: Converters): string[] {
  if (!CJK.test(text)) return [text];
  const out = [text];
  for (const v of [conv.toHans(text), conv.toHant(text)]) if (!out.includes(v)) out.push(v);
  return out;
}

/** Every way of writing an entity: names in all scripts, aliases, and the folded copies of both. */
export function entityTerms(entity: Entity, conv: Converters): string[] {
  const raw = [entity.name.en, entity.name['zh-Hans'], entity.name['zh-Hant'], ...entity.aliases];
  const out: string[] = [];
  for (const r of raw) {
    if (!r) continue;
    for (const v of foldScripts(r, conv)) if (!out.includes(v)) out.push(v);
  }
  return out;
}

export function entityLabel(entity: Entity | undefined, id: string): Label {
  const en = entity?.name.en || id;
  const hans = entity?.name['zh-Hans'] || entity?.name['zh-Hant'] || en;
  const hant = entity?.name['zh-Hant'] || entity?.name['zh-Hans'] || en;
  return { en, 'zh-Hans': hans, 'zh-Hant': hant };
}

export const LANG_LABELS: Record<Lang, Label> = {
  en: { en: 'English', 'zh-Hans': '英语', 'zh-Hant': '英語' },
  'zh-Hans': { en: 'Chinese (Simplified)', 'zh-Hans': '简体中文', 'zh-Hant': '簡體中文' },
  'zh-Hant': { en: 'Chinese (Traditional)', 'zh-Hans': '繁体中文', 'zh-Hant': '繁體中文' },
};

function titleCase(id: string): string {
  return id.replace(/-/g, ' ').replace(/\b\w/, (c) => c.toUpperCase());
}

/**
 * A chronology has no title of its own: name it after its sources, in each UI language preferring a
 * source written in that language (English UI: an English source title; Chinese UI: a Chinese one).
 */
export function chronologyLabel(
  id: string,
  sources: SourceMeta[],
  conv: Converters,
  titles?: { en?: string; zh?: string },
): Label {
  if (titles?.en || titles?.zh) {
    const en = titles.en ?? titles.zh!;
    const zh = titles.zh ?? en;
    return { en, 'zh-Hans': conv.toHans(zh), 'zh-Hant': conv.toHant(zh) };
  }
  const members = sources.filter((s) => s.chronology === id);
  const en = members.find((s) => s.lang === 'en')?.title;
  const zh = members.find((s) => s.lang !== 'en')?.title;
  const fallback = en ?? zh ?? titleCase(id);
  return {
    en: en ?? fallback,
    'zh-Hans': zh ? conv.toHans(zh) : fallback,
    'zh-Hant': zh ? conv.toHant(zh) : fallback,
  };
}

/** "2014-01-05", "2014-01-10 – 2014-01-12" */
export function dateLabel(event: Pick<EventRecord, 'date'>): string {
  const { start, end, precision } = event.date;
  if (precision === 'day') return start === end ? start : `${start} – ${end}`;
  if (precision === 'year') return start.slice(0, 4) === end.slice(0, 4) ? start.slice(0, 4) : `${start.slice(0, 4)} – ${end.slice(0, 4)}`;
  const a = start.slice(0, 7);
  const b = end.slice(0, 7);
  return a === b ? a : `${a} – ${b}`;
}

/** Whitespace runs → one space, trimmed (what Pagefind does to content). */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

let defaultConverters: Converters | undefined;
/** Converters backed by opencc-js (loaded lazily: the dictionaries are large). */
export async function openccConverters(): Promise<Converters> {
  if (!defaultConverters) {
    const { openccConverter } = await import('../lib/opencc.ts');
    defaultConverters = { toHant: openccConverter('cn', 't'), toHans: openccConverter('t', 'cn') };
  }
  return defaultConverters;
}

function push(map: Record<string, Label>, id: string, label: () => Label) {
  if (!(id in map)) map[id] = label();
}

/**
 * One record per event, plus the labels of every filter value used. Events whose tagged entity ids
 * are unknown still index (their id stands in for a name).
 */
export function buildSearchRecords(input: BuildInput & { converters: Converters }): {
  records: SearchRecord[];
  labels: SearchLabels;
} {
  const { events, entities, sources, converters: conv } = input;
  const base = normaliseBase(input.base);
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const termsCache = new Map<string, string[]>();
  const terms = (id: string) => {
    let t = termsCache.get(id);
    if (!t) {
      const e = entityById.get(id);
      t = e ? entityTerms(e, conv) : [id];
      termsCache.set(id, t);
    }
    return t;
  };
  const labels: SearchLabels = { place: {}, group: {}, source: {}, lang: {}, year: {}, conflict: {}, type: {} };
  // Type labels in taxonomy order (each type, then its sub-types), whichever occur.
  const typesUsed = new Set(events.flatMap((e) => eventTypeIds(e)));
  for (const type of TAXONOMY.types)
    for (const id of [type.id, ...type.subtypes.map((s) => s.id)])
      if (typesUsed.has(id)) labels.type[id] = { en: taxonomyName(id, 'en'), 'zh-Hans': taxonomyName(id, 'zh-Hans'), 'zh-Hant': taxonomyName(id, 'zh-Hant') };
  const coords = new Map(entities.filter((e) => e.coords).map((e) => [e.id, e.coords!]));
  const textColumn = COLUMNS.indexOf('text');
  const accounts = new Map<string, number>();
  for (const e of events) if (e.happening) accounts.set(e.happening, (accounts.get(e.happening) ?? 0) + 1);
  const width = String(events.length).length;

  const records = events.map((event, i): SearchRecord => {
    const source = sourceById.get(event.source.id);
    const sourceTitle = source?.title || event.source.title || event.source.id;
    const chronology = source?.chronology;
    const years = eventYears(event);

    // Content: the passage as written, then the same passage in the other script, then every name
    // of its places and groups. Each part is a separate paragraph so excerpts do not run across.
    const nameTerms: string[] = [];
    for (const id of [...event.places, ...event.groups]) for (const t of terms(id)) if (!nameTerms.includes(t)) nameTerms.push(t);
    // Pagefind collapses whitespace, so parts are normalised and joined by single spaces, and
    // meta.parts records their lengths: the client maps an excerpt found in a converted copy back
    // onto the passage as written, and shows the passage itself when only a name matched.
    // The passage in both Chinese scripts as whole copies (not a word list): Pagefind then segments
    // both copies alike, so 伊斯兰国 and 伊斯蘭國 find exactly the same events.
    const texts = foldScripts(squash(event.text), conv);
    // The names of what the passage reports, in every script ("car bomb", 汽车炸弹, 汽車炸彈), so
    // that a type found in one language finds the passages of the other.
    const typeTerms: string[] = [];
    for (const id of eventTypeIds(event)) for (const term of taxonomyTerms(id)) for (const v of foldScripts(term, conv)) if (!typeTerms.includes(v)) typeTerms.push(v);
    const content = [...texts, nameTerms.map(squash).join(' · '), typeTerms.join(' · ')].filter(Boolean).join(' ');

    const name = (id: string) => entityLabel(entityById.get(id), id);
    for (const id of event.places) push(labels.place, id, () => name(id));
    for (const id of event.groups) push(labels.group, id, () => name(id));
    push(labels.source, event.source.id, () => {
      const t = sourceTitle;
      return CJK.test(t) ? { en: t, 'zh-Hans': conv.toHans(t), 'zh-Hant': conv.toHant(t) } : { en: t, 'zh-Hans': t, 'zh-Hant': t };
    });
    push(labels.lang, event.lang, () => LANG_LABELS[event.lang] ?? { en: event.lang, 'zh-Hans': event.lang, 'zh-Hant': event.lang });
    for (const y of years) push(labels.year, y, () => ({ en: y, 'zh-Hans': `${y}年`, 'zh-Hant': `${y}年` }));
    if (chronology) push(labels.conflict, chronology, () => chronologyLabel(chronology, sources, conv, input.chronologyTitles?.[chronology]));

    const filters: SearchRecord['filters'] = { source: [event.source.id], lang: [event.lang], year: years };
    filters.start = [event.date.start];
    filters.month = [event.date.start.slice(0, 7)];
    if (event.date.end !== event.date.start) filters.end = [event.date.end];
    filters.precision = [event.date.precision];
    filters.lengths = [texts.map((t) => t.length).join(',')];
    if (event.places.length) filters.place = [...event.places];
    if (event.groups.length) filters.group = [...event.groups];
    if (chronology) filters.conflict = [chronology];
    filters.type = eventTypeIds(event);
    const told = event.happening ? (accounts.get(event.happening) ?? 1) : 1;
    if (told > 1) {
      filters.happening = [event.happening];
      filters.accounts = [String(told)];
    }
    // The events.csv row of the event without its text (the content holds it), for the page's download.
    const cells = eventCells(event, (id) => coords.get(id));
    cells.splice(textColumn, 1);

    const meta: Record<string, string> = {
      places: event.places.map((id) => name(id).en).join(', '),
      groups: event.groups.map((id) => name(id).en).join(', '),
      // for the Chinese UI before the filter labels are loaded
      places_zh: event.places.map((id) => name(id)['zh-Hans']).join('、'),
      groups_zh: event.groups.map((id) => name(id)['zh-Hans']).join('、'),
      type: taxonomyName(event.subtype ?? event.type, 'en'),
      type_zh: taxonomyName(event.subtype ?? event.type, 'zh-Hans'),
    };
    for (const k of Object.keys(meta)) if (!meta[k]) delete meta[k];

    return {
      url: eventUrl(event, base),
      content,
      language: SEARCH_LANGUAGE,
      meta,
      filters,
      // ISO date, then the position in events.json (date, then source order) to break ties.
      sort: { date: `${event.date.start}~${String(i).padStart(width, '0')}` },
      row: cells,
    };
  });
  return { records, labels };
}
