/**
 * The segmenter: a source's blocks in, dated passages (draft events) out.
 *
 * - Story order: a document whose day dates mostly run backwards is reversed first (reversal.ts)
 *   and its sections recomputed.
 * - An event starts at every anchor (anchors.ts) that moves the narrative to another date, from
 *   the start of the sentence or clause that holds it, and runs to the next such anchor or the
 *   end of its paragraph. "Later that day", Meanwhile, 当天, 同时 never start one.
 * - A paragraph with no anchor continues the date before it (in story order); a date line — or a
 *   heading that is nothing but a date (=== 6 June ===) — governs the paragraphs below it until
 *   the next date line or heading of the same or a higher level.
 * - The lead (before the first heading) summarises the story: its dates do not carry into the body.
 * - With no date at all before it, a sentence is dated by the date it mentions, even in passing.
 * - A look-back range ending on the current day ("from 3 to 9 January" on the 9th) dates its own
 *   sentence; the story then resumes on the current day.
 * - A paragraph that only asks a question carries no date. Text with no date before it is
 *   reported as undated with its line and first words, never dropped.
 * - Years: see ../dates/resolve.ts; a date outside the years the document is about is refused
 *   with a warning, as is an impossible date.
 */
import type { Block } from '../blocks.ts';
import { assignSections } from '../sections.ts';
import type { Citation, DateBasis, EventDate, Lang, Warning } from '../../schema/records.ts';
import { findDateMentions, type DateMention } from '../dates/find.ts';
import { resolveMention, spanOf, type Span } from '../dates/resolve.ts';
import { loadDateResource } from '../dates/resources.ts';
import { dayDiff, yearOf } from '../dates/calendar.ts';
import { classifyMentions, sentenceStarts, type ClassifiedMention } from './anchors.ts';
import { datelineMention, documentFrame, explicitSpanOf, publicationDate } from './timeframe.ts';
import { judgeOrder, storyOrder } from './reversal.ts';
import { passageLinker } from './passageLinks.ts';

export interface SegmentContext {
  file: string;
  lang: Lang;
  /** Publication day of a dated document (blog post): the date of text before any other date. */
  published?: string;
  /** The period the source covers (manifest), used when nothing else places a year. */
  period?: { start: string; end: string };
  /** The source's title and infobox fields: where a document states its own period otherwise. */
  title?: string;
  infobox?: Record<string, string>;
  /** The first lines of a page scrape as written (a date line the reader kept out as chrome still dates the post). */
  head?: string[];
}

export interface DraftEvent {
  date: EventDate;
  /** The passage: a slice of its block's text. */
  text: string;
  line: number;
  section: string[];
  links: string[];
  citations: Citation[];
}

export interface UndatedPassage {
  line: number;
  firstWords: string;
  reason: string;
}

export interface SegmentResult {
  drafts: DraftEvent[];
  undated: UndatedPassage[];
  warnings: Warning[];
  /** The blocks were read in reverse (newest-first document). */
  reversed: boolean;
}

const FIRST_WORDS = 60;

function firstWords(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > FIRST_WORDS ? `${t.slice(0, FIRST_WORDS)}…` : t;
}

function sameDate(a: EventDate | undefined, b: EventDate): boolean {
  return !!a && a.start === b.start && a.end === b.end;
}

/** A span of days ending on the current day and starting before it: a look back, not a move. */
function isLookBack(date: EventDate, current: EventDate | undefined): boolean {
  if (!current || current.precision !== 'day' || date.precision !== 'day') return false;
  return date.start < current.start && date.end === current.end;
}

/** The most years between two written years of one chain (documentYears). */
const CHAIN_GAP = 20;

