/**
 * The resolver: turns one date mention into an EventDate (ISO start/end, precision) using the
 * context a careful reader would use: the narrative's current date (for "the next day"), the
 * dates read just before and just after (for a missing year), a year heading, the publication
 * date (for weekdays and "yesterday") and the source's period.
 */
import type { EventDate, Precision } from '../../schema/records.ts';
import { addDays, daysInMonth, isoDay, spanDistance, weekdayOf, yearOf, dayDiff } from './calendar.ts';
import type { DateMention, PartialDate } from './find.ts';
import { loadDateResource, type DateResource, type ResourceLanguage } from './resources.ts';
import type { Lang } from '../../schema/records.ts';

export interface Span {
  start: string;
  end: string;
}

/** A date as the resolver places it; how it was obtained (basis) is the segmenter's to say. */
export type ResolvedDate = Omit<EventDate, 'basis'>;

export interface ResolveContext {
  lang: Lang | ResourceLanguage;
  /** The narrative's current date: the base of relative phrases; its basis, where the segmenter
   * knows it, says whether a span of days was stated as one happening or heads a section. */
  current?: ResolvedDate & { basis?: EventDate['basis'] };
  /** The latest date read before this mention (story order). */
  before?: Span;
  /** The nearest date with an explicit year read after this mention. */
  after?: Span;
  /** A year written earlier in the same sentence (2012年阿勒颇省冲突在2月10日爆发). */
  sentenceYear?: number;
  /** The year of a heading governing the passage (## 2013年). */
  headingYear?: number;
  /** Last year of a heading over a span of years (## 1945–1949). */
  headingYearEnd?: number;
  /** Publication day of a dated document (blog posts). */
  published?: string;
  period?: Span;
  /** The year the document is mostly about, when nothing nearer places a date. */
  fallbackYear?: number;
  /** Dates with written years in the lead: the story the document summarises there (a weak pull). */
  lead?: Span[];
  /** First day of the episode being told: what an ordinal day (第三天, the third day) counts from. */
  episode?: Span;
  /** The period the document says it covers (open periods end in 9999): the prior for unwritten years. */
  frame?: Span;
  /** `before` was read in the same paragraph (a flashback's own year), not carried from another. */
  beforeInParagraph?: boolean;
  /** `before` was read in the text under the year heading that governs this passage: the section's
   * story has reached its year. */
  beforeUnderHeading?: boolean;
}

/** A date this close before the next written one leads up to it (a season's span at most). */
const LEADS_TO_NEXT_DAYS = 92;

/** How much a day away from the lead's dates costs, against 1 for a day away from the story's date. */
const LEAD_WEIGHT = 0.25;
/** The longest span (days from first to last) of a date told to the month. */
const MONTH_SPAN_DAYS = 30;
/** How soon after a background date told to the month the next yearless date reads as its next step. */
const GOES_ON_DAYS = 31;
/** Days away from the lead's dates beyond which a date costs no more. */
const LEAD_REACH_DAYS = 366;

const PRECISION_RANK: Record<Precision, number> = { day: 0, month: 1, season: 2, year: 3 };
const coarser = (a: Precision, b: Precision): Precision => (PRECISION_RANK[a] >= PRECISION_RANK[b] ? a : b);

interface Dated extends Span {
  precision: Precision;
}

/** The span a partial date covers once its year (and, for a bare day, month) is known. */
export function spanOf(date: PartialDate, year: number, res: DateResource, month = date.month): Dated | undefined {
  const fuzzy = date.fuzzy ? res.fuzzy.find((f) => f.part === date.fuzzy) : undefined;
  if (date.season !== undefined) {
    const [from, to] = res.seasons[date.season]!.months;
    const endYear = to < from ? year + 1 : year;
    return { start: isoDay(year, from, 1), end: isoDay(endYear, to, daysInMonth(endYear, to)), precision: 'season' };
  }
  if (month === undefined) {
    if (date.day !== undefined) return undefined;
    if (date.decade) return { start: isoDay(year, 1, 1), end: isoDay(year + 9, 12, 31), precision: 'year' };
    if (fuzzy) {
      const [from, to] = fuzzy.months;
      return { start: isoDay(year, from, 1), end: isoDay(year, to, daysInMonth(year, to)), precision: 'season' };
    }
    return { start: isoDay(year, 1, 1), end: isoDay(year, 12, 31), precision: 'year' };
  }
  const last = daysInMonth(year, month);
  if (date.day !== undefined) {
    if (date.day > last) return undefined;
    const day = isoDay(year, month, date.day);
    return { start: day, end: day, precision: 'day' };
  }
  if (fuzzy) {
    const [from, to] = fuzzy.days;
    return { start: isoDay(year, month, Math.min(from, last)), end: isoDay(year, month, Math.min(to, last)), precision: 'month' };
  }
  return { start: isoDay(year, month, 1), end: isoDay(year, month, last), precision: 'month' };
}

