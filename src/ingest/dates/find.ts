/**
 * The date finder: every date expression in a text, with its character offsets, the expression as
 * written and what it says (a partial date, a range, a relative offset, a weekday). It knows no
 * language itself: the words come from resources/<lang>.json, the patterns are built from them.
 * Whether a mention moves a narrative is not decided here (see ../events/anchors.ts).
 */
import type { Lang } from '../../schema/records.ts';
import { daysInMonth } from './calendar.ts';
import { loadDateResource, type DateResource, type FuzzyPart, type ResourceLanguage } from './resources.ts';

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
  relative?: { days?: number; months?: number; years?: number; vague?: [number, number]; same?: boolean; deictic?: boolean };
  /** 0 = Monday … 6 = Sunday. */
  weekday?: number;
  /** Why the written date cannot exist (`2月30日`, `31 April`). */
  invalid?: string;
}

// ---------- small helpers ----------

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');

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

interface Compiled {
  lang: ResourceLanguage;
  res: DateResource;
  monthIndex: Map<string, number>;
  fullMonthIndex: Map<string, number>;
  weekdayIndex: Map<string, number>;
  seasonIndex: Map<string, number>;
  fuzzyIndex: Map<string, FuzzyPart>;
  numberOf: (token: string) => number | undefined;
  relative: { re: RegExp; entry: DateResource['relative'][number] }[];
  flags: string;
}

const compiledCache = new Map<ResourceLanguage, Compiled>();

function compile(lang: ResourceLanguage): Compiled {
  const hit = compiledCache.get(lang);
  if (hit) return hit;
  const res = loadDateResource(lang);
  const ci = res.caseSensitiveNames ? '' : 'i';
  const monthIndex = new Map<string, number>();
  const fullMonthIndex = new Map<string, number>();
  res.months.forEach((names, i) => {
    names.forEach((n) => monthIndex.set(n, i + 1));
    if (names[0]) fullMonthIndex.set(names[0], i + 1);
  });
  const weekdayIndex = new Map<string, number>();
  res.weekdays.forEach((names, i) => names.forEach((n) => weekdayIndex.set(n, i)));
  const seasonIndex = new Map<string, number>();
  res.seasons.forEach((s, i) => s.words.forEach((w) => seasonIndex.set(w.toLowerCase(), i)));
  const fuzzyIndex = new Map<string, FuzzyPart>();
  res.fuzzy.forEach((f) => f.words.forEach((w) => fuzzyIndex.set(w.toLowerCase(), f.part)));
  const numberWords = Object.keys(res.numbers);
  const numberOf = (token: string): number | undefined => {
    if (/^\d+$/.test(token)) return Number(token);
    return res.numbers[token.toLowerCase()] ?? res.numbers[token];
  };
  const nPattern = `(\\d+|${alternation(numberWords)})`;
  const wordEdge = res.style === 'words';
  const relative = [...res.relative]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((entry) => {
      const body = entry.phrase
        .split('{n}')
        .map((part) => escape(part).replace(/ /g, '\\s+'))
        .join(nPattern);
      const source = wordEdge ? `(?<![\\p{L}\\d])${body}(?![\\p{L}\\d])` : body;
      return { re: new RegExp(source, 'giu'), entry };
    });
  const compiled: Compiled = {
    lang,
    res,
    monthIndex,
    fullMonthIndex,
    weekdayIndex,
    seasonIndex,
    fuzzyIndex,
    numberOf,
    relative,
    flags: `g${ci}u`,
  };
  compiledCache.set(lang, compiled);
  return compiled;
}

// ---------- candidate collection ----------

type Candidate = DateMention;

function add(list: Candidate[], text: string, start: number, end: number, fields: Omit<DateMention, 'start' | 'end' | 'expression'>): void {
  list.push({ start, end, expression: text.slice(start, end), ...fields });
}

/** A listed word/phrase (case-insensitive) ending right before `pos`, spaces allowed; returns its start. */
function phraseBefore(text: string, pos: number, phrases: string[], wordEdge: boolean): number | undefined {
  const window = text.slice(Math.max(0, pos - 40), pos);
  const offset = Math.max(0, pos - 40);
  for (const p of [...phrases].sort((a, b) => b.length - a.length)) {
    const sep = p.endsWith('-') ? '' : wordEdge ? '\\s+' : '\\s*';
    const lead = wordEdge ? '(?<![\\p{L}])' : '';
    const re = new RegExp(`${lead}${escape(p).replace(/ /g, '\\s+')}${sep}$`, 'iu');
    const m = re.exec(window);
    if (m) return offset + m.index;
  }
  return undefined;
}

