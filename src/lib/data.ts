/**
 * Site data indexes, built ONCE from the ingest's records. Every page reads from these maps;
 * no page scans all events. Building is linear in (events + days covered by spans of at most a
 * week + months covered by longer ones + entity mentions), so it stays fast with tens of
 * thousands of events.
 *
 * Pure module (no astro:content import) so it can be unit-tested; src/lib/site-data.ts loads the
 * collections and calls buildSiteData() once per build.
 */
import type { Entity, EventRecord, SourceMeta, SourceReport } from '../schema/records.ts';
import { paths } from './i18n.ts';
import { comparableFigure, dayOrder, happeningIndex } from './happenings.ts';

export type SourceInfo = SourceMeta & { infobox?: Record<string, string> };

export interface SiteInput {
  events: EventRecord[];
  entities: Entity[];
  sources: SourceInfo[];
  reports: SourceReport[];
}

export interface Chronology {
  id: string;
  sources: SourceInfo[];
  /** day-precision events (ranges and periods counted once, on their start day) per start day */
  dayCounts: Map<string, number>;
  /** every event of its sources */
  eventCount: number;
  /** its events dated only to a month, season or year (they have no start day to chart) */
  undatedToDay: number;
  /** first and last day covered by the chronology's events (or its sources' declared period) */
  start?: string;
  end?: string;
}

export interface EntityStats {
  entity: Entity;
  events: EventRecord[];
  first?: string;
  last?: string;
}

export interface SiteData {
  events: EventRecord[];
  entities: Entity[];
  sources: SourceInfo[];
  eventById: Map<string, EventRecord>;
  entityById: Map<string, Entity>;
  sourceById: Map<string, SourceInfo>;
  reportBySource: Map<string, SourceReport>;
  /** order of each source in sources.json (for stable grouping) */
  sourceOrder: Map<string, number>;
  /** every day with a day page (see daysListed), ascending */
  days: string[];
  /** every month with a day page, a period covering it or a month/season-precision event, ascending */
  months: string[];
  /** every year with a month page or an event beginning in it, ascending */
  years: string[];
  chronologies: Chronology[];
  figures: { events: number; days: number; sources: number; places: number; groups: number };

  /** the events listed on a day page: events of at most PERIOD_DAYS covering it, periods starting on it */
  eventsOnDay(day: string): EventRecord[];
  /** events on the day that shade its calendar cell: all but the periods (a period alone shades nothing) */
  shadeCount(day: string): number;
  prevDay(day: string): string | undefined;
  nextDay(day: string): string | undefined;
  daysInMonth(month: string): string[];
  /** month- and season-precision events whose span covers the month (overviews: see monthsListed) */
  monthEvents(month: string): EventRecord[];
  /** periods (day-precision spans longer than PERIOD_DAYS) covering the month, by start date */
  monthPeriods(month: string): EventRecord[];
  /** distinct events listed on the month page: on its days, its periods, its month/season events */
  monthEventCount(month: string): number;
  prevMonth(month: string): string | undefined;
  nextMonth(month: string): string | undefined;
  monthsInYear(year: string): string[];
  /** year-precision events covering the year */
  yearEvents(year: string): EventRecord[];
  /** events beginning in the year (each event is counted once, in the year it begins) */
  yearEventCount(year: string): number;
  eventsForEntity(id: string): EventRecord[];
  entityStats(id: string): EntityStats | undefined;
  /** a source's events in passage order (by line) */
  eventsForSource(id: string): EventRecord[];
  /** how many pages the source's passages fill (PASSAGES_PER_PAGE each; at least 1) */
  sourcePageCount(id: string): number;
  /** the source page listing an event's passage, with the passage's anchor */
  passagePath(e: EventRecord): string;
  /** entity ids mentioned together with `id`, most frequent first */
  cooccurring(id: string, limit?: number): { id: string; count: number }[];
  places(): Entity[];
  groups(): Entity[];
  /** a day's events as shown (groupDayEvents order), cut into pages of at most DAY_PAGE_BYTES */
  dayPages(day: string): EventRecord[][];
  /** a month's month- and season-precision events, cut into pages of at most MONTH_PAGE_BYTES */
  monthPages(month: string): EventRecord[][];
  /** an event on a day page: day/D/#id, or day/D/N/#id on a day of several pages */
  pathOnDay(day: string, e: EventRecord): string;
  /** the page (from 1) of its day that shows an event */
  pageOnDay(day: string, e: EventRecord): number;
  /** an event on a month page, likewise */
  pathOnMonth(month: string, e: EventRecord): string;
  /** where an event is shown: its day page, or its month/year page (the further page it is on) */
  eventPath(e: EventRecord): string;
  /** the most specific existing page for a date: its day, else its month, else its year */
  datePath(day: string): string;
}