/** Distance used to choose a year: going back in the story costs more than going on. */
function costFrom(reference: Span | undefined, candidate: Span, weight: number): number {
  if (!reference) return 0;
  const d = spanDistance(reference, candidate);
  const backwards = candidate.end < reference.start;
  return weight * d * (backwards ? 1.5 : 1);
}

function candidateYears(date: PartialDate, ctx: ResolveContext): number[] {
  if (date.year !== undefined && !date.twoDigitYear) return [date.year];
  if (date.yearOffset !== undefined) {
    const base = ctx.current ?? ctx.before;
    return base ? [yearOf(base.start) + date.yearOffset] : [];
  }
  const around = [ctx.before, ctx.current, ctx.after, ctx.published ? { start: ctx.published, end: ctx.published } : undefined, ctx.period]
    .filter((s): s is Span => !!s)
    .flatMap((s) => [yearOf(s.start), yearOf(s.end)]);
  // The document's period (an open one by its start only).
  if (ctx.frame) around.push(yearOf(ctx.frame.start), ...(ctx.frame.end < '9999' ? [yearOf(ctx.frame.end)] : []));
  if (ctx.headingYear !== undefined) around.push(ctx.headingYear);
  if (ctx.headingYearEnd !== undefined) around.push(ctx.headingYearEnd);
  if (around.length === 0 && ctx.fallbackYear !== undefined) around.push(ctx.fallbackYear);
  if (ctx.sentenceYear !== undefined) around.push(ctx.sentenceYear);
  if (date.twoDigitYear && date.year !== undefined) {
    const yy = date.year;
    const pivot = around[0] ?? 2000;
    return [1900 + yy, 2000 + yy].sort((a, b) => Math.abs(a - pivot) - Math.abs(b - pivot)).slice(0, 1);
  }
  const years = new Set<number>();
  for (const y of around) [y - 1, y, y + 1].forEach((c) => years.add(c));
  return [...years];
}