/** The years this document is about: explicit years of dated mentions, period and publication. */
function documentYears(all: DateMention[][], ctx: SegmentContext): { min: number; max: number; median: number } | undefined {
  const years: number[] = [];
  for (const list of all)
    for (const m of list)
      if (m.kind === 'absolute' && m.date?.year !== undefined && !m.date.twoDigitYear && !m.invalid) {
        years.push(m.date.year);
        // a written range's end is a year of the document too (4 May 1890 – 2 March 1971)
        if (m.rangeEnd?.year !== undefined && !m.rangeEnd.twoDigitYear) years.push(m.rangeEnd.year);
      }
  if (ctx.published) years.push(yearOf(ctx.published));
  if (ctx.period) years.push(yearOf(ctx.period.start), yearOf(ctx.period.end));
  if (years.length === 0) return undefined;
  years.sort((a, b) => a - b);
  const median = years[Math.floor(years.length / 2)]!;
  // The years the text keeps writing, as one chain from the median: a life of eighty years written
  // decade by decade is all the document's, an aside a century off is not ("In 2012, declassified
  // files …" in a text about 1879).
  let low = years.indexOf(median);
  let high = years.lastIndexOf(median);
  while (low > 0 && years[low]! - years[low - 1]! <= CHAIN_GAP) low--;
  while (high < years.length - 1 && years[high + 1]! - years[high]! <= CHAIN_GAP) high++;
  // Backgrounds reach further back than stories run on: a decade before, a year after.
  return { min: years[low]! - 10, max: years[high]! + 1, median };
}

const explicitSpan = (m: DateMention, lang: Lang): Span | undefined => explicitSpanOf(m, loadDateResource(lang));

/** A word of `periodStartWords` (began, broke out, 开始) just before the date at `pos`, in its clause, or just after it. */
function startsPeriod(text: string, pos: number, lang: Lang): boolean {
  const words = loadDateResource(lang).periodStartWords ?? [];
  const end = text.slice(pos).search(/[,，;；.。]/);
  const after = text.slice(pos, end < 0 ? pos + 24 : Math.min(pos + 24, pos + end));
  const before = text.slice(Math.max(0, pos - 24), pos).split(/[,，;；.。]/).at(-1)!;
  return words.some((w) => before.includes(w) || after.includes(w));
}

/** A mention with a two-digit year (13年, '13) read as the full year nearest `pivot` (2000 without one). */
function inCentury(m: DateMention, pivot = 2000): DateMention {
  const yy = m.date!.year!;
  const year = [1900 + yy, 2000 + yy].sort((a, b) => Math.abs(a - pivot) - Math.abs(b - pivot))[0]!;
  const rangeEnd = m.rangeEnd?.twoDigitYear && m.rangeEnd.year !== undefined ? { ...m.rangeEnd, year: year - yy + m.rangeEnd.year, twoDigitYear: false } : m.rangeEnd;
  return { ...m, date: { ...m.date!, year, twoDigitYear: false }, rangeEnd };
}

/** Line of an offset in a block: newline offsets are counted once per block, then searched. */
const newlineCache = new WeakMap<Block, number[]>();
function lineAt(block: Block, offset: number): number {
  let breaks = newlineCache.get(block);
  if (!breaks) {
    breaks = [];
    for (let i = block.text.indexOf('\n'); i !== -1; i = block.text.indexOf('\n', i + 1)) breaks.push(i);
    newlineCache.set(block, breaks);
  }
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return block.line + lo;
}

/**
 * Citations whose marker stands in [from, to) (a marker belongs to the text right before it; one
 * at the very start to the first passage). Passages are cut in order, so the block's citations,
 * sorted once, are found by bisection rather than scanned for every passage.
 */
