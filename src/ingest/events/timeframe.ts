/**
 * The document's own time frame, read before any passage is dated: the period a source says it
 * covers. Sources state it in several places, in this order of trust: the manifest (what the
 * maintainer wrote), the infobox's date field (1894年7月25日－1895年4月17日), the title
 * ("Siege of X (April–July 2014)"). Yearless dates are then placed inside the frame unless the
 * story around them says otherwise: a background paragraph does not move the narrative's year.
 */
import type { Lang } from '../../schema/records.ts';
import { findDateMentions, type DateMention } from '../dates/find.ts';
import { spanOf, type Span } from '../dates/resolve.ts';
import { loadDateResource } from '../dates/resources.ts';

export interface FrameInput {
  lang: Lang;
  period?: Span;
  title?: string;
  infobox?: Record<string, string>;
}

export interface TimeFrame {
  period?: Span;
  /** The period runs on past its end (2 January 2014 – ongoing): only its start bounds the story. */
  openEnded?: boolean;
  /** Where the period was read. */
  from?: 'manifest' | 'infobox' | 'title';
}

/** Infobox fields that give the time of the whole subject (MediaWiki names and their translations). */
const DATE_FIELDS = /^(?:date|dates|time|period|日期|时间|時間|日期时间|日期時間)$/i;

/** The span covered by the mentions of `text` that write their year: first start to last end. */
export function writtenSpan(text: string, lang: Lang): Span | undefined {
  const res = loadDateResource(lang);
  const spans: Span[] = [];
  for (const m of findDateMentions(text, lang)) {
    const span = explicitSpanOf(m, res);
    if (span) spans.push(span);
  }
  if (spans.length === 0) return undefined;
  const start = spans.map((s) => s.start).sort()[0]!;
  const end = spans.map((s) => s.end).sort().at(-1)!;
  return { start, end };
}

/** The span of a mention that carries its own four-digit year (a range to its end). */
export function explicitSpanOf(m: DateMention, res = loadDateResource('en')): Span | undefined {
  if (m.kind !== 'absolute' || !m.date || m.invalid || m.date.year === undefined || m.date.twoDigitYear) return undefined;
  const first = spanOf(m.date, m.date.year, res);
  if (!first) return undefined;
  const endYear = m.rangeEnd?.year ?? (m.rangeEnd ? m.date.year : undefined);
  const last = m.rangeEnd && endYear !== undefined ? spanOf(m.rangeEnd, endYear, res, m.rangeEnd.month ?? (m.rangeEnd.season === undefined && m.rangeEnd.day !== undefined ? m.date.month : undefined)) : undefined;
  return { start: first.start, end: last && last.end >= first.start ? last.end : first.end };
}

export function documentFrame(input: FrameInput): TimeFrame {
  if (input.period) return { period: input.period, from: 'manifest' };
  const open = (text: string): boolean => (loadDateResource(input.lang).openEnded ?? []).some((w) => text.toLowerCase().includes(w.toLowerCase()));
  for (const [key, value] of Object.entries(input.infobox ?? {})) {
    if (!DATE_FIELDS.test(key.trim())) continue;
    const span = writtenSpan(value, input.lang);
    if (span) return { period: span, from: 'infobox', ...(open(value) ? { openEnded: true } : {}) };
  }
  if (input.title) {
    const span = writtenSpan(input.title, input.lang);
    // A single day in a title is a post's date line, not the period it reports on.
    if (span && span.start !== span.end) return { period: span, from: 'title', ...(open(input.title) ? { openEnded: true } : {}) };
  }
  return {};
}

/** How many blocks from the top a news page's date line may stand (after its headline, byline, issue). */
const DATELINE_WINDOW = 8;
const DATELINE_MAX_CHARS = 160;

/**
 * The publication day of a news or blog post that states it in a date line near the top
 * ("2011年08月23日08:55 | 中国发展门户网", "Published on 23 February 2015 by …", "December 22, 2011 -
 * Syria News Blog"): a short block, not a sentence, with a full written date. A report is written
 * after what it reports, so the date must not precede most of the document's written dates
 * (this keeps an article's "Date: 2 May 1950" line, which the story then runs past, out).
 */
export function publicationDate(
  blocks: { kind: string; text: string }[],
  mentions: DateMention[][],
  lang: Lang,
  /** The document's mentions, when `blocks` are only its first lines. */
  documentMentions: DateMention[][] = mentions,
): { day: string; block: number } | undefined {
  const res = loadDateResource(lang);
  const writtenStarts = documentMentions.flat().flatMap((m) => {
    const span = explicitSpanOf(m, res);
    return span ? [span.start] : [];
  });
  for (let b = 0; b < Math.min(blocks.length, DATELINE_WINDOW); b++) {
    const text = blocks[b]!.text.trim();
    if (text.length > DATELINE_MAX_CHARS || /[.。!?！？]["”’」)]*$/u.test(text)) continue;
    const m = mentions[b]!.find((x) => x.kind === 'absolute' && !x.rangeEnd && x.date?.day !== undefined && x.date.month !== undefined && explicitSpanOf(x, res));
    if (!m) continue;
    const day = explicitSpanOf(m, res)!.start;
    const later = writtenStarts.filter((s) => s > day).length;
    if (later > writtenStarts.length / 10) continue;
    return { day, block: b };
  }
  return undefined;
}

/** Spaces that may stand around a metadata label on its line ("  Date:  2015-05-10"). */
const LABEL_SPACE = 20;

/**
 * A news dateline at the head of a paragraph (BEIRUT, Feb 5 (Reuters) - …; 中新网8月23日电 …): the
 * mention that gives the report's day, when the place or agency before it and the mark after it
 * are as the language's narrative.json says.
 */
export function datelineMention(text: string, mentions: DateMention[], lang: Lang): DateMention | undefined {
  const res = loadDateResource(lang);
  // a post's metadata line ("Date: 2015-05-10 20:24") dates the report it heads
  const labels = res.datelineLabels ?? [];
  if (labels.length) {
    // what stands before the date on its line is a label or longer: a window of the longest label
    // (and some space) is all that needs reading, however long the paragraph
    const reach = Math.max(...labels.map((l) => l.length)) + LABEL_SPACE;
    const labelled = mentions.find((m) => {
      if (m.kind !== 'absolute' || m.invalid || m.rangeEnd || m.date?.day === undefined) return false;
      const from = Math.max(0, m.start - reach);
      const window = text.slice(from, m.start);
      const lineStart = window.lastIndexOf('\n');
      if (lineStart < 0 && from > 0) return false;
      const line = window.slice(lineStart + 1).trim();
      return labels.some((l) => line.toLowerCase() === l.toLowerCase());
    });
    if (labelled) return labelled;
  }
  if (!res.datelinePlace || !res.datelineMarks?.length) return undefined;
  const m = mentions[0];
  if (!m || m.kind !== 'absolute' || m.invalid || m.rangeEnd || m.date?.day === undefined || m.date.month === undefined) return undefined;
  if (!new RegExp(res.datelinePlace, 'u').test(text.slice(0, m.start))) return undefined;
  const after = text.slice(m.end).replace(/^\s*(?:\([^)]{1,30}\)|（[^）]{1,30}）)?/u, '');
  return res.datelineMarks.some((mark) => after.startsWith(mark) || after.startsWith(mark.trim())) ? m : undefined;
}
