/**
 * A large site's search index is written in parts (Pagefind bundles) that hold consecutive date
 * ranges. Every Pagefind bundle costs the browser about 9 bytes per event before it can answer
 * (its page list), so a reader's search loads parts one at a time, in the order of the results,
 * and only as far as the reader reads. Pure: shared by the index script, the browser and the tests.
 */
import type { FilterKey } from './records.ts';

/** In <base>pagefind/: the manifest of every part (PartsManifest). */
export const PARTS_FILE = 'dayline-parts.json';

/** In <base>pagefind/: the readable names of one filter's values (SearchLabels[filter]). */
export const labelsFile = (filter: string) => `dayline-labels-${filter}.json`;

/** The synthetic filter each merged Pagefind bundle is tagged with (its part number). */
export const PART_FILTER = 'dayline_part';

/**
 * Filters whose values are listed per part, so that a search with one of them skips the parts
 * that cannot match (the year filter uses the parts' dates). Place and group are left out: their
 * value lists would outweigh the saving.
 */
export const ROUTED_FILTERS = ['conflict', 'lang', 'source'] as const satisfies readonly FilterKey[];
export type RoutedFilter = (typeof ROUTED_FILTERS)[number];

export interface SearchPart {
  /** the bundle's folder, relative to the base path ("pagefind/", "pagefind-part-1/", …) */
  path: string;
  events: number;
  /** the earliest and the latest start date of its events (YYYY-MM-DD) */
  first: string;
  last: string;
  /** the latest year its events touch (ranges may run past `last`) */
  lastYear: string;
  /** every value of the routed filters that its events carry */
  filters: Partial<Record<RoutedFilter, string[]>>;
}

export interface PartsManifest {
  parts: SearchPart[];
}

interface PartRecord {
  sort: Record<string, string>;
  filters: Partial<Record<FilterKey, string[]>>;
}

/** The start date of a record: the date sort key is "YYYY-MM-DD~position". */
const startOf = (r: PartRecord) => (r.sort.date ?? '').split('~')[0];

/** Describes the parts written to `paths` (same order); parts are in date order. */
export function describeParts(parts: PartRecord[][], paths: string[]): PartsManifest {
  return {
    parts: parts.map((records, i) => {
      const filters: SearchPart['filters'] = {};
      for (const key of ROUTED_FILTERS) {
        const values = new Set<string>();
        for (const r of records) for (const v of r.filters[key] ?? []) values.add(v);
        filters[key] = [...values].sort();
      }
      const starts = records.map(startOf).filter(Boolean).sort();
      const years = records.flatMap((r) => r.filters.year ?? []).sort();
      const first = starts[0] ?? '';
      const last = starts[starts.length - 1] ?? '';
      return { path: paths[i], events: records.length, first, last, lastYear: years[years.length - 1] ?? last.slice(0, 4), filters };
    }),
  };
}

/** What the client assumes when the manifest is missing or unreadable: one part, pagefind/. */
export const SINGLE_PART: PartsManifest = { parts: [{ path: 'pagefind/', events: 0, first: '', last: '', lastYear: '', filters: {} }] };

export function isPartsManifest(value: unknown): value is PartsManifest {
  const parts = (value as PartsManifest | null)?.parts;
  return (
    Array.isArray(parts) &&
    parts.length > 0 &&
    parts.every((p) => typeof p?.path === 'string' && typeof p.first === 'string' && typeof p.last === 'string' && typeof p.lastYear === 'string' && typeof p.filters === 'object')
  );
}

/** Events beginning between these days (YYYY-MM-DD, either open). */
export interface DateRange {
  from?: string;
  to?: string;
}

/** False when the part cannot hold an event with these filter values, beginning in `range`. */
export function partMayMatch(part: SearchPart, filters: Partial<Record<string, unknown>>, range: DateRange = {}): boolean {
  const year = typeof filters.year === 'string' ? filters.year : undefined;
  if (year !== undefined && (year < part.first.slice(0, 4) || year > part.lastYear)) return false;
  if (part.first && ((range.from && part.last < range.from) || (range.to && part.first > range.to))) return false;
  return ROUTED_FILTERS.every((key) => {
    const wanted = typeof filters[key] === 'string' ? filters[key] : undefined;
    const present = part.filters[key];
    return wanted === undefined || present === undefined || present.includes(wanted);
  });
}

/**
 * The parts a date-ordered search must read, in the order their results come: every part for
 * "asc", reversed for "desc", less the parts that cannot match the chosen filters.
 */
export function partOrder(manifest: PartsManifest, filters: Partial<Record<string, unknown>>, direction: 'asc' | 'desc', range: DateRange = {}): number[] {
  const order: number[] = [];
  manifest.parts.forEach((part, i) => {
    if (partMayMatch(part, filters, range)) order.push(i);
  });
  return direction === 'asc' ? order : order.reverse();
}

/**
 * How far a date-ordered search has gone while parts remain: every matching event that starts
 * before (asc) or after (desc) this date has been found. Parts hold consecutive dates, so the
 * boundary is the next part's first (asc) or last (desc) start date; undefined when none remain.
 */
export function searchedBoundary(manifest: PartsManifest, pending: number[], direction: 'asc' | 'desc'): string | undefined {
  const next = pending.length ? manifest.parts[pending[0]] : undefined;
  if (!next) return undefined;
  return direction === 'asc' ? next.first : next.last;
}

/**
 * Splits the records into bundles of at most `partSize` records (one bundle, in the given order,
 * when they fit). Several bundles hold consecutive ranges of the date sort key, so that a
 * date-ordered search can read them one after another.
 */
export function splitRecords<T extends PartRecord>(records: T[], partSize: number): T[][] {
  if (!(partSize >= 1)) throw new Error(`search index: part size must be at least 1 (got ${partSize})`);
  if (records.length <= partSize) return [records];
  const key = (r: T) => r.sort.date ?? '';
  const sorted = [...records].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const parts: T[][] = [];
  for (let i = 0; i < sorted.length; i += partSize) parts.push(sorted.slice(i, i + partSize));
  return parts;
}

/**
 * How many pending parts to read next: one at a time at first (a first search usually needs only
 * one), then as many as already read, so that a rare word is found in a few round trips.
 */
export function nextBatch(read: number, pending: number): number {
  return Math.min(pending, Math.max(1, read));
}

/** Sums the filter counts of the responses of several parts. */
export function sumFilterCounts(maps: Record<string, Record<string, number>>[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const m of maps) {
    for (const [key, values] of Object.entries(m)) {
      const into = (out[key] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  }
  return out;
}

/** The first and last start date over every part (what bounds an open date range). */
export function indexDates(manifest: PartsManifest): { first: string; last: string } | undefined {
  const firsts = manifest.parts.map((p) => p.first).filter(Boolean).sort();
  const lasts = manifest.parts.map((p) => p.last).filter(Boolean).sort();
  return firsts.length && lasts.length ? { first: firsts[0], last: lasts[lasts.length - 1] } : undefined;
}

/** Beside each index part: its events' CSV rows (without the text) by result URL, read only to download. */
export const ROWS_FILE = 'dayline-rows.json';