const sortedCitations = new WeakMap<Block, Block['citations']>();
function citationsIn(block: Block, from: number, to: number): Citation[] {
  if (block.citations.length === 0) return [];
  let sorted = sortedCitations.get(block);
  if (!sorted) sortedCitations.set(block, (sorted = [...block.citations].sort((a, b) => a.offset - b.offset)));
  const at = (c: Block['citations'][number]) => Math.max(0, c.offset - 1);
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(sorted[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Citation[] = [];
  if (from === 0) for (const c of sorted) if (c.offset === 0 && at(c) >= to) out.push(c.citation);
  for (let i = lo; i < sorted.length && at(sorted[i]!) < to; i++) out.push(sorted[i]!.citation);
  return out;
}

/** Links whose title occurs in the passage; a title never written in its block goes to every passage. */
const linkerCache = new WeakMap<Block, (passage: string) => string[]>();
function linksFor(block: Block, slice: string): string[] {
  let linker = linkerCache.get(block);
  if (!linker) linkerCache.set(block, (linker = passageLinker(block.text, block.links)));
  return linker(slice);
}

export function segmentEvents(inputBlocks: Block[], given: SegmentContext): SegmentResult {
  const { lang, file } = given;
  // The document's own period (manifest, infobox, title) frames every yearless date.
  const frame = documentFrame({ lang, period: given.period, title: given.title, infobox: given.infobox });
  // An open period (– ongoing) bounds the story from below only; a closed one frames it.
  let ctx: SegmentContext = { ...given, period: frame.openEnded ? undefined : frame.period };
  let framePeriod: Span | undefined = frame.period && (frame.openEnded ? { start: frame.period.start, end: '9999-12-31' } : frame.period);
  const warnings: Warning[] = [];
  const drafts: DraftEvent[] = [];
  const undated: UndatedPassage[] = [];

  let blocks = inputBlocks;
  let mentions = blocks.map((b) => findDateMentions(b.text, lang));
  // each paragraph's and list item's mentions classified once, for the order's verdict and then the
  // segmenting below (which may promote a mention's role: the verdict has read them by then)
  let classifiedOf = blocks.map((b, i) => (b.kind !== 'heading' && b.kind !== 'dateLine' ? classifyMentions(b.text, mentions[i]!, lang, b.citations.map((c) => c.offset)) : undefined));
  const verdict = judgeOrder(blocks, mentions, lang, classifiedOf);
  if (verdict.reversed) {
    const order = storyOrder(blocks, mentions, lang);
    blocks = assignSections(order.map((i) => blocks[i]!));
    mentions = order.map((i) => mentions[i]!);
    classifiedOf = order.map((i) => classifiedOf[i]);
  }

  // A post that gives its publication day in a date line near the top (no manifest date).
  const headLines = (ctx.head ?? []).map((text) => ({ kind: 'paragraph', text }));
  const dateline = ctx.published
    ? undefined
    : (publicationDate(blocks, mentions, lang) ?? publicationDate(headLines, headLines.map((l) => findDateMentions(l.text, lang)), lang, mentions));
  if (dateline) ctx = { ...ctx, published: dateline.day };
  const years = documentYears(mentions, ctx);
  // Years stated by the headings open above the current block (## 2013年), innermost last.
  const openHeadings: { level: number; block: number; year?: number; yearEnd?: number }[] = [];
  const headingYear = (): number | undefined => {
    for (let i = openHeadings.length - 1; i >= 0; i--) if (openHeadings[i]!.year !== undefined) return openHeadings[i]!.year;
    return undefined;
  };
  /** The block of the innermost open heading that states a year. */
  const yearHeadingBlock = (): number | undefined => {
    for (let i = openHeadings.length - 1; i >= 0; i--) if (openHeadings[i]!.year !== undefined) return openHeadings[i]!.block;
    return undefined;
  };
  const headingYearEnd = (): number | undefined => {
    for (let i = openHeadings.length - 1; i >= 0; i--) if (openHeadings[i]!.year !== undefined) return openHeadings[i]!.yearEnd;
    return undefined;
  };
  // Every explicitly dated mention in story order, for "the next explicit date" context. A
  // two-digit year (到13年1月14日) counts there too, in the century of the document's years.
  const explicit: { block: number; pos: number; span: Span; twoDigit: boolean }[] = [];
  mentions.forEach((list, b) => {
    if (blocks[b]!.kind === 'heading') return;
    for (const m of list) {
      const twoDigit = !!m.date?.twoDigitYear && m.date.year !== undefined;
      const span = twoDigit ? explicitSpan(inCentury(m, years?.median), lang) : explicitSpan(m, lang);
      if (span) explicit.push({ block: b, pos: m.start, span, twoDigit });
    }
  });
  // The lead's dates with written years (before the first heading): the story it summarises.
  // A heading that opens the text and is its only one of the top level (# Manbij offensive) is the
  // title: it opens no section, and the paragraphs after it are the lead.
  const headingLevels = blocks.filter((bl) => bl.kind === 'heading').map((bl) => bl.level ?? 1);
  const top = Math.min(...headingLevels);
  const titleBlock = blocks[0]?.kind === 'heading' && (blocks[0].level ?? 1) === top && headingLevels.filter((l) => l === top).length === 1 ? 0 : -1;
  const firstHeading = blocks.findIndex((bl, i) => bl.kind === 'heading' && i !== titleBlock);
  const leadDates = explicit.filter((e) => firstHeading > titleBlock + 1 && e.block < firstHeading && !e.twoDigit);
  const leadSpans = leadDates.map((e) => e.span);
  // Without a stated period, the lead's written dates frame the story it summarises (开始于2013年4月4日…).
  // It starts at the lead's first written date and takes in the dates within a year of it: a lead
  // that goes on to the aftermath ("restored in 1989 …, in 1994 …") does not widen the frame.
  if (!framePeriod && leadSpans.length) {
    const inYears = leadSpans.filter((l) => !years || (yearOf(l.start) >= years.min && yearOf(l.end) <= years.max));
    const first = inYears[0];
    if (first) {
      const near = inYears.filter((l) => l.start >= first.start && dayDiff(first.end, l.start) <= 366);
      // A lead that dates only when the story began (…, that began in January 2014) leaves its end open.
      const at = leadDates.find((e) => e.span === first)!;
      const onlyStart = near.length === 1 && startsPeriod(blocks[at.block]!.text, at.pos, lang);
      framePeriod = { start: first.start, end: onlyStart ? '9999-12-31' : near.map((l) => l.end).sort().at(-1)! };
    }
  }
  const AFTER_WINDOW_BLOCKS = 3;
  // `explicit` is in (block, pos) order: the next one after a point is found by bisection.
  const nextExplicit = (block: number, pos: number): Span | undefined => {
    let lo = 0;
    let hi = explicit.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = explicit[mid]!;
      if (e.block < block || (e.block === block && e.pos <= pos)) lo = mid + 1;
      else hi = mid;
    }
    const e = explicit[lo];
    return e && e.block <= block + AFTER_WINDOW_BLOCKS ? e.span : undefined;
  };

  const publishedDate: EventDate | undefined = ctx.published
    ? { start: ctx.published, end: ctx.published, precision: 'day', expression: ctx.published, basis: 'context' }
    : undefined;
  /** First day of the latest episode told with a written date: what 第三天 / "the third day" count from. */
  let episode: Span | undefined;
  let current: EventDate | undefined = publishedDate;
  let governing: EventDate | undefined;
  let seenHeading = false;
  /** Whether a date of the current section (since the last heading) has dated a passage yet. */
  let sectionDated = false;
  /** Level of the heading that is itself a date and governs, if any (a date line has none). */
  let governingLevel: number | undefined;
  let before: Span | undefined = ctx.published ? { start: ctx.published, end: ctx.published } : undefined;
  /** The day the text is written on: the publication date, then the day of the latest news dateline. */
  let reportDay = ctx.published;
  /** The block whose date `before` is: a flashback's year holds inside its own paragraph only. */
  let beforeBlock = -1;
  /** The year heading under which `before` was read in the text (not the start a heading gives it). */
  let beforeHeading: number | undefined;
  const setBefore = (date: Span, block?: number): void => {
    before = { start: date.start, end: date.end };
    if (block !== undefined) beforeBlock = block;
    beforeHeading = yearHeadingBlock();
  };

  const warn = (block: Block, offset: number, message: string): void => {
    warnings.push({ file, line: lineAt(block, offset), message });
  };

  /** How a resolved anchor got its date: written in full, computed from another date, or completed from a heading or the document. */
  const basisOf = (m: DateMention, date: Span): DateBasis => {
    if (m.kind !== 'absolute' || m.date?.yearOffset !== undefined) return 'relative';
    if (writtenYear(m)) return 'stated';
    const from = headingYear();
    if (from !== undefined) {
      const to = Math.max(from, headingYearEnd() ?? from);
      if (yearOf(date.start) >= from && yearOf(date.start) <= to) return 'heading';
    }
    return 'context';
  };
  /** A date whose four-digit year is written in the text states its own time: the window is for inferred years. */
  const writtenYear = (m: DateMention): boolean => m.kind === 'absolute' && m.date?.year !== undefined && !m.date.twoDigitYear && !m.invalid;
  // A section's own heading year (== 2011年抗议活动 == in an article about 1982) is a year of the
  // document too, however far from the rest.
  const sane = (date: Span): boolean => {
    if (!years || (yearOf(date.start) >= years.min && yearOf(date.end) <= years.max)) return true;
    const from = headingYear();
    if (from === undefined) return false;
    const to = Math.max(from, headingYearEnd() ?? from);
    return yearOf(date.start) >= from - 1 && yearOf(date.end) <= to + 1;
  };

  blocks.forEach((block, b) => {
    const list = mentions[b]!;
    const text = block.text;
    if (block.kind === 'heading') {
      const level = block.level ?? 1;
      while (openHeadings.length && openHeadings[openHeadings.length - 1]!.level >= level) openHeadings.pop();
      // A heading that opens with a year ("2011 protests", "1944 campaign") is about that year, even
      // where running text would need a word like "in" to read the number as a year.
      const year =
        list.find((m) => m.kind === 'absolute' && m.date?.year !== undefined && !m.date.twoDigitYear && !m.invalid)?.date?.year ??
        (/^\s*(1\d{3}|20\d{2})\s+\p{L}/u.exec(text) ? Number(/^\s*(\d{4})/.exec(text)![1]) : undefined);
      // A heading over a span of years (Korea divided (1945–1949)) places its dates anywhere in it.
      const yearEnd = list.find((m) => m.kind === 'absolute' && m.date?.year === year && m.rangeEnd?.year !== undefined)?.rangeEnd?.year;
      openHeadings.push({ level, block: b, year, yearEnd });
      // Entering a section for another year: that year's start is the date read "before".
      if (year !== undefined && (!before || yearOf(before.start) !== year)) before = { start: `${String(year).padStart(4, '0')}-01-01`, end: `${String(year).padStart(4, '0')}-01-01` };
      if (governingLevel === undefined || level <= governingLevel) {
        governing = undefined;
        governingLevel = undefined;
      }
      // A heading that is nothing but a date finer than a year (=== 6 June ===, ### 1944年6月)
      // governs the passages below it, like a date line.
      const only = list.length === 1 && list[0]!.kind === 'absolute' && !list[0]!.invalid ? list[0]! : undefined;
      if (only?.date?.month !== undefined || only?.date?.season !== undefined || only?.date?.year !== undefined) {
        const rest = text.slice(0, only.start) + text.slice(only.end);
        if (!/[\p{L}\p{N}]/u.test(rest)) {
          const date = resolveMention(only, {
            lang,
            current,
            before,
            after: nextExplicit(b, only.end),
            headingYear: headingYear(),
            headingYearEnd: headingYearEnd(),
            published: ctx.published,
            period: ctx.period,
            fallbackYear: years?.median,
          });
          if (date && sane(date)) {
            governing = { ...date, basis: 'heading' };
            governingLevel = level;
            current = governing;
            // a date heading labels the section: its story has no date of its own yet
            before = { start: date.start, end: date.end };
            beforeHeading = undefined;
          }
        }
      }
      // The lead (everything before the first heading) summarises the whole story: its dates do
      // not carry over into the body.
      if (b !== titleBlock) {
        if (!seenHeading && b > 0) current = publishedDate;
        seenHeading = true;
      }
      sectionDated = false;
      episode = undefined;
      return;
    }
    const citationOffsets = block.citations.map((c) => c.offset);
    // A news dateline dates the report, not the first sentence: the sentence's own date (a weekday)
    // still anchors it, and the story's weekdays look back from the dateline's day.
    const datelineAt = block.kind === 'paragraph' ? datelineMention(text, list, lang) : undefined;
    let datelineDate: EventDate | undefined;
    if (datelineAt) {
      const date = resolveMention(datelineAt, { lang, current, before, after: nextExplicit(b, datelineAt.end), published: reportDay, period: ctx.period, frame: framePeriod, fallbackYear: years?.median });
      if (date && sane(date)) {
        reportDay = date.start;
        current = { ...date, basis: 'heading' };
        datelineDate = current;
        setBefore(date, b);
      }
    }
    const classified: ClassifiedMention[] = (!datelineAt && classifiedOf[b]) || classifyMentions(text, datelineAt ? list.slice(1) : list, lang, citationOffsets);
    let own: ClassifiedMention | undefined;
    let lineDate: EventDate | undefined;
    if (block.kind === 'dateLine') {
      own = classified.find((c) => c.mention.kind === 'absolute' && c.role !== 'invalid') ?? classified[0];
      if (own) {
        own.role = own.role === 'invalid' ? 'invalid' : 'anchor';
        own.rule = 'initial';
        own.segmentStart = 0;
      }
    }
    const starts = sentenceStarts(text, loadDateResource(lang), citationOffsets);
    // The last written year of each sentence so far (mentions are visited in text order).
    const sentenceYears = new Map<number, number>();
    /** Sentences whose opening anchor could not be placed in time. */
    const unplacedSentences = new Set<number>();

    const base = governing ?? current;
    let cursor = base;
    const segments: { start: number; date: EventDate }[] = [];
    const anchoredSentences = new Set(classified.filter((c) => c.role === 'anchor').map((c) => c.sentenceStart));
    let previous: ClassifiedMention | undefined;
    for (const c of classified) {
      // a year that says when something else began (于2012年创立的网站) or that a dated subject's name
      // holds is not the year of the sentence's other dates; a year that opens a name does give it
      // (2012年阿勒颇省冲突在2月10日爆发)
      if (previous && writtenYear(previous.mention) && previous.reason !== 'name' && previous.reason !== 'qualifier')
        sentenceYears.set(previous.sentenceStart, previous.mention.date!.year!);
      previous = c;
      const m = c.mention;
      // With no date at all before it (a lead, a background paragraph), a sentence is dated by the
      // date it mentions, even in passing or in parentheses; a year that only names something
      // (2011年利比亚革命) does not count.
      // Likewise, under a new heading a date that defines the section's subject ("X was the police
      // force of the borough from 1836 to 1866") dates its sentence when no date of the section
      // has yet: the date carried over from another section says less about it.
      const definesSection = c.reason === 'definition' && !sectionDated && seenHeading;
      if (c.role === 'embedded' && c.reason !== 'modifier' && c.reason !== 'name' && (!cursor || definesSection) && m.kind === 'absolute' && !anchoredSentences.has(c.sentenceStart)) {
        c.role = 'anchor';
        c.rule = 'sentence';
        c.segmentStart = c.sentenceStart;
        anchoredSentences.add(c.sentenceStart);
      }
      if (c.role === 'invalid') {
        warn(block, m.start, `impossible date "${m.expression}" (${m.invalid}); not used as a date`);
        continue;
      }
      if (c.role === 'anchor') {
        const context = {
          lang,
          current: cursor,
          before,
          after: nextExplicit(b, m.end),
          sentenceYear: sentenceYears.get(c.sentenceStart),
          episode,
          frame: framePeriod,
          beforeInParagraph: beforeBlock === b,
          beforeUnderHeading: beforeHeading !== undefined && beforeHeading === yearHeadingBlock(),
          headingYear: headingYear(),
          headingYearEnd: headingYearEnd(),
          published: reportDay,
          period: ctx.period,
          fallbackYear: years?.median,
          lead: seenHeading ? leadSpans.filter((l) => !years || (yearOf(l.start) >= years.min && yearOf(l.end) <= years.max)) : undefined,
        };
        let resolved = resolveMention(m, context);
        // A year inferred from an aside far from the story ("In 2012, declassified files …" before
        // "… arrived at Arica on 4 April"): place the date by the years the source is about.
        if (resolved && !sane(resolved) && !writtenYear(m) && m.kind === 'absolute' && years)
          resolved =
            resolveMention(m, {
              ...context,
              current: undefined,
              before: undefined,
              after: undefined,
              sentenceYear: undefined,
              period: ctx.period ?? { start: `${years.median}-01-01`, end: `${years.median}-12-31` },
            }) ?? resolved;
        const date: EventDate | undefined = resolved && { ...resolved, basis: basisOf(m, resolved) };
        if (!date) {
          warn(block, m.start, `could not place "${m.expression}" in time; not used as a date`);
          if (c.segmentStart === undefined || c.segmentStart === c.sentenceStart) unplacedSentences.add(c.sentenceStart);
        } else if (!sane(date) && !writtenYear(m)) {
          warn(block, m.start, `"${m.expression}" resolves to ${date.start}, outside the years this source covers; not used as a date`);
        } else {
          if (c === own) lineDate = date;
          sectionDated = true;
          // A heading that gives only a year dates its section until the story has a date of its
          // own there; then undated passages continue that date, not the bare year.
          if (governing && governingLevel !== undefined && governing.precision === 'year') {
            governing = undefined;
            governingLevel = undefined;
          }
          if (!episode && m.kind === 'absolute' && date.precision === 'day') episode = { start: date.start, end: date.start };
          // a sentence whose opening anchor could not be placed ("Today's Parliament …" in a text
          // with no day of its own) is dated from its start by the next anchor that is
          const start = unplacedSentences.delete(c.sentenceStart) ? c.sentenceStart : (c.segmentStart ?? c.sentenceStart);
          const last = segments[segments.length - 1];
          if (last && last.start >= start) last.date = date;
          else if (!sameDate(cursor, date)) segments.push({ start, date });
          if (isLookBack(date, cursor)) {
            // A toll "from 3 to 9 January" written on the 9th dates its own sentence; the story
            // stays on the 9th for what follows.
            const resume = starts.find((s) => s > m.end);
            if (resume !== undefined) segments.push({ start: resume, date: { ...cursor!, basis: cursor === governing || cursor === publishedDate ? cursor!.basis : 'inherited' } });
          } else {
            setBefore(date, b);
            cursor = date;
          }
          continue;
        }
      }
      const span = explicitSpan(m, lang);
      // A date in passing (自从2011年11月起…) is context only until the story has a date of its
      // own: a background clause does not move the narrative's year.
      if (span && !cursor && (!years || (yearOf(span.start) >= years.min && yearOf(span.end) <= years.max))) {
        before = span;
        beforeHeading = undefined;
      }
    }

    if (block.kind === 'dateLine') {
      if (lineDate) {
        governing = { ...lineDate, basis: 'heading' };
        governingLevel = undefined;
        current = governing;
      }
      const rest = text.slice(classified[0]?.mention.end ?? 0).replace(/[\s\p{P}]/gu, '');
      if (rest.length < 8) return; // a bare date line: it governs, it is not itself an event
    }

    // A resume point after a look-back may fall after the next anchor's start: keep order.
    segments.sort((x, y) => x.start - y.start);
    for (let i = segments.length - 1; i > 0; i--) if (segments[i]!.start === segments[i - 1]!.start) segments.splice(i - 1, 1);

    const cut = (from: number, to: number, date: EventDate | undefined, reason: string): void => {
      const raw = text.slice(from, to);
      const slice = raw.trim();
      if (!slice || !/[\p{L}\p{N}]/u.test(slice)) return;
      const lead = from + raw.indexOf(slice[0]!);
      if (!date) {
        undated.push({ line: lineAt(block, lead), firstWords: firstWords(slice), reason });
        return;
      }
      const citations = citationsIn(block, from, to);
      drafts.push({
        date,
        text: slice,
        line: lineAt(block, lead),
        section: block.section,
        links: linksFor(block, slice),
        citations,
      });
    };

    const noDateReason = 'before the first date of the source';
    // Text with no date of its own continues the one before it; under a date line or heading, or on
    // a dated post's own day, that date keeps its basis.
    const continued = base && base !== governing && base !== publishedDate && base !== datelineDate ? { ...base, basis: 'inherited' as const } : base;
    const asks = (loadDateResource(lang).questionMarks ?? []).some((q) => text.trimEnd().endsWith(q));
    if (segments.length === 0 && asks) {
      cut(0, text.length, undefined, 'a question, not a reported event');
    } else if (segments.length === 0) {
      cut(0, text.length, continued, noDateReason);
    } else {
      if (segments[0]!.start > 0) cut(0, segments[0]!.start, continued, noDateReason);
      segments.forEach((s, i) => cut(s.start, segments[i + 1]?.start ?? text.length, s.date, noDateReason));
    }
    if (cursor) current = cursor;
  });

  return { drafts, undated, warnings, reversed: verdict.reversed };
}