/** Chooses the year (and, for a bare day like 27日, the month) a careful reader would. */
function placeInTime(date: PartialDate, ctx: ResolveContext, res: DateResource): Dated | undefined {
  // A year written earlier in the sentence gives the date its year, unless the paragraph's own
  // story is elsewhere in time (…declarations it had made in 1957…, but … on 22–23 May, in a
  // paragraph that opened "In May 1967").
  const storyElsewhere = ctx.before && ctx.beforeInParagraph && ctx.sentenceYear !== undefined && Math.abs(yearOf(ctx.before.start) - ctx.sentenceYear) > 1;
  if (ctx.sentenceYear !== undefined && !storyElsewhere && date.year === undefined && date.yearOffset === undefined && date.month !== undefined) {
    const span = spanOf(date, ctx.sentenceYear, res);
    if (span) return span;
  }
  const years = candidateYears(date, ctx);
  const months: (number | undefined)[] =
    date.month === undefined && date.day !== undefined && date.season === undefined
      ? [...new Set([ctx.current, ctx.before].filter((s): s is Span => !!s).flatMap((s) => {
          const m = Number(s.start.slice(5, 7));
          return [m, (m % 12) + 1];
        }))]
      : [date.month];
  const reference = ctx.before ?? ctx.current ?? ctx.period ?? (ctx.published ? { start: ctx.published, end: ctx.published } : undefined);
  const referenceYear = reference ? yearOf(reference.start) : ctx.headingYear ?? ctx.fallbackYear ?? 0;
  // The document's period is the prior for a year the passage does not write. The date read
  // before is the story's reference, unless it lies in other years than the period and was read
  // in another paragraph: a background paragraph does not move the narrative's year, so the
  // period is the reference then. Otherwise a date outside the period costs a little.
  const framed = !!ctx.frame && date.year === undefined && date.yearOffset === undefined && ctx.headingYear === undefined && ctx.sentenceYear === undefined;
  const flashback =
    framed && !!ctx.before && !ctx.beforeInParagraph && (yearOf(ctx.before.end) < yearOf(ctx.frame!.start) || yearOf(ctx.before.start) > yearOf(ctx.frame!.end));
  // …but a background story told to the month goes on where it reads as the next step: "On 2
  // October" after "two months later" (October 1959) is 1959's, whatever the frame
  const toTheMonth = !!ctx.before && dayDiff(ctx.before.start, ctx.before.end) <= MONTH_SPAN_DAYS;
  const goesOn = (span: Span) => toTheMonth && span.start >= ctx.before!.start && dayDiff(ctx.before!.end, span.start) <= GOES_ON_DAYS;
  const story = ctx.before ?? ctx.current;
  let best: { span: Dated; cost: number } | undefined;
  for (const year of years) {
    for (const month of months) {
      if (date.day !== undefined && month === undefined) continue;
      const span = spanOf(date, year, res, month);
      if (!span) continue;
      // The next explicit date bounds the story ahead: running past it costs, falling short of it
      // (a date some years before the next one written) costs little.
      const afterWeight = ctx.after && span.start > ctx.after.end ? 0.5 : 0.1;
      // From the period, a date before it costs no more than one after it: it is no story position.
      let cost = (flashback && !goesOn(span) ? spanDistance(ctx.frame!, span) : costFrom(story, span, 1)) + costFrom(ctx.after, span, afterWeight);
      if (ctx.headingYear !== undefined) {
        // Under a year heading a date belongs to that year unless its neighbours say otherwise
        // (a December flashback at the top of the next year's section); never two years off.
        // Once a passage of the section has a date in its year, only the next written date can
        // take a later one out of it (在12月30日 … 到13年1月14日 under ## 2013年 retells the winter);
        // a story that jumps ahead (February, then December) stays in the heading's year.
        const last = Math.max(ctx.headingYear, ctx.headingYearEnd ?? ctx.headingYear);
        const outside = (y: number): number => (y < ctx.headingYear! ? ctx.headingYear! - y : y > last ? y - last : 0);
        const off = Math.min(outside(yearOf(span.start)), outside(yearOf(span.end)));
        const storyInYears = !!ctx.beforeUnderHeading && !!ctx.before && outside(yearOf(ctx.before.start)) === 0;
        const leadsToNext = !!ctx.after && span.end <= ctx.after.start && dayDiff(span.end, ctx.after.start) <= LEADS_TO_NEXT_DAYS;
        cost += off === 0 ? 0 : off === 1 ? (storyInYears && !leadsToNext ? 1000 : 90) : 100_000;
      }
      // at most a year's worth: a life's lead (Prime Minister from 1945 to 1951) summarises, it does
      // not hold a paragraph of 1962 to its years
      if (ctx.lead?.length) cost += LEAD_WEIGHT * Math.min(LEAD_REACH_DAYS, ...ctx.lead.map((l) => spanDistance(l, span)));
      if (ctx.published && span.start > ctx.published) cost += 400;
      if (!ctx.before && !ctx.current && !ctx.after && ctx.period) cost += spanDistance(ctx.period, span);
      // The document's period is a strong prior for a year the passage does not write: a date a
      // year or more outside it needs its neighbours' word (a heading or the sentence) to stand.
      if (framed && !flashback) {
        const outside = spanDistance(ctx.frame!, span);
        if (outside > 0) cost += 20 + 0.25 * Math.min(outside, 365);
      }
      // Equal costs (y-1, y, y+1 around a lone reference year): the reference year itself.
      cost += 0.001 * Math.abs(year - referenceYear);
      if (!best || cost < best.cost) best = { span, cost };
    }
  }
  return best?.span;
}

function latestWeekdayOnOrBefore(reference: string, weekday: number): string {
  const back = (weekdayOf(reference) - weekday + 7) % 7;
  return addDays(reference, -back);
}

/**
 * The EventDate a mention stands for, or undefined when the context cannot place it (a relative
 * phrase with no date before it, a day with no month anywhere, an impossible date).
 */
