/**
 * Search state <-> URL query string, and the Pagefind search arguments for a state. Pure (no DOM),
 * shared by the browser client and the unit tests.
 */
export const FILTERS = ['place', 'group', 'source', 'lang', 'year', 'conflict', 'type'] as const;
export type Filter = (typeof FILTERS)[number];
export type Sort = 'relevance' | 'date-asc' | 'date-desc';

export interface SearchState {
  q: string;
  filters: Partial<Record<Filter, string>>;
  /** undefined: the default order, by date (oldest first) */
  sort?: Sort;
  /** events beginning on or after / on or before this day (YYYY-MM-DD); see dateRangeFilter */
  from?: string;
  to?: string;
}

const SORTS: Sort[] = ['relevance', 'date-asc', 'date-desc'];

export function parseState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const f of FILTERS) {
    const v = params.get(f)?.trim();
    if (v) filters[f] = v;
  }
  const sort = params.get('sort') as Sort | null;
  const state: SearchState = { q: params.get('q')?.trim() ?? '', filters, sort: sort && SORTS.includes(sort) ? sort : undefined };
  for (const key of RANGE_KEYS) {
    const v = params.get(key)?.trim();
    if (v && isIsoDay(v)) state[key] = v;
  }
  return state;
}

/** "?q=Manbij&group=isil&sort=date-asc" ("" for the empty state); keys in a stable order. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const f of FILTERS) if (state.filters[f]) params.set(f, state.filters[f]!);
  for (const key of RANGE_KEYS) if (state[key]) params.set(key, state[key]!);
  if (state.sort) params.set('sort', state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function isEmpty(state: SearchState): boolean {
  return !state.q.trim() && FILTERS.every((f) => !state.filters[f]) && !state.from && !state.to;
}

/**
 * Results come in date order unless the reader asks for the best match: the site is a chronology,
 * and a date-ordered search reads only the index parts it shows (see parts.ts), so its cost does
 * not grow with the corpus.
 */
export function effectiveSort(state: SearchState): Sort {
  return state.sort ?? 'date-asc';
}

const HAN_RUN = /[\p{Script=Han}\u3005\u3007]+/gu;

type Segmenter = { segment(input: string): Iterable<{ segment: string; isWordLike?: boolean }> };

/**
 * Splits the query into words the way Pagefind does when the page language is Chinese (Intl word
 * segmentation, punctuation dropped), whatever the page language. All records live in one "zh"
 * index, but Pagefind segments the query by the PAGE language: on the English page it would look up
 * "伊斯兰国的" as one word. Doing it here makes both UIs search alike; a quoted phrase stays quoted.
 */
export function prepareQuery(q: string, segmenter?: Segmenter | null): string {
  const seg = segmenter === undefined ? defaultSegmenter() : segmenter;
  if (!seg) return q.replace(/\s+/g, ' ').trim();
  const exact = /^\s*".+"\s*$/.test(q);
  const inner = exact ? q.trim().slice(1, -1) : q;
  const words: string[] = [];
  for (const s of seg.segment(inner)) if (/[\p{L}\p{N}]/u.test(s.segment)) words.push(s.segment.trim());
  const joined = words.join(' ');
  return exact ? `"${joined}"` : joined;
}

