/**
 * The date finder: every date expression in a text, with its character offsets, the expression as
 * written and what it says (a partial date, a range, a relative offset, a weekday). It knows no
 * language itself: its date shapes are the rules of resources/<lang>/rules.json (see rules.ts); choosing among
 * overlapping matches and joining ranges (A to B) is done here, alike for every language.
 * Whether a mention moves a narrative is not decided here (see ../events/anchors.ts).
 */
import type { Lang } from '../../schema/records.ts';
import { daysInMonth } from './calendar.ts';
import { FUZZY_PARTS, loadDateResource, type DateResource, type FuzzyPart, type ResourceLanguage } from './resources.ts';
import { alternation, applyRules } from './rules.ts';

export interface PartialDate {
  year?: number;
  /** The year was written with two digits (13年): the century is for the resolver to choose. */
  twoDigitYear?: boolean;
  month?: number;
  day?: number;
  fuzzy?: FuzzyPart;
  /** Index into the resource's seasons. */
  season?: number;
  /** Year given relative to the narrative's year (次年3月 = +1). */
  yearOffset?: number;
  /** The year starts a decade that is meant as a whole (the 1960s, 1960年代). */
  decade?: boolean;
}

export type MentionKind = 'absolute' | 'relative' | 'weekday';

export interface DateMention {
  /** UTF-16 offsets in the text searched; `text.slice(start, end) === expression`. */
  start: number;
  end: number;
  expression: string;
  kind: MentionKind;
  /** What an absolute mention says (its first day for a range). */
  date?: PartialDate;
  /** Last part of a range (`Between 10 and 12 February`, `7月20日至21日`). */
  rangeEnd?: PartialDate;
  /** Offset phrases: days from the narrative's date, a vague span, or "same date". */
  relative?: { days?: number; months?: number; years?: number; vague?: [number, number]; same?: boolean; deictic?: boolean; ordinal?: number; weekend?: number; connective?: boolean; fuzzy?: PartialDate['fuzzy'] };
  /** 0 = Monday … 6 = Sunday. */
  weekday?: number;
  /** Why the written date cannot exist (`2月30日`, `31 April`). */
  invalid?: string;
}

// ---------- small helpers ----------

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const phraseRes = new WeakMap<string[], RegExp>();
/** A listed phrase ending right before `pos` (spaces allowed, at most 40 characters back); its start. */
function phraseBefore(text: string, pos: number, phrases: string[], wordEdge: boolean): number | undefined {
  let re = phraseRes.get(phrases);
  if (!re) {
    const sep = wordEdge ? '\\s+' : '\\s*';
    const lead = wordEdge ? '(?<![\\p{L}])' : '';
    re = new RegExp(`${lead}(?:${alternation(phrases)})${sep}$`, 'iu');
    phraseRes.set(phrases, re);
  }
  const offset = Math.max(0, pos - 40);
  const m = re.exec(text.slice(offset, pos));
  return m ? offset + m.index : undefined;
}

/** Fullwidth digits (０-９) read as ASCII digits; same length, so offsets hold. */
function normaliseDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function validate(date: PartialDate): string | undefined {
  if (date.month !== undefined && (date.month < 1 || date.month > 12)) return `month ${date.month} does not exist`;
  if (date.day !== undefined && date.month !== undefined && date.day > daysInMonth(date.year, date.month))
    return `day ${date.day} does not exist in month ${date.month}${date.year ? ` of ${date.year}` : ''}`;
  if (date.day !== undefined && (date.day < 1 || date.day > 31)) return `day ${date.day} does not exist`;
  return undefined;
}

type Candidate = DateMention;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** A rule's date value as a PartialDate (only the fields the rule filled). */
function partialDate(v: Record<string, unknown> | undefined): PartialDate | undefined {
  if (!v) return undefined;
  const d: PartialDate = {};
  if (num(v.year) !== undefined) d.year = num(v.year);
  if (v.twoDigitYear === true) d.twoDigitYear = true;
  if (num(v.month) !== undefined) d.month = num(v.month);
  if (num(v.day) !== undefined) d.day = num(v.day);
  if ((FUZZY_PARTS as readonly unknown[]).includes(v.fuzzy)) d.fuzzy = v.fuzzy as FuzzyPart;
  if (num(v.season) !== undefined) d.season = num(v.season);
  if (num(v.yearOffset) !== undefined) d.yearOffset = num(v.yearOffset);
  if (v.decade === true) d.decade = true;
  return d;
}