export function resolveMention(mention: DateMention, ctx: ResolveContext): ResolvedDate | undefined {
  if (mention.invalid) return undefined;
  const res = loadDateResource(ctx.lang);
  const expression = mention.expression;
  if (mention.kind === 'relative') {
    const rel = mention.relative!;
    const base = rel.deictic && ctx.published ? { start: ctx.published, end: ctx.published, precision: 'day' as const } : ctx.current;
    if (!base) return undefined;
    if (rel.same) return { start: base.start, end: base.end, precision: base.precision, expression };
    if (rel.weekend !== undefined) {
      // The Saturday and Sunday before the Monday of the reference day's week (last weekend),
      // or those of its own week (this weekend).
      const monday = addDays(base.start, -weekdayOf(base.start));
      const saturday = addDays(monday, rel.weekend < 0 ? -2 : 5);
      return { start: saturday, end: addDays(saturday, 1), precision: 'day', expression };
    }
    if (rel.ordinal !== undefined) {
      const day = addDays((ctx.episode ?? base).start, rel.ordinal - 1);
      return { start: day, end: day, precision: 'day', expression };
    }
    if (rel.vague) {
      const [a, b] = rel.vague;
      return { start: addDays(base.start, a), end: addDays(base.start, b), precision: 'day', expression };
    }
    if (rel.months !== undefined || rel.years !== undefined) {
      const year = yearOf(base.start) + (rel.years ?? 0);
      if (rel.years !== undefined) return { ...spanOf({ year }, year, res)!, expression };
      const index = year * 12 + Number(base.start.slice(5, 7)) - 1 + rel.months!;
      const span = spanOf({ month: (index % 12) + 1, ...(rel.fuzzy ? { fuzzy: rel.fuzzy } : {}) }, Math.floor(index / 12), res)!;
      // a month on from a part of a month is the same part of that month: late October, "one
      // month later" = late November
      const part = !rel.fuzzy && rel.months !== 0 ? partOfMonth(base) : undefined;
      if (part) {
        const last = daysInMonth(Math.floor(index / 12), (index % 12) + 1);
        const at = (d: number) => `${span.start.slice(0, 8)}${String(Math.min(d, last)).padStart(2, '0')}`;
        return { ...span, start: at(part.from), end: part.toEnd ? at(last) : at(part.to), expression };
      }
      return { ...span, expression };
    }
    const days = rel.days ?? 0;
    // Under a span of days that heads a section (a date line 7月22日至23日 … 第二天) the story walks
    // through its days, so an offset counts from the first; after a span a sentence states as one
    // happening ("fought from 3 to 5 May. The next day …") a step forward counts from its last.
    if (base.precision === 'day') {
      const from = days > 0 && 'basis' in base && base.basis === 'stated' ? base.end : base.start;
      const day = addDays(from, days);
      return { start: day, end: day, precision: 'day', expression };
    }
    // a day or two on from a month or a year ("in 1935 … the next day") is still in it: which day
    // is not known, and a shifted span (2 January 1935 – 1 January 1936) is no reading
    if (Math.abs(days) < dayDiff(base.start, base.end)) return { start: base.start, end: base.end, precision: base.precision, expression };
    return { start: addDays(base.start, days), end: addDays(base.end, days), precision: base.precision, expression };
  }
  if (mention.kind === 'weekday') {
    // A dated document (a blog post of Saturday) looks back to its weekdays ("on Friday"); a
    // narrative without one moves on to them ("on Tuesday evening" after Monday 24 April).
    if (ctx.published) {
      const day = latestWeekdayOnOrBefore(ctx.published, mention.weekday!);
      return { start: day, end: day, precision: 'day', expression };
    }
    const reference = ctx.current?.start;
    if (!reference) return undefined;
    const day = addDays(reference, (mention.weekday! - weekdayOf(reference) + 7) % 7);
    return { start: day, end: day, precision: 'day', expression };
  }
  const first = placeInTime(mention.date!, ctx, res);
  if (!first) return undefined;
  if (!mention.rangeEnd) return { ...first, expression };
  const endDate = mention.rangeEnd;
  const startYear = yearOf(first.start);
  const startMonth = Number(first.start.slice(5, 7));
  // The end takes the start's month only when the start has one (1469–72 is whole years).
  const startHasMonth = mention.date!.month !== undefined || (mention.date!.day !== undefined && mention.date!.season === undefined);
  // (an end that is a part of a year it names, 到1953年初, takes no month from the start)
  const partOfItsYear = endDate.year !== undefined && endDate.fuzzy !== undefined;
  const month = endDate.month ?? (endDate.season === undefined && !partOfItsYear && startHasMonth ? startMonth : undefined);
  let last = spanOf(endDate, endDate.year ?? startYear, res, month);
  if (last && last.end < first.start && endDate.year === undefined) last = spanOf(endDate, startYear + 1, res, month);
  if (!last || last.end < first.start) return undefined;
  // Written years may span decades (from 1836 to 1866); a range of days or months stays within ten years.
  const yearsWritten = mention.date!.year !== undefined && endDate.year !== undefined && month === undefined;
  if (dayDiff(first.start, last.end) > (yearsWritten ? 31 * 366 : 3660)) return undefined;
  return { start: first.start, end: last.end, precision: coarser(first.precision, last.precision), expression };
}

/** The days of its month a span covers, when it is a part of one month (not all of it, not a day). */
function partOfMonth(span: { start: string; end: string }): { from: number; to: number; toEnd: boolean } | undefined {
  if (span.start.slice(0, 7) !== span.end.slice(0, 7)) return undefined;
  const [y, m] = [Number(span.start.slice(0, 4)), Number(span.start.slice(5, 7))];
  const from = Number(span.start.slice(8, 10));
  const to = Number(span.end.slice(8, 10));
  const last = daysInMonth(y, m);
  if (from === to || (from === 1 && to === last)) return undefined;
  return { from, to, toEnd: to === last };
}