function collectWords(text: string, c: Compiled): Candidate[] {
  const { res } = c;
  const out: Candidate[] = [];
  const fullMonths = alternation([...c.fullMonthIndex.keys()]);
  const weekdayNames = alternation([...c.weekdayIndex.keys()]);
  const fullWeekdays = alternation(res.weekdays.map((w) => w[0]!));
  const ord = res.ordinalSuffixes?.length ? `(?:${alternation(res.ordinalSuffixes)})?` : '';
  const D = `(\\d{1,2})${ord}`;
  const Y = `(\\d{4})`;
  const abbreviations = c.res.months.flatMap((names) => names.slice(1));
  const M = `(${fullMonths}|(?:${alternation(abbreviations)})\\.?)`;
  const rangeWords = alternation(res.rangeConnectors.map((r) => r.word));
  const qualifiers = res.weekdayQualifiers?.length ? `(?:(?:${alternation(res.weekdayQualifiers)})\\s+)?` : '';
  const WD = `(?:${qualifiers}(?:${weekdayNames}),?\\s+)?`;
  const f = c.flags;
  const monthOf = (name: string): number => c.monthIndex.get(name) ?? c.monthIndex.get(name.replace(/\.$/, ''))!;
  const needsOpener = new Set(res.rangeConnectors.filter((r) => r.needsOpener).map((r) => r.word.toLowerCase()));
  const openerBefore = (pos: number) => phraseBefore(text, pos, res.rangeOpeners, true);

  // ISO days (2014-07-01) appear in any language's text.
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)) {
    const date = { year: +m[1]!, month: +m[2]!, day: +m[3]! };
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date, invalid: validate(date) });
  }
  // Day range inside one month: 10 and 12 February, 18–23 September 2013.
  for (const m of text.matchAll(new RegExp(`(?<![\\d,.])${D}\\s*(${rangeWords})\\s*${D}\\s+${M}(?:,?\\s+${Y})?(?![\\p{L}\\d])`, f))) {
    const connector = m[2]!.toLowerCase();
    let start = m.index!;
    const opener = openerBefore(start);
    if (needsOpener.has(connector) && opener === undefined) continue;
    if (opener !== undefined) start = opener;
    const month = monthOf(m[4]!);
    const year = m[5] ? +m[5] : undefined;
    const a = { year, month, day: +m[1]! };
    const b = { year, month, day: +m[3]! };
    add(out, text, start, m.index! + m[0].length, { kind: 'absolute', date: a, rangeEnd: b, invalid: validate(a) ?? validate(b) });
  }
  // Month-first day range: January 3–5, 2014.
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${M}\\s+${D}\\s*(–|—|-|to|through)\\s*${D}(?:,?\\s+${Y})?(?![\\p{L}\\d])`, f))) {
    const month = monthOf(m[1]!);
    const year = m[5] ? +m[5] : undefined;
    const a = { year, month, day: +m[2]! };
    const b = { year, month, day: +m[4]! };
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: a, rangeEnd: b, invalid: validate(a) ?? validate(b) });
  }
  // Day month [year]: 2 January 2014, On 5 January, Thu 3 July.
  for (const m of text.matchAll(new RegExp(`(?<![\\d,.])${WD}${D}\\s+(?:of\\s+)?${M}(?:,?\\s+${Y})?(?![\\p{L}\\d])`, f))) {
    const date = { year: m[3] ? +m[3] : undefined, month: monthOf(m[2]!), day: +m[1]! };
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date, invalid: validate(date) });
  }
  // Month day [year]: January 22, Jul 3, 2014.
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${WD}${M}\\s+${D}(?![\\d%])(?!,\\d)(?:,?\\s+${Y})?(?![\\p{L}\\d])`, f))) {
    const date = { year: m[3] ? +m[3] : undefined, month: monthOf(m[1]!), day: +m[2]! };
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date, invalid: validate(date) });
  }
  // Month year: September 2014.
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${M}\\s+${Y}(?![\\p{L}\\d])`, f))) {
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: { year: +m[2]!, month: monthOf(m[1]!) } });
  }
  // Month alone, only after a word that makes it a time (in May, since October, early April).
  const monthContext = [...(res.monthContextWords ?? []), ...c.fuzzyIndex.keys()];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(${fullMonths})(?![\\p{L}\\d])`, f))) {
    // …or as the first month of a month range (April–July 2014).
    const startsRange = new RegExp(`^\\s*(?:${rangeWords})\\s*(?:${fullMonths})(?![\\p{L}])`, f).test(text.slice(m.index! + m[0].length));
    const wholeText = text.trim() === m[0];
    if (!startsRange && !wholeText && phraseBefore(text, m.index!, monthContext, true) === undefined) continue;
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: { month: c.fullMonthIndex.get(m[1]!)! } });
  }
  // Year alone, only after a word that makes it a time (In 2015, mid-2013), or as the whole
  // text (a heading "1944"); else it is a count.
  const yearContext = [...(res.yearContextWords ?? []), ...c.fuzzyIndex.keys()];
  const alone = /^\s*\d{4}\s*$/.test(text);
  for (const m of text.matchAll(/(?<![\p{L}\d,.])(1\d\d\d|20\d\d)(?![\d%]|,\d|\.\d)/gu)) {
    if (!alone && phraseBefore(text, m.index!, yearContext, true) === undefined) continue;
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: { year: +m[1]! } });
  }
  // Year ranges: between 1941 and 1945, from 1941 to 1945, 1941–45 (not counts: 1500–2000 men).
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d,.])(?:(between|from)\\s+)?(1\\d\\d\\d|20\\d\\d)\\s*(–|—|-|to|and|until|through)\\s*(\\d{4}|\\d{2})(?![\\d%]|,\\d)(\\s+[a-z]+)?`, 'giu'))) {
    const first = +m[2]!;
    const last = m[4]!.length === 2 ? Math.floor(first / 100) * 100 + +m[4]! : +m[4]!;
    if (last <= first || last - first > 30) continue;
    if (/^(?:and|to)$/i.test(m[3]!) && !m[1]) continue;
    const next = m[5]?.trim() ?? '';
    if (next.length > 3 && next.endsWith('s') && !['was', 'has', 'its', 'this'].includes(next)) continue; // 1500 and 2000 fighters
    const end = m.index! + m[0].length - (m[5]?.length ?? 0);
    add(out, text, m.index!, end, { kind: 'absolute', date: { year: first }, rangeEnd: { year: last } });
  }
  // Decades: the 1960s.
  for (const m of text.matchAll(/(?<![\p{L}\d])(?:the\s+)?(1[5-9]\d0|20\d0)(?:'s|s)(?![\p{L}])/gu)) {
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: { year: +m[1]!, decade: true } });
  }
  // Seasons: the summer of 2014, in winter.
  const seasonWords = alternation([...c.seasonIndex.keys()]);
  const links = alternation(res.seasonLinks ?? []);
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(?:the\\s+)?(${seasonWords})(?:\\s+(?:${links}\\s+)?(\\d{4}))?(?![\\p{L}\\d])`, 'giu'))) {
    const season = c.seasonIndex.get(m[1]!.toLowerCase())!;
    const date: PartialDate = { season, ...(m[2] ? { year: +m[2] } : {}) };
    if (!m[2] && phraseBefore(text, m.index!, res.monthContextWords ?? [], true) === undefined) continue;
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date });
  }
  // Weekdays (full names only: Sun, Sat, Wed are ordinary words), with a qualifier that makes a
  // named day of them (Easter Monday, Good Friday).
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${qualifiers}(${fullWeekdays})(?![\\p{L}])`, f))) {
    const weekday = c.weekdayIndex.get(m[1]!)!;
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'weekday', weekday });
  }
  // A bare ordinal day after "on the" / "of the" (withdrew on the 17th, the morning of the 18th),
  // before punctuation or a function word: the month comes from the story.
  if (res.ordinalDayAfter?.length && res.ordinalSuffixes?.length) {
    const after = alternation(res.ordinalDayAfter).replace(/ /g, '\\s+');
    const followers = res.ordinalDayFollowers?.length ? `|\\s+(?:${alternation(res.ordinalDayFollowers)})(?![\\p{L}])` : '';
    const re = new RegExp(`(?<![\\p{L}])(?:${after})\\s+(\\d{1,2})(?:${alternation(res.ordinalSuffixes)})(?=\\s*(?:[,.;:!?)\\]]|$)${followers})`, 'giu');
    for (const m of text.matchAll(re)) {
      const day = +m[1]!;
      if (day < 1 || day > 31) continue;
      // The expression starts at the article (the 25th), so the preposition before it reads as
      // the date's preposition.
      const lead = m[0].slice(0, m[0].lastIndexOf(m[1]!));
      const at = m.index! + lead.search(/\S+\s+$/u);
      add(out, text, at, m.index! + m[0].length, { kind: 'absolute', date: { day } });
    }
  }
  collectRelative(text, c, out);
  return out;
}

function collectRelative(text: string, c: Compiled, out: Candidate[]): void {
  for (const { re, entry } of c.relative) {
    for (const m of text.matchAll(re)) {
      const n = m[1] !== undefined ? c.numberOf(m[1]) : 1;
      if (n === undefined) continue;
      const times = entry.perUnit ? n : 1;
      const relative: DateMention['relative'] = entry.same
        ? { same: true }
        : entry.vague
          ? { vague: entry.vague }
          : entry.months !== undefined
            ? { months: entry.months * times }
            : entry.years !== undefined
              ? { years: entry.years * times }
              : { days: (entry.days ?? 0) * times, ...(entry.deictic ? { deictic: true } : {}) };
      add(out, text, m.index!, m.index! + m[0].length, { kind: 'relative', relative });
    }
  }
}

function collectUnits(text: string, c: Compiled): Candidate[] {
  const { res } = c;
  const out: Candidate[] = [];
  const units = res.units!;
  const yearU = alternation(units.year);
  const monthU = alternation(units.month);
  const dayU = alternation(units.day);
  const dayOnlyU = alternation(res.dayOnlyUnits ?? units.day);
  const fuzzyWords = alternation([...c.fuzzyIndex.keys()]);
  const monthNames = alternation([...c.monthIndex.keys()]);
  const numeral = Object.keys(res.numbers).join('');
  const fuzzyTail = `(${fuzzyWords})?`;

  // Year [month [day]] / month [day]: 2014年1月4日, 13年1月14日, 1月5日, 10月, 2015年, 5月上旬.
  const full = new RegExp(
    `(?<![\\d${numeral}])(?:(\\d{4}|\\d{2})\\s*(?:${yearU})\\s*(?:[)）]\\s*)?)?(?:(\\d{1,2})\\s*(?:${monthU})|(${monthNames}))(?:\\s*(\\d{1,2})\\s*(?:${dayU}))?${fuzzyTail}`,
    'gu',
  );
  for (const m of text.matchAll(full)) {
    const month = m[2] ? +m[2] : c.monthIndex.get(m[3]!)!;
    const date: PartialDate = { month };
    if (m[1]) {
      date.year = +m[1];
      if (m[1].length === 2) date.twoDigitYear = true;
    }
    if (m[4]) date.day = +m[4];
    if (m[5]) date.fuzzy = c.fuzzyIndex.get(m[5].toLowerCase());
    if (date.fuzzy && date.day !== undefined) delete date.fuzzy;
    let end = m.index! + m[0].length;
    if (m[5] && date.day !== undefined) end -= m[5].length;
    if (month > 12 && !m[1]) continue; // 13月 is not a month: leave it.
    add(out, text, m.index!, end, { kind: 'absolute', date, invalid: validate(date) });
  }
  // Year alone (four digits): 2015年, 在2013年年初.
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{4})\\s*(?:${yearU})(?!\\s*\\d{1,2}\\s*(?:${monthU}))${fuzzyTail}`, 'gu'))) {
    const date: PartialDate = { year: +m[1]! };
    if (m[2]) date.fuzzy = c.fuzzyIndex.get(m[2].toLowerCase());
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date });
  }
  // Decades: 1960年代.
  for (const m of text.matchAll(new RegExp(`(?<!\\d)(\\d{3}0)\\s*(?:${yearU})代`, 'gu'))) {
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: { year: +m[1]!, decade: true } });
  }
  // Day alone: 27日至29日, 在15日. Only with the plain day unit (46号基地 is a base).
  const notDay = res.dayOnlyNotBefore?.length ? `(?!${alternation(res.dayOnlyNotBefore)})` : '';
  for (const m of text.matchAll(new RegExp(`(?<![\\d${numeral}月])(\\d{1,2})\\s*(?:${dayOnlyU})${notDay}`, 'gu'))) {
    const day = +m[1]!;
    if (day < 1 || day > 31) continue;
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date: { day } });
  }
  // Seasons: 2014年夏季, 夏天.
  const seasonWords = alternation([...c.seasonIndex.keys()]);
  for (const m of text.matchAll(new RegExp(`(?:(\\d{4})\\s*(?:${yearU})\\s*)?(${seasonWords})`, 'gu'))) {
    const date: PartialDate = { season: c.seasonIndex.get(m[2]!.toLowerCase())!, ...(m[1] ? { year: +m[1] } : {}) };
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'absolute', date });
  }
  const weekdayNames = alternation([...c.weekdayIndex.keys()]);
  for (const m of text.matchAll(new RegExp(`(${weekdayNames})`, 'gu'))) {
    add(out, text, m.index!, m.index! + m[0].length, { kind: 'weekday', weekday: c.weekdayIndex.get(m[1]!)! });
  }
  collectRelative(text, c, out);
  return out;
}

