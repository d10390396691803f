/**
 * Happenings on the pages: the events that share a `happening` id are accounts of one happening
 * (src/ingest/links). Pure: which accounts a day page shows together, how a list of events folds
 * into one item per happening (entity pages), and where the accounts of a happening differ:
 * figures, dates, places. Built once per site data and cached.
 */
import type { EventRecord, Figure } from '../schema/records.ts';
import { groupDayEvents, type SiteData } from './data.ts';

export interface Happening {
  id: string;
  /** every account, wherever listed: by source order, then line */
  accounts: EventRecord[];
}

export interface HappeningIndex {
  byId: Map<string, Happening>;
  /** the happening of an event, when it has more than one account */
  linkedOf(e: EventRecord): Happening | undefined;
}

const cache = new WeakMap<object, HappeningIndex>();

export function happeningIndex(data: Pick<SiteData, 'events' | 'sourceOrder'>): HappeningIndex {
  const cached = cache.get(data.events);
  if (cached) return cached;
  const byId = new Map<string, Happening>();
  for (const e of data.events) {
    if (!e.happening) continue;
    const h = byId.get(e.happening);
    if (h) h.accounts.push(e);
    else byId.set(e.happening, { id: e.happening, accounts: [e] });
  }
  const rank = (e: EventRecord) => data.sourceOrder.get(e.source.id) ?? 1e9;
  for (const h of byId.values()) if (h.accounts.length > 1) h.accounts.sort((a, b) => rank(a) - rank(b) || a.source.line - b.source.line);
  const index: HappeningIndex = {
    byId,
    linkedOf: (e) => {
      const h = e.happening ? byId.get(e.happening) : undefined;
      return h && h.accounts.length > 1 ? h : undefined;
    },
  };
  cache.set(data.events, index);
  return index;
}

/** Accounts grouped by source (a source that split its account has two passages in one group). */
export function accountsBySource(h: Happening): { sourceId: string; events: EventRecord[] }[] {
  const out: { sourceId: string; events: EventRecord[] }[] = [];
  for (const e of h.accounts) {
    const last = out.find((g) => g.sourceId === e.source.id);
    if (last) last.events.push(e);
    else out.push({ sourceId: e.source.id, events: [e] });
  }
  return out;
}

export interface DayChronology {
  chronology: string;
  /** happenings with accounts in several sources, at least one listed on this day */
  happenings: Happening[];
  /** the day's other events, by source, as groupDayEvents gives them */
  sources: ReturnType<typeof groupDayEvents>[number]['sources'];
}

/**
 * A day page's layout: by chronology (overview order), its happenings told by several sources
 * first (each once, in the chronology of its first account listed on the day), then the day's
 * other events by source.
 */
export function dayLayout(data: Pick<SiteData, 'events' | 'sourceById' | 'sourceOrder' | 'chronologies'>, events: EventRecord[]): DayChronology[] {
  const index = happeningIndex(data);
  const chronologyOf = (e: EventRecord) => data.sourceById.get(e.source.id)?.chronology ?? 'other';
  const chronoOrder = new Map(data.chronologies.map((c, i) => [c.id, i]));
  const happenings = new Map<string, { chronology: string; happening: Happening; first: number }>();
  const lone: EventRecord[] = [];
  // A happening comes where its first account listed on the day comes in the day's own order.
  const position = new Map(events.map((e, i) => [e, i]));
  for (const e of events) {
    const h = index.linkedOf(e);
    if (!h) {
      lone.push(e);
      continue;
    }
    if (!happenings.has(h.id)) happenings.set(h.id, { chronology: chronologyOf(e), happening: h, first: position.get(e)! });
  }
  const out = new Map<string, DayChronology>();
  const ensure = (chronology: string) => {
    let c = out.get(chronology);
    if (!c) out.set(chronology, (c = { chronology, happenings: [], sources: [] }));
    return c;
  };
  for (const { chronology, happening } of [...happenings.values()].sort((a, b) => a.first - b.first)) ensure(chronology).happenings.push(happening);
  for (const g of groupDayEvents(data, lone)) ensure(g.chronology).sources = g.sources;
  return [...out.values()].sort((a, b) => (chronoOrder.get(a.chronology) ?? 1e9) - (chronoOrder.get(b.chronology) ?? 1e9));
}

/** A day's events in the order its page shows them (dayLayout): a happening's accounts listed that day together. */
export function dayOrder(data: Parameters<typeof dayLayout>[0], events: EventRecord[]): EventRecord[] {
  const here = new Set(events);
  return dayLayout(data, events).flatMap((c) => [...c.happenings.flatMap((h) => h.accounts.filter((e) => here.has(e))), ...c.sources.flatMap((s) => s.events)]);
}