function relativeOf(v: Record<string, unknown> | undefined): DateMention['relative'] {
  if (!v) return undefined;
  const r: NonNullable<DateMention['relative']> = {};
  if (v.same === true) return { same: true, ...(v.connective === true ? { connective: true } : {}) };
  if (Array.isArray(v.vague) && v.vague.every((x) => num(x) !== undefined)) r.vague = [v.vague[0] as number, v.vague[1] as number];
  else if (num(v.ordinal) !== undefined) r.ordinal = num(v.ordinal);
  else if (num(v.weekend) !== undefined) r.weekend = num(v.weekend);
  else if (num(v.months) !== undefined) {
    r.months = num(v.months);
    // a part of the month ("early that month")
    if (typeof v.fuzzy === 'string' && v.fuzzy) r.fuzzy = v.fuzzy as PartialDate['fuzzy'];
  }
  else if (num(v.years) !== undefined) r.years = num(v.years);
  else r.days = num(v.days) ?? 0;
  if (v.deictic === true) r.deictic = true;
  return r;
}

/** Every rule match of the language, as candidate mentions (overlaps included). */
function collect(text: string, res: DateResource): Candidate[] {
  const out: Candidate[] = [];
  for (const m of applyRules(res.rules, text)) {
    const base = { start: m.start, end: m.end, expression: text.slice(m.start, m.end) };
    if (m.kind === 'weekday') {
      if (m.weekday !== undefined) out.push({ ...base, kind: 'weekday', weekday: m.weekday });
      continue;
    }
    if (m.kind === 'relative') {
      out.push({ ...base, kind: 'relative', relative: relativeOf(m.relative) });
      continue;
    }
    const date = partialDate(m.date);
    if (!date) continue;
    const rangeEnd = partialDate(m.rangeEnd);
    out.push({ ...base, kind: 'absolute', date, ...(rangeEnd ? { rangeEnd } : {}), invalid: validate(date) ?? (rangeEnd ? validate(rangeEnd) : undefined) });
  }
  return out;
}

// ---------- choosing and joining ----------

/**
 * Keeps the longest candidate wherever candidates overlap (earlier first on ties). Characters
 * taken by a kept candidate are marked, so each candidate is checked against its own span only:
 * linear in the text and the candidates, however many there are.
 */
function nonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(cands.reduce((max, c) => Math.max(max, c.end), 0));
  const kept: Candidate[] = [];
  for (const cand of sorted) {
    let free = true;
    for (let i = cand.start; i < cand.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, cand.start, cand.end);
    kept.push(cand);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const isCoarse = (d: PartialDate | undefined): boolean => !!d && (d.day === undefined || d.fuzzy !== undefined);

/** The longest text that may stand between the two dates of a range (a time of day and a connector). */
const MAX_CONNECTOR_CHARS = 40;
const connectorCache = new WeakMap<DateResource, { re: RegExp; connector: DateResource['rangeConnectors'][number] }[]>();
/** Each range connector as the whole of what stands between two dates (a time of day may precede it); compiled once. */
function connectorsOf(res: DateResource) {
  let list = connectorCache.get(res);
  if (!list) {
    const times = alternation(res.timesOfDay);
    // a time of day may also open the end ("the night of 9 February and into the morning of 10 February")
    const endTime = res.timeOfDayBefore ? `(?:${res.timeOfDayBefore.replace('%time', `(?:${times})`)}\\s*)?` : '';
    list = res.rangeConnectors.map((connector) => ({ connector, re: new RegExp(`^\\s*(?:(?:${times})\\s*)?${escape(connector.word)}\\s*${endTime}$`, 'iu') }));
    connectorCache.set(res, list);
  }
  return list;
}

/** Joins `A connector B` into one range mention (30 April – 10 June, 7月20日至21日, 从12月15日到12月28日). */
function joinRanges(text: string, mentions: Candidate[], res: DateResource): Candidate[] {
  const wordEdge = res.style === 'words';
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    if (!b || a.kind !== 'absolute' || b.kind !== 'absolute' || a.rangeEnd || b.rangeEnd || a.invalid || b.invalid) {
      out.push(a);
      continue;
    }
    const between = text.slice(a.end, b.start);
    const connector = between.length > MAX_CONNECTOR_CHARS ? undefined : connectorsOf(res).find((c) => c.re.test(between))?.connector;
    if (!connector) {
      out.push(a);
      continue;
    }
    const openerAt = phraseBefore(text, a.start, res.rangeOpeners, wordEdge);
    if (connector.needsOpener && openerAt === undefined && !(connector.orFuzzy && isCoarse(a.date) && isCoarse(b.date))) {
      out.push(a);
      continue;
    }
    const start = a.date!;
    const end = b.date!;
    // The end inherits what it leaves unsaid from the start (21日 -> 7月21日), the start takes the
    // end's year (3 January and 28 June 2014).
    const rangeEnd: PartialDate = { ...end };
    if (rangeEnd.month === undefined && rangeEnd.season === undefined && start.month !== undefined && rangeEnd.year === undefined) rangeEnd.month = start.month;
    if (rangeEnd.year === undefined && start.year !== undefined) rangeEnd.year = start.year;
    const first: PartialDate = { ...start };
    // (an end that is a part of its year, 1953年初, reaches its part's last month: 12月1日到1953年初
    // starts in December 1952)
    const endMonth = end.month ?? (end.fuzzy && end.season === undefined ? res.fuzzy.find((f) => f.part === end.fuzzy)?.months[1] : undefined);
    if (first.year === undefined && end.year !== undefined)
      first.year = first.month !== undefined && endMonth !== undefined && first.month > endMonth ? end.year - 1 : end.year;
    if (first.month === undefined && first.season === undefined && first.day !== undefined && end.month !== undefined) first.month = end.month;
    const from = openerAt ?? a.start;
    out.push({
      start: from,
      end: b.end,
      expression: text.slice(from, b.end),
      kind: 'absolute',
      date: first,
      rangeEnd,
      invalid: validate(first) ?? validate(rangeEnd),
    });
    i++;
  }
  return out;
}