// ---------- choosing and joining ----------

/** Keeps the longest candidate wherever candidates overlap (earlier first on ties). */
function nonOverlapping(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const cand of sorted) {
    if (kept.some((k) => cand.start < k.end && k.start < cand.end)) continue;
    kept.push(cand);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Attaches a fuzzy word written before a month or year (early April, mid-2013, the end of May). */
function attachFuzzyBefore(text: string, mentions: Candidate[], c: Compiled): void {
  if (c.res.fuzzyPosition !== 'before') return;
  const words = [...c.fuzzyIndex.keys()];
  for (const m of mentions) {
    if (m.kind !== 'absolute' || !m.date || m.date.day !== undefined || m.date.season !== undefined) continue;
    const at = phraseBefore(text, m.start, words, true);
    if (at === undefined) continue;
    const written = text.slice(at, m.start).trim().toLowerCase().replace(/\s+/g, ' ');
    const part = c.fuzzyIndex.get(written) ?? c.fuzzyIndex.get(written.replace(/-$/, '')) ?? c.fuzzyIndex.get(`${written}`);
    if (!part) continue;
    m.date = { ...m.date, fuzzy: part };
    m.start = at;
    m.expression = text.slice(m.start, m.end);
  }
}

const isCoarse = (d: PartialDate | undefined): boolean => !!d && (d.day === undefined || d.fuzzy !== undefined);

/** Joins `A connector B` into one range mention (30 April – 10 June, 7月20日至21日, 从12月15日到12月28日). */
function joinRanges(text: string, mentions: Candidate[], c: Compiled): Candidate[] {
  const { res } = c;
  const wordEdge = res.style === 'words';
  const times = alternation(res.timesOfDay);
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1];
    if (!b || a.kind !== 'absolute' || b.kind !== 'absolute' || a.rangeEnd || b.rangeEnd || a.invalid || b.invalid) {
      out.push(a);
      continue;
    }
    const between = text.slice(a.end, b.start);
    const connector = res.rangeConnectors.find((r) =>
      new RegExp(`^\\s*(?:(?:${times})\\s*)?${escape(r.word)}\\s*$`, 'iu').test(between),
    );
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
    if (first.year === undefined && end.year !== undefined)
      first.year = first.month !== undefined && end.month !== undefined && first.month > end.month ? end.year - 1 : end.year;
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

/** A year word written right before a yearless date (次年3月) gives that date's year. */
function attachRelativeYears(text: string, mentions: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const rel = mentions[i]!;
    const next = mentions[i + 1];
    const years = rel.kind === 'relative' ? rel.relative?.years : undefined;
    if (years !== undefined && next && next.kind === 'absolute' && next.date && next.date.year === undefined && /^\s*(?:of\s+)?$/.test(text.slice(rel.end, next.start))) {
      out.push({ ...next, start: rel.start, expression: text.slice(rel.start, next.end), date: { ...next.date, yearOffset: years } });
      i++;
      continue;
    }
    out.push(rel);
  }
  return out;
}