/** Items (an event, or a happening at its first account) on one page of an entity's timeline: some 400 KB of HTML at most (the real corpus's largest, the Syrian opposition, has 314 events: one page) */
export const TIMELINE_ITEMS_PER_PAGE = 400;

const timelines = new WeakMap<EventRecord[], { event: EventRecord; happening?: Happening }[]>();
/** An entity's events folded into its timeline's items (foldHappenings), kept for its pages. */
export function entityTimeline(data: Pick<SiteData, 'events' | 'sourceOrder'>, events: EventRecord[]): { event: EventRecord; happening?: Happening }[] {
  let items = timelines.get(events);
  if (!items) timelines.set(events, (items = foldHappenings(data, events)));
  return items;
}

/** How many pages an entity's timeline takes. */
export function timelinePageCount(data: Pick<SiteData, 'events' | 'sourceOrder'>, events: EventRecord[]): number {
  return Math.max(1, Math.ceil(entityTimeline(data, events).length / TIMELINE_ITEMS_PER_PAGE));
}

/** A list of events (an entity's timeline) folded so that each happening appears once, at its first account. */
export function foldHappenings(data: Pick<SiteData, 'events' | 'sourceOrder'>, events: EventRecord[]): { event: EventRecord; happening?: Happening }[] {
  const index = happeningIndex(data);
  const seen = new Set<string>();
  const out: { event: EventRecord; happening?: Happening }[] = [];
  for (const e of events) {
    const h = index.linkedOf(e);
    if (!h) out.push({ event: e });
    else if (!seen.has(h.id)) {
      seen.add(h.id);
      out.push({ event: e, happening: h });
    }
  }
  return out;
}

// ---------- where accounts differ ----------

export interface FigureCell {
  sourceId: string;
  figures: Figure[];
}

export interface FigureRow {
  kind: Figure['kind'];
  /** one cell per source, in account order (empty when that account gives no such count) */
  cells: FigureCell[];
  /** agree: every account gives the same counts; differ: the counts differ; partial: some accounts give none */
  status: 'agree' | 'differ' | 'partial';
}

export interface Differences {
  figures: FigureRow[];
  /** each source's dates, when they are not all the same */
  dates?: { sourceId: string; start: string; end: string; precision: EventRecord['date']['precision'] }[];
  /** places only some of the accounts name: for each source, those the others do not */
  places?: { sourceId: string; only: string[] }[];
}

/** The counts of a figure as compared: exact values, or a bound. */
const countKey = (f: Figure) => `${f.low ?? ''}-${f.high ?? ''}`;

/** A count that stands alone in the account (not a part of a total, not another account's number). */
export const comparableFigure = (f: Pick<Figure, 'vague' | 'low' | 'high' | 'partOf'>) => !f.vague && (f.low !== null || f.high !== null) && f.partOf === undefined;

export function differences(h: Happening, placeKind: (id: string) => string | undefined, general: string[] = ['country', 'governorate']): Differences {
  const groups = accountsBySource(h);
  const kinds: Figure['kind'][] = [];
  for (const e of h.accounts) for (const f of e.figures) if (comparableFigure(f) && !kinds.includes(f.kind)) kinds.push(f.kind);
  const figures: FigureRow[] = kinds.map((kind) => {
    const cells = groups.map((g) => ({ sourceId: g.sourceId, figures: g.events.flatMap((e) => e.figures.filter((f) => f.kind === kind && comparableFigure(f))) }));
    const counts = cells.map((c) => c.figures.map(countKey).sort().join(' '));
    const status: FigureRow['status'] = counts.some((c) => c === '') ? 'partial' : counts.every((c) => c === counts[0]) ? 'agree' : 'differ';
    return { kind, cells, status };
  });

  const spans = groups.map((g) => ({
    sourceId: g.sourceId,
    start: g.events.map((e) => e.date.start).sort()[0]!,
    end: g.events.map((e) => e.date.end).sort().at(-1)!,
    precision: g.events[0]!.date.precision,
  }));
  const dates = spans.some((s) => s.start !== spans[0]!.start || s.end !== spans[0]!.end) ? spans : undefined;

  const named = groups.map((g) => ({ sourceId: g.sourceId, ids: new Set(g.events.flatMap((e) => e.places).filter((id) => !general.includes(placeKind(id) ?? ''))) }));
  const only = named.map((n) => ({ sourceId: n.sourceId, only: [...n.ids].filter((id) => named.some((o) => o !== n && !o.ids.has(id))) }));
  const places = only.some((o) => o.only.length) ? only.filter((o) => o.only.length) : undefined;
  return { figures, ...(dates ? { dates } : {}), ...(places ? { places } : {}) };
}

/** Days between two ISO days (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