/**
 * An offset followed by the date it leads to ("three months later on 25 August"): the written
 * date says exactly what the offset only approximates, so the offset is dropped.
 */
const glues = new WeakMap<DateResource, { offset: RegExp; restatement?: RegExp }>();
/** What may stand between an offset and the date it leads to, and between a date and its restatement; compiled once. */
function gluesOf(res: DateResource) {
  let g = glues.get(res);
  if (!g) {
    const preps = alternation(res.adverbialPrepositions).replace(/ /g, '\\s+');
    const markers = res.restatementMarkers ?? [];
    g = {
      offset: new RegExp(`^\\s*(?:(?:${preps})\\s*)?$`, 'iu'),
      ...(markers.length ? { restatement: new RegExp(`^\\s*[,，]?\\s*(?:${alternation(markers)})\\s*$`, 'iu') } : {}),
    };
    glues.set(res, g);
  }
  return g;
}

function preferWrittenDate(text: string, mentions: Candidate[], res: DateResource): Candidate[] {
  const glue = gluesOf(res).offset;
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const rel = mentions[i]!;
    const next = mentions[i + 1];
    const offset = rel.kind === 'relative' && rel.relative && !rel.relative.same && !rel.relative.deictic;
    if (offset && next && next.kind === 'absolute' && next.date?.day !== undefined && !next.invalid && glue.test(text.slice(rel.end, next.start))) {
      out.push(next);
      i++;
      continue;
    }
    out.push(rel);
  }
  return out;
}

/**
 * A date restated more exactly right after it (当年底即1940年12月, "late that year, i.e. December
 * 1940"): one mention, the restatement's date, over both.
 */
function joinRestatements(text: string, mentions: Candidate[], res: DateResource): Candidate[] {
  const glue = gluesOf(res).restatement;
  if (!glue) return mentions;
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    if (b && a.kind !== 'weekday' && !a.relative?.same && b.kind === 'absolute' && !b.invalid && glue.test(text.slice(a.end, b.start))) {
      out.push({ ...b, start: a.start, expression: text.slice(a.start, b.end) });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * All date expressions in `text`, in order. Offsets index the text as given.
 * `lang` picks the resource file (zh-Hans and zh-Hant share one).
 */
export function findDateMentions(text: string, lang: Lang | ResourceLanguage): DateMention[] {
  const res = loadDateResource(lang);
  const normalised = normaliseDigits(text);
  let mentions = nonOverlapping(collect(normalised, res));
  mentions = preferWrittenDate(normalised, mentions, res);
  mentions = joinRestatements(normalised, mentions, res);
  mentions = joinRanges(normalised, mentions, res);
  return mentions.map((m) => ({ ...m, expression: text.slice(m.start, m.end) }));
}