let cachedSegmenter: Segmenter | null | undefined;
function defaultSegmenter(): Segmenter | null {
  if (cachedSegmenter === undefined) {
    const I = (globalThis as { Intl?: { Segmenter?: new (l: string, o: { granularity: string }) => Segmenter } }).Intl;
    cachedSegmenter = I?.Segmenter ? new I.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return cachedSegmenter;
}

/**
 * The arguments of pagefind.search(term, options) for a state. `dates`: the first and last start
 * date of the index (the parts manifest), which bound an open date range.
 */
export function pagefindArgs(state: SearchState, segmenter?: Segmenter | null, dates?: { first: string; last: string }): {
  term: string | null;
  options: { filters: Record<string, string | CompoundFilter[]>; sort?: Record<string, 'asc' | 'desc'> };
} {
  const term = state.q.trim() ? prepareQuery(state.q, segmenter) : null;
  const filters: Record<string, string | CompoundFilter[]> = {};
  for (const f of FILTERS) if (state.filters[f]) filters[f] = state.filters[f]!;
  const range = dateRangeFilter(state.from, state.to, dates);
  if (range) filters.any = range;
  const sort = effectiveSort(state);
  return {
    term,
    options: { filters, ...(sort === 'relevance' ? {} : { sort: { date: sort === 'date-asc' ? 'asc' : 'desc' } }) },
  };
}

/**
 * Pagefind excerpts are HTML: text with <mark> around matches and entity-escaped characters. Splits
 * one into [text, highlighted] parts with entities decoded, so the client can build DOM nodes
 * without ever assigning innerHTML.
 */
export function parseExcerpt(html: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  for (const piece of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(piece)) mark = true;
    else if (/^<\/mark>$/i.test(piece)) mark = false;
    else if (piece) {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

/** Points a locale-neutral site URL ("/base/day/…") at the UI locale ("/base/zh/day/…"). */
export function localiseUrl(url: string, base: string, locale: string): string {
  if (locale !== 'zh' || !url.startsWith(base) || url.startsWith(`${base}zh/`)) return url;
  return `${base}zh/${url.slice(base.length)}`;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * The excerpt to show for a result. A record's content is: the passage as written, its copies in
 * the other Chinese script, then the names of its places and groups (`partLengths` = lengths of the
 * passage and its copies). Pagefind's excerpt may come from any of them; readers should see the
 * passage as written:
 * - excerpt inside the passage: shown as is (cut at the passage's end);
 * - inside a same-length script copy: the same window of the passage, with the same highlights;
 * - elsewhere (a name matched): the start of the passage, and the matched names separately.
 */
export function chooseExcerpt(
  content: string,
  excerptHtml: string,
  partLengths: number[],
  maxChars = 220,
): { parts: ExcerptPart[]; matched: string[] } {
  const parts = parseExcerpt(excerptHtml);
  const plain = parts.map((p) => p.text).join('');
  const len0 = partLengths[0];
  if (!len0 || !content) return { parts, matched: [] };
  const original = content.slice(0, len0);
  const start = plain ? content.indexOf(plain) : -1;
  const limit = /[\u3400-\u9fff]/.test(original) ? Math.round(maxChars / 2) : maxChars;
  const head = (): ExcerptPart[] => [{ text: original.length > limit ? `${original.slice(0, limit).trimEnd()}…` : original, mark: false }];
  if (start < 0) return { parts: parts.length ? parts : head(), matched: [] };

  // Character ranges of the highlights, in content coordinates.
  const marks: [number, number][] = [];
  let at = start;
  for (const p of parts) {
    if (p.mark) marks.push([at, at + p.text.length]);
    at += p.text.length;
  }
  const end = start + plain.length;
  const cut = (from: number, to: number, shift: number): ExcerptPart[] => {
    const out: ExcerptPart[] = [];
    let pos = from;
    for (const [a0, b0] of marks) {
      const a = Math.max(a0 - shift, from);
      const b = Math.min(b0 - shift, to);
      if (b <= a) continue;
      if (a > pos) out.push({ text: original.slice(pos, a), mark: false });
      out.push({ text: original.slice(a, b), mark: true });
      pos = b;
    }
    if (pos < to) out.push({ text: original.slice(pos, to), mark: false });
    if (from > 0) out.unshift({ text: '…', mark: false });
    if (to < original.length) out.push({ text: '…', mark: false });
    return merge(out);
  };
  const inOriginal = marks.some(([a]) => a < len0);
  if (start < len0 && (inOriginal || !marks.length)) return { parts: cut(start, Math.min(end, len0), 0), matched: [] };

  let offset = len0 + 1;
  for (const len of partLengths.slice(1)) {
    const inCopy = marks.some(([a]) => a >= offset && a < offset + len);
    if (start < offset + len && inCopy) {
      if (len !== len0) break;
      return { parts: cut(Math.max(0, start - offset), Math.min(Math.max(end - offset, 0), len0), offset), matched: [] };
    }
    offset += len + 1;
  }
  const matched = [...new Set(parts.filter((p) => p.mark).map((p) => p.text.trim()).filter(Boolean))];
  return { parts: head(), matched };
}

function merge(parts: ExcerptPart[]): ExcerptPart[] {
  const out: ExcerptPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.mark === p.mark) out[out.length - 1] = { text: last.text + p.text, mark: p.mark };
    else if (p.text) out.push(p);
  }
  return out;
}

/** The date range of the search URL (CONTRACT.md: `from`/`to` as YYYY-MM-DD). */
export const RANGE_KEYS = ['from', 'to'] as const;

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** One alternative of a Pagefind compound filter: events whose `key` is any of `values`. */
export type CompoundFilter = Record<string, { any: string[] }>;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const lastOfMonth = (day: string) => new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);

/**
 * The Pagefind filter for events beginning between `from` and `to` (inclusive; either may be
 * open, bounded then by the index's own dates). Every record carries its start year (`year`),
 * month (`month`) and day (`start`); the range is written as whole years, whole months and single
 * days, so that it stays a few dozen values however long it is. Undefined without a range; a range
 * that holds no day matches nothing.
 */
export function dateRangeFilter(from: string | undefined, to: string | undefined, dates?: { first: string; last: string }): CompoundFilter[] | undefined {
  if (!from && !to) return undefined;
  let start = from ?? dates?.first ?? '0001-01-01';
  let end = to ?? dates?.last ?? '9999-12-31';
  if (dates?.first && dates.first > start) start = dates.first;
  if (dates?.last && dates.last < end) end = dates.last;
  const years: string[] = [];
  const months: string[] = [];
  const days: string[] = [];
  for (let day = start; day <= end; ) {
    const yearEnd = `${day.slice(0, 4)}-12-31`;
    if (day.endsWith('-01-01') && yearEnd <= end) {
      years.push(day.slice(0, 4));
      if (yearEnd === '9999-12-31') break;
      day = nextDay(yearEnd);
    } else if (day.endsWith('-01') && lastOfMonth(day) <= end) {
      months.push(day.slice(0, 7));
      day = nextDay(lastOfMonth(day));
    } else {
      days.push(day);
      day = nextDay(day);
    }
  }
  const any: CompoundFilter[] = [];
  if (years.length) any.push({ year: { any: years } });
  if (months.length) any.push({ month: { any: months } });
  if (days.length) any.push({ start: { any: days } });
  return any.length ? any : [{ start: { any: ['none'] } }];
}