/**
 * An offset followed by the date it leads to ("three months later on 25 August"): the written
 * date says exactly what the offset only approximates, so the offset is dropped.
 */
function preferWrittenDate(text: string, mentions: Candidate[], c: Compiled): Candidate[] {
  const preps = alternation(c.res.adverbialPrepositions).replace(/ /g, '\\s+');
  const glue = new RegExp(`^\\s*(?:(?:${preps})\\s*)?$`, 'iu');
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
 * All date expressions in `text`, in order. Offsets index the text as given.
 * `lang` picks the resource file (zh-Hans and zh-Hant share one).
 */
export function findDateMentions(text: string, lang: Lang | ResourceLanguage): DateMention[] {
  const c = compile(lang.startsWith('zh') ? 'zh' : 'en');
  const normalised = normaliseDigits(text);
  const cands = c.res.style === 'units' ? collectUnits(normalised, c) : collectWords(normalised, c);
  let mentions = nonOverlapping(cands);
  attachFuzzyBefore(normalised, mentions, c);
  mentions = attachRelativeYears(normalised, mentions);
  mentions = preferWrittenDate(normalised, mentions, c);
  mentions = joinRanges(normalised, mentions, c);
  return mentions.map((m) => ({ ...m, expression: text.slice(m.start, m.end) }));
}