const DAY_MS = 86_400_000;

/** Passages listed on one source page: a long source (50,000 paragraphs) is paged, not one 14 MB page. */
export const PASSAGES_PER_PAGE = 500;

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${String(Math.floor(idx / 12)).padStart(4, '0')}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Every day from start to end inclusive (ISO strings). */
export function eachDay(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
  return out;
}

export function eachMonth(start: string, end: string): string[] {
  const out: string[] = [];
  for (let m = monthOf(start); m <= monthOf(end); m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Spans longer than this many months are overviews (see monthsListed). */
export const OVERVIEW_MONTHS = 12;

/**
 * The month pages a month- or season-precision event is listed on: every month it covers, or,
 * for a span of more than a year ("from July 2012 to December 2016"), its first and last month
 * only: an overview of years is not news of each month in between.
 */
export function monthsListed(start: string, end: string): string[] {
  const all = eachMonth(start, end);
  return all.length > OVERVIEW_MONTHS ? [all[0], all[all.length - 1]] : all;
}

export function isRange(e: EventRecord): boolean {
  return e.date.precision === 'day' && e.date.end !== e.date.start;
}

/**
 * Day-precision events longer than this many days are period statements ("between 28 June 2014
 * and 28 April 2015, …"): listed on their first day and once on each month page they cover, they
 * make no other day page and shade no calendar day (CONTRACT.md).
 */
export const PERIOD_DAYS = 7;

/** Number of days an event's dates cover (1 for a single day). */
export function spanDays(e: Pick<EventRecord, 'date'>): number {
  return Math.round((Date.parse(`${e.date.end}T00:00:00Z`) - Date.parse(`${e.date.start}T00:00:00Z`)) / DAY_MS) + 1;
}

export function isPeriod(e: Pick<EventRecord, 'date'>): boolean {
  return e.date.precision === 'day' && spanDays(e) > PERIOD_DAYS;
}

/**
 * The day pages that list an event: every day of a day-precision event of at most PERIOD_DAYS,
 * the first day of a longer one; none for month, season and year precision.
 */
export function daysListed(e: Pick<EventRecord, 'date'>): string[] {
  if (e.date.precision !== 'day') return [];
  return isPeriod(e) ? [e.date.start] : eachDay(e.date.start, e.date.end);
}

/**
 * The month pages that list an event: the months of its days or, for a period, every month it
 * covers; month and season events as monthsListed; none for year precision.
 */
export function monthsOfEvent(e: Pick<EventRecord, 'date'>): string[] {
  const { start, end, precision } = e.date;
  if (precision === 'year') return [];
  if (precision === 'day') return eachMonth(start, end);
  return monthsListed(start, end);
}

/** The one year an event is counted in: the year it begins (so that year counts add up). */
export function countedYear(e: Pick<EventRecord, 'date'>): string {
  return e.date.start.slice(0, 4);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function humanise(id: string): string {
  return id
    .split('-')
    .map((w) => (w.length > 2 ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

/** A stand-in entity for an id that events mention but entities.json lacks (so links never break). */
export function stubEntity(id: string, type: 'place' | 'group'): Entity {
  return { id, type, kind: 'unknown', name: { en: humanise(id) }, aliases: [], url: `/${type}/${id}/` };
}

/** Neighbour lookup in a sorted list via a position map. */
function neighbours(list: string[]): { prev(k: string): string | undefined; next(k: string): string | undefined } {
  const pos = new Map(list.map((k, i) => [k, i]));
  return {
    prev: (k) => {
      const i = pos.get(k);
      return i !== undefined && i > 0 ? list[i - 1] : undefined;
    },
    next: (k) => {
      const i = pos.get(k);
      return i !== undefined && i < list.length - 1 ? list[i + 1] : undefined;
    },
  };
}

export function buildSiteData(input: SiteInput): SiteData {
  const sources = input.sources;
  const sourceOrder = new Map(sources.map((s, i) => [s.id, i]));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const reportBySource = new Map(input.reports.map((r) => [r.id, r]));

  // Keep the published order (date, then source order); a stable sort guards against loaders
  // that do not preserve it.
  const events = input.events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date.start < b.e.date.start ? -1 : a.e.date.start > b.e.date.start ? 1 : a.i - b.i))
    .map((x) => x.e);
  const eventById = new Map(events.map((e) => [e.id, e]));

  const entityById = new Map(input.entities.map((e) => [e.id, e]));
  const entities = [...input.entities];

  const byDay = new Map<string, EventRecord[]>();
  const shadeByDay = new Map<string, number>();
  const byMonth = new Map<string, EventRecord[]>(); // month/season precision
  const periodsByMonth = new Map<string, EventRecord[]>(); // day-precision periods
  const countByMonth = new Map<string, number>(); // distinct events listed on each month page
  const byYear = new Map<string, EventRecord[]>(); // year precision
  const byEntity = new Map<string, EventRecord[]>();
  const bySource = new Map<string, EventRecord[]>();
  const monthSet = new Set<string>();
  const yearCounts = new Map<string, number>();

  for (const e of events) {
    const { start, end, precision } = e.date;
    const period = isPeriod(e);
    for (const d of daysListed(e)) {
      push(byDay, d, e);
      if (!period) shadeByDay.set(d, (shadeByDay.get(d) ?? 0) + 1);
    }
    for (const m of monthsOfEvent(e)) {
      countByMonth.set(m, (countByMonth.get(m) ?? 0) + 1);
      monthSet.add(m);
      if (precision === 'day') {
        if (period) push(periodsByMonth, m, e);
      } else push(byMonth, m, e);
    }
    if (precision === 'year') {
      for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) push(byYear, String(y), e);
    }
    yearCounts.set(countedYear(e), (yearCounts.get(countedYear(e)) ?? 0) + 1);
    const mentioned = new Set([...e.places, ...e.groups]);
    for (const id of e.places) {
      if (!entityById.has(id)) {
        const stub = stubEntity(id, 'place');
        entityById.set(id, stub);
        entities.push(stub);
      }
    }
    for (const id of e.groups) {
      if (!entityById.has(id)) {
        const stub = stubEntity(id, 'group');
        entityById.set(id, stub);
        entities.push(stub);
      }
    }
    for (const id of mentioned) push(byEntity, id, e);
    push(bySource, e.source.id, e);
  }

  const days = [...byDay.keys()].sort();
  const dayNav = neighbours(days);
  const daysByMonth = new Map<string, string[]>();
  for (const d of days) {
    push(daysByMonth, monthOf(d), d);
    monthSet.add(monthOf(d));
  }
  const months = [...monthSet].sort();
  const monthNav = neighbours(months);
  const monthsByYear = new Map<string, string[]>();
  for (const m of months) push(monthsByYear, m.slice(0, 4), m);
  const years = [...new Set([...yearCounts.keys(), ...monthsByYear.keys(), ...byYear.keys()])].sort();

  for (const list of bySource.values()) list.sort((a, b) => a.source.line - b.source.line);
  const passageIndex = new Map<string, number>();
  for (const list of bySource.values()) list.forEach((e, i) => passageIndex.set(e.id, i));

  // Chronologies: group sources by their `chronology` field, in sources.json order.
  const chronoById = new Map<string, Chronology>();
  for (const s of sources) {
    const id = s.chronology ?? 'other';
    if (!chronoById.has(id)) chronoById.set(id, { id, sources: [], dayCounts: new Map(), eventCount: 0, undatedToDay: 0 });
    chronoById.get(id)!.sources.push(s);
  }
  for (const e of events) {
    const s = sourceById.get(e.source.id);
    const c = chronoById.get(s?.chronology ?? 'other');
    if (!c) continue;
    c.eventCount++;
    if (e.date.precision === 'day') c.dayCounts.set(e.date.start, (c.dayCounts.get(e.date.start) ?? 0) + 1);
    else c.undatedToDay++;
    const start = e.date.start;
    const end = e.date.end;
    if (!c.start || start < c.start) c.start = start;
    if (!c.end || end > c.end) c.end = end;
  }
  const chronologies = [...chronoById.values()].filter((c) => c.eventCount > 0 || c.sources.length > 0);

  const dayPagesCache = new Map<string, EventRecord[][]>();
  const monthPagesCache = new Map<string, EventRecord[][]>();
  /** page number (from 1) of each event on its url's day or month, where that has several pages */
  const pageOf = new Map<string, number>();
  const paged = (
    cache: Map<string, EventRecord[][]>,
    key: string,
    list: () => EventRecord[],
    budget: number,
    unit?: (e: EventRecord) => string | undefined,
    size: (e: EventRecord, prev?: EventRecord) => number = eventHtmlBytes,
  ) => {
    let pages = cache.get(key);
    if (!pages) {
      const all = list();
      // a day or month only a little over one page stays whole: cutting it would cost the reader a
      // page turn for a few KB
      const total = all.reduce((n, e, i) => n + size(e, all[i - 1]), 0);
      pages = total <= WHOLE_PAGE_SLACK * budget ? [all] : pageByBytes(all, budget, size, unit);
      cache.set(key, pages);
      if (pages.length > 1) pages.forEach((page, i) => page.forEach((e) => pageOf.set(`${key} ${e.id}`, i + 1)));
    }
    return pages;
  };

  const entityStatsCache = new Map<string, EntityStats | undefined>();
  const cooccurCache = new Map<string, { id: string; count: number }[]>();

  const byMention = (type: 'place' | 'group') =>
    entities
      .filter((e) => e.type === type)
      .map((e, i) => ({ e, i, n: byEntity.get(e.id)?.length ?? 0 }))
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .map((x) => x.e);

  const data: SiteData = {
    events,
    entities,
    sources,
    eventById,
    entityById,
    sourceById,
    reportBySource,
    sourceOrder,
    days,
    months,
    years,
    chronologies,
    figures: {
      events: events.length,
      days: days.length,
      sources: sources.length,
      places: entities.filter((e) => e.type === 'place' && byEntity.has(e.id)).length,
      groups: entities.filter((e) => e.type === 'group' && byEntity.has(e.id)).length,
    },
    eventsOnDay: (day) => byDay.get(day) ?? [],
    shadeCount: (day) => shadeByDay.get(day) ?? 0,
    prevDay: (day) => dayNav.prev(day),
    nextDay: (day) => dayNav.next(day),
    daysInMonth: (month) => daysByMonth.get(month) ?? [],
    monthEvents: (month) => byMonth.get(month) ?? [],
    monthPeriods: (month) => periodsByMonth.get(month) ?? [],
    monthEventCount: (month) => countByMonth.get(month) ?? 0,
    prevMonth: (month) => monthNav.prev(month),
    nextMonth: (month) => monthNav.next(month),
    monthsInYear: (year) => monthsByYear.get(year) ?? [],
    yearEvents: (year) => byYear.get(year) ?? [],
    yearEventCount: (year) => yearCounts.get(year) ?? 0,
    eventsForEntity: (id) => byEntity.get(id) ?? [],
    entityStats(id) {
      if (entityStatsCache.has(id)) return entityStatsCache.get(id);
      const entity = entityById.get(id);
      let stats: EntityStats | undefined;
      if (entity) {
        const list = byEntity.get(id) ?? [];
        let last: string | undefined;
        for (const e of list) if (!last || e.date.end > last) last = e.date.end;
        stats = { entity, events: list, first: list[0]?.date.start, last };
      }
      entityStatsCache.set(id, stats);
      return stats;
    },
    eventsForSource: (id) => bySource.get(id) ?? [],
    sourcePageCount: (id) => Math.max(1, Math.ceil((bySource.get(id)?.length ?? 0) / PASSAGES_PER_PAGE)),
    passagePath(e) {
      const page = Math.floor((passageIndex.get(e.id) ?? 0) / PASSAGES_PER_PAGE) + 1;
      return `${paths.sourcePage(e.source.id, page)}#p-${e.id}`;
    },
    cooccurring(id, limit = 12) {
      let all = cooccurCache.get(id);
      if (!all) {
        const counts = new Map<string, number>();
        for (const e of byEntity.get(id) ?? []) {
          for (const other of new Set([...e.places, ...e.groups])) {
            if (other !== id) counts.set(other, (counts.get(other) ?? 0) + 1);
          }
        }
        all = [...counts].map(([k, n]) => ({ id: k, count: n })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
        cooccurCache.set(id, all);
      }
      return all.slice(0, limit);
    },
    places: () => byMention('place'),
    groups: () => byMention('group'),
    dayPages(day) {
      // asked for by every link to an event of the day (pathOnDay): made once
      const made = dayPagesCache.get(day);
      if (made) return made;
      const linked = (e: EventRecord) => happeningIndex(data).linkedOf(e);
      const today = new Set(byDay.get(day) ?? []);
      const order = dayOrder(data, byDay.get(day) ?? []);
      // the first account of a happening on the day also brings where the accounts differ and the
      // accounts listed on other days, in brief
      const opener = new Map<EventRecord, number>();
      const opened = new Set<string>();
      for (const e of order) {
        const h = linked(e);
        if (h && !opened.has(h.id)) {
          opened.add(h.id);
          opener.set(e, happeningHtmlBytes(h.accounts, today));
        }
      }
      const size = (e: EventRecord, prev?: EventRecord) => eventHtmlBytes(e, prev) + (opener.get(e) ?? 0);
      return paged(dayPagesCache, day, () => order, DAY_PAGE_BYTES, (e) => linked(e)?.id, size);
    },
    monthPages(month) {
      // the month's periods (listed once, in their own strip) and then its month-dated events
      return paged(monthPagesCache, month, () => [...(periodsByMonth.get(month) ?? []), ...(byMonth.get(month) ?? [])], MONTH_PAGE_BYTES);
    },
    pathOnDay(day, e) {
      data.dayPages(day);
      return `${pagePath(`day/${day}/`, pageOf.get(`${day} ${e.id}`))}#${e.id}`;
    },
    pageOnDay(day, e) {
      data.dayPages(day);
      return pageOf.get(`${day} ${e.id}`) ?? 1;
    },
    pathOnMonth(month, e) {
      data.monthPages(month);
      return `${pagePath(`month/${month}/`, pageOf.get(`${month} ${e.id}`))}#${e.id}`;
    },
    eventPath(e) {
      // The ingest decides where an event lives (records/urls.ts); pages follow its published url,
      // and on a day or month of several pages, the page that shows it.
      const path = e.url.replace(/^\//, '');
      const at = /^(day|month)\/([\d-]+)\/#/.exec(path);
      if (!at) return path;
      return at[1] === 'day' ? data.pathOnDay(at[2]!, e) : data.pathOnMonth(at[2]!, e);
    },
    datePath(day) {
      if (byDay.has(day)) return `day/${day}/`;
      if (monthSet.has(monthOf(day))) return `month/${monthOf(day)}/`;
      return `year/${day.slice(0, 4)}/`;
    },
  };
  return data;
}

/**
 * Page budgets, in estimated bytes of the event articles shown (eventHtmlBytes, happeningHtmlBytes;
 * the Chinese UI's pages are the larger): what keeps a day page (with its header, map, pagers and
 * footer, some 5 to 8 KB, and the estimate's error, a few per cent) under 50 KB and a month page (with its calendar and day-by-day briefs, about 70 KB at most)
 * under 200 KB of HTML, however many accounts a day or month has.
 */
export const DAY_PAGE_BYTES = 36_000;
/** how far over its budget a day or month may go and still be one page */
export const WHOLE_PAGE_SLACK = 1.15;
export const MONTH_PAGE_BYTES = 100_000;

const utf8 = new TextEncoder();

/**
 * About how many bytes of HTML one event takes shown in full (EventArticle), with the heading of
 * its account when it opens one (no `prev`, or `prev` from another source). The constants are a
 * least-squares fit of the built articles of a density-20x bench site in the Chinese UI, the
 * larger (5,643 articles, mean error 11%): the text, each place or group link, the section path
 * (in the source link), each figure with its quoted words, each act and each citation (its link).
 */
export function eventHtmlBytes(e: EventRecord, prev?: EventRecord): number {
  let bytes = 1200 + utf8.encode(e.text).length + 80 * (e.places.length + e.groups.length);
  bytes += 3.4 * utf8.encode(e.source.section.join(' › ')).length;
  for (const f of e.figures) bytes += 160 + 1.1 * utf8.encode(f.text).length;
  bytes += 40 * e.acts.length;
  for (const c of e.citations) bytes += 200 + (c.title?.length ?? 0) + (c.url?.length ?? 0) + (c.archiveUrl?.length ?? 0);
  if (isRange(e)) bytes += 150;
  if (!prev || prev.source.id !== e.source.id) bytes += 250 + 2 * utf8.encode(e.source.title).length;
  return bytes;
}

/**
 * About how many bytes a happening's own parts take on a day page besides its accounts there: its
 * heading, the table of where its accounts differ (a column per source, at most
 * HAPPENING_TABLE_SOURCES, each count in it with its quoted words) and its accounts listed on other
 * days, in brief (measured on density-10x and 20x bench sites).
 */
export function happeningHtmlBytes(accounts: EventRecord[], listedToday: Set<EventRecord>): number {
  const elsewhere = accounts.filter((e) => !listedToday.has(e)).length;
  const columns = [...new Set(accounts.map((e) => e.source.id))].slice(0, HAPPENING_TABLE_SOURCES);
  let table = 130 * columns.length;
  for (const e of accounts) if (columns.includes(e.source.id)) for (const f of e.figures) if (comparableFigure(f)) table += 90 + utf8.encode(f.text).length;
  return 1400 + table + 550 * Math.min(elsewhere, HAPPENING_BRIEFS) + (elsewhere > HAPPENING_BRIEFS ? 200 : 0);
}

/** The sources a happening's table of differences (figures, dates, places) compares side by side, the first this many: past that they would not be read. */
export const HAPPENING_TABLE_SOURCES = 8;

/** A happening's accounts listed on other days shown in brief on a day page: at most this many, then "and N more". */
export const HAPPENING_BRIEFS = 6;

/** The path of page `page` (from 1) of a day or month whose first page is `first`. */
export function pagePath(first: string, page: number | undefined): string {
  return page && page > 1 ? `${first}${page}/` : first;
}

/** The source key in an event id (e-<key>-<date>-<hash>): which account an event belongs to. */
export function eventKey(id: string): string {
  return id.split('-')[1] ?? '';
}

/** For the pages of a day or month: each source key, the pages (from 1) with its events. */
export function pageKeys(pages: EventRecord[][]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  pages.forEach((page, i) => {
    for (const e of page) {
      const list = (out[eventKey(e.id)] ??= []);
      if (list.at(-1) !== i + 1) list.push(i + 1);
    }
  });
  return out;
}

/** Page numbers a page list shows: the first, the last and two either side of the current, 0 for a gap. */
export function pageWindow(count: number, current: number, around = 2): number[] {
  const out: number[] = [];
  for (let p = 1; p <= count; p++) {
    if (p === 1 || p === count || Math.abs(p - current) <= around) out.push(p);
    else if (out.at(-1) !== 0) out.push(0);
  }
  return out;
}

/**
 * Consecutive pages of at most `budget` estimated bytes each (an event larger than that gets a page).
 * Consecutive events of one `unit` (the accounts of a happening, shown side by side) stay on one
 * page where together they fit in one; a unit too large for a page is cut like any other run.
 */
export function pageByBytes(
  events: EventRecord[],
  budget: number,
  size: (e: EventRecord, prev?: EventRecord) => number = eventHtmlBytes,
  unit: (e: EventRecord) => string | undefined = () => undefined,
): EventRecord[][] {
  // the estimated size of each unit's run of events, to know which fit on one page
  const unitBytes = new Map<string, number>();
  events.forEach((e, i) => {
    const u = unit(e);
    if (u !== undefined) unitBytes.set(u, (unitBytes.get(u) ?? 0) + size(e, events[i - 1]));
  });
  const pages: EventRecord[][] = [];
  let page: EventRecord[] = [];
  let bytes = 0;
  for (const e of events) {
    let n = size(e, page[page.length - 1]);
    const prev = page[page.length - 1];
    const u = unit(e);
    const fits = u !== undefined && unitBytes.get(u)! <= budget;
    const inUnit = fits && prev !== undefined && u === unit(prev);
    // a unit that fits on a page starts one if it would not fit whole on this one
    const need = fits && !inUnit ? unitBytes.get(u!)! : n;
    if (page.length > 0 && !inUnit && bytes + need > budget) {
      pages.push(page);
      page = [];
      bytes = 0;
      // the first event of a page opens its account there
      n = size(e);
    }
    page.push(e);
    bytes += n;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/**
 * Group one day's events so accounts from different sources and languages sit together:
 * by chronology (in overview order), then by source (in sources.json order), passages by line.
 */
export function groupDayEvents(
  data: Pick<SiteData, 'sourceById' | 'sourceOrder' | 'chronologies'>,
  events: EventRecord[],
): { chronology: string; sources: { source: SourceInfo | undefined; sourceId: string; events: EventRecord[] }[] }[] {
  const chronoOrder = new Map(data.chronologies.map((c, i) => [c.id, i]));
  const bySource = new Map<string, EventRecord[]>();
  for (const e of events) push(bySource, e.source.id, e);
  const groups = new Map<string, { source: SourceInfo | undefined; sourceId: string; events: EventRecord[] }[]>();
  const sourceIds = [...bySource.keys()].sort(
    (a, b) => (data.sourceOrder.get(a) ?? 1e9) - (data.sourceOrder.get(b) ?? 1e9) || (a < b ? -1 : 1),
  );
  for (const sid of sourceIds) {
    const source = data.sourceById.get(sid);
    const chronology = source?.chronology ?? 'other';
    const list = bySource.get(sid)!.slice().sort((a, b) => a.source.line - b.source.line);
    push(groups, chronology, { source, sourceId: sid, events: list });
  }
  return [...groups.entries()]
    .sort((a, b) => (chronoOrder.get(a[0]) ?? 1e9) - (chronoOrder.get(b[0]) ?? 1e9))
    .map(([chronology, sources]) => ({ chronology, sources }));
}

/** Calendar weeks (Monday first) of a month: each cell is an ISO day or null for padding. */
export function monthGrid(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const wd = new Date(`${first}T00:00:00Z`).getUTCDay();
  const lead = (wd + 6) % 7;
  const cells: (string | null)[] = Array(lead).fill(null);
  for (let d = first; monthOf(d) === month; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** First `max` characters of a text (by code point), with an ellipsis when cut. */
export function excerpt(text: string, max = 200): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** Only http(s) links leave the site; anything else in the data (javascript:, data:) is dropped. */
export function safeExternalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const u = url.trim();
  return /^https?:\/\/[^\s]+$/i.test(u) ? u : undefined;
}

/** Excerpt of an event's text without the date words it starts with (they are shown beside it). */
export function excerptAfterDate(e: EventRecord, max = 120): string {
  const expr = e.date.expression;
  let text = e.text;
  if (expr && text.startsWith(expr)) text = text.slice(expr.length).replace(/^[\s,，、:：]+/, '');
  if (!text) text = e.text;
  if (e.lang === 'en' && /^[a-z]/.test(text) && text !== e.text) text = text[0].toUpperCase() + text.slice(1);
  return excerpt(text, max);
}

/**
 * The language of a piece of source metadata whose language is not recorded (a citation's title):
 * "zh" when it holds Chinese characters, else "" (unknown, as HTML's lang="" says).
 */
export function writtenLang(text: string): string {
  return /\p{Script=Han}/u.test(text) ? 'zh' : '';
}
