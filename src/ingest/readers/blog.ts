/**
 * News blog posts (plain text): the first line is the post title, teaser lines ("LATEST: ...")
 * point at sections further down, the article is prose with short stand-alone headings, and the
 * reader comments at the end are skipped, one Skipped per comment.
 *
 * - The comment thread starts at a header ("Related Posts", "Comments", "3 Responses to …") only
 *   when real comments follow it: several numbered or bulleted items, author or time lines, a
 *   comment form (see findCommentThread). A "Discussion" section with one bullet is article text.
 * - Captions of embedded videos and photos the scrape lost ("Video from Atareb:", "A
 *   demonstration in Massaknat:") are skipped as media: any short line announcing media, or a
 *   short line ending in a colon that introduces nothing the text goes on with (see isCaption).
 * - A quotation stays with the sentence that introduces its speaker ("An analyst evaluates:"): the
 *   paragraphs quoted after it join its block, up to a heading, another introduction, a question,
 *   a list or a skipped line; a paragraph that is only a quotation (“…”) joins the one before it.
 */
import type { Block, ReadResult, Skipped } from '../blocks.ts';
import { assignSections, normalizeHeadingLevels } from '../sections.ts';
import { normalizeForCompare, skip } from './common.ts';
import { isMediaLine } from './media.ts';
import { readProseLines, scanPageFacts } from './plaintext.ts';
import resources from './resources/blog.json' with { type: 'json' };

const commentStarts = new Set(resources.commentSectionStarts.map(normalizeForCompare));
const commentEnds = new Set(resources.commentSectionEnds.map(normalizeForCompare));
const COUNTED_HEADER = new RegExp(`^\\d{1,5}\\s+(?:${resources.commentCountWords.join('|')})\\b`, 'iu');
const quotationWord = new RegExp(`\\b(?:${resources.quotationWords.join('|')})\\b`, 'iu');
const forwardWord = new RegExp(`\\b(?:${resources.forwardWords.join('|')})\\b`, 'iu');
const signatureEnds = resources.commentSignatureEnds.map((s) => s.toLowerCase());
const MAX_CAPTION_CHARS = 80;
const MAX_SIGNATURE_CHARS = 80;

export const isCommentSectionStart = (line: string) => commentStarts.has(normalizeForCompare(line)) || COUNTED_HEADER.test(line.trim());
export const isCommentSectionEnd = (line: string) => commentEnds.has(normalizeForCompare(line));
export const isTeaser = (line: string) => resources.teaserPrefixes.some((p) => line.trim().toUpperCase().startsWith(p.toUpperCase()));

const NUMBERED_ITEM = /^\s*\d{1,4}\.\s+\S/;
const BULLETED_ITEM = /^\s*[•·▪◦*-]\s+\S/;
/** Reference lists ("12. ^ a b …") and tables of contents ("• Background 1") are not comments. */
const isApparatusItem = (line: string) => /^\s*\d{1,4}\.\s+\^/.test(line) || /\s\d+(?:\.\d+)*\s*$/.test(line);

/** A line that starts one reader comment: a numbered item or a bullet. */
export const isCommentItem = (line: string): boolean => (NUMBERED_ITEM.test(line) || BULLETED_ITEM.test(line)) && !isApparatusItem(line);

/** A line naming a comment's author or time: "Maria says:", "January 4, 2014 at 3:15 pm". */
export function isCommentSignature(line: string): boolean {
  const t = line.trim();
  if (t === '' || t.length > MAX_SIGNATURE_CHARS) return false;
  const lower = t.toLowerCase();
  return signatureEnds.some((end) => lower.endsWith(end)) || /\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\b/i.test(t);
}

/**
 * Where the reader comments begin (0-based line index), or undefined when the text has no
 * comment thread. A header counts when at least `minThreadEvidence` comment items, author or
 * time lines and comment forms follow it, the first within `threadStartWithin` lines.
 */
export function findCommentThread(lines: readonly string[]): number | undefined {
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i]!;
    if (!isCommentSectionStart(header)) continue;
    let evidence = 0;
    let seen = 0;
    let started = false;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      if (line.trim() === '') continue;
      if (isCommentSectionStart(line) && !started) break;
      seen++;
      const counts = isCommentItem(line) || isCommentSignature(line) || isCommentSectionEnd(line);
      if (counts) {
        evidence++;
        started = true;
      } else if (!started && seen >= resources.threadStartWithin) break;
    }
    if (evidence >= resources.minThreadEvidence) return i;
  }
  return undefined;
}

/** Reader comments: a numbered item or a bulleted reply starts a comment; indented lines continue it. */
export function splitComments(lines: readonly string[], from: number, to: number): Skipped[] {
  const skipped: Skipped[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (isCommentSectionStart(trimmed)) skipped.push(skip('navigation', i + 1, trimmed));
    else if (isCommentSectionEnd(trimmed)) skipped.push(skip('comments', i + 1, trimmed));
    else if (/^\s*\d{1,4}\.\s/.test(line) || /^\s*[•·▪◦]\s/.test(line) || !/^\s/.test(line)) {
      skipped.push(skip('comments', i + 1, trimmed.replace(/^(?:\d{1,4}\.|[•·▪◦])\s+/, '')));
    }
    // Indented continuation lines belong to the comment above.
  }
  return skipped;
}

const endsWithColon = (text: string) => /[:：]$/u.test(text.trim());

/**
 * A caption whose video or photo the scrape lost: a short media line ("Video from Atareb:"), or a
 * short line ending in a colon that introduces nothing the text goes on with: no word of saying
 * or pointing ahead in it ("told", "the following"), and no list after it ("Salaheddin in Aleppo
 * city:"). `next` is the next non-blank line.
 */
export function isCaption(line: string, next = ''): boolean {
  const t = line.trim();
  if (isMediaLine(t)) return true;
  if (t.length > MAX_CAPTION_CHARS || !endsWithColon(t) || quotationWord.test(t) || forwardWord.test(t)) return false;
  return !isCommentItem(next);
}

/** Last line (1-based) of the paragraph that starts at `line`: the line before the next blank one. */
function lastLineOf(lines: readonly string[], line: number): number {
  let i = line - 1;
  while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') i++;
  return i + 1;
}

/** A paragraph that is nothing but a quotation: “…” with no words outside the quotation marks. */
export function isBareQuotation(text: string): boolean {
  const t = text.trim();
  const m = /^[“"«「『„]([\s\S]*)[”"»」』“]([^\p{L}\p{N}]*)$/u.exec(t);
  return !!m && !/[“”"«»「」『』]/u.test(m[1]!.replace(/[‘’']/g, ''));
}

/** Last source line of a block, joined ones included (their newlines stand for source lines). */
const endLineOf = (block: Block, lines: readonly string[]) => lastLineOf(lines, block.line + (block.text.match(/\n/g)?.length ?? 0));

/** `b` appended to `a`, one newline per source line between them so passages keep their lines. */
function joinBlocks(a: Block, b: Block, lines: readonly string[]): Block {
  const gap = Math.max(1, b.line - endLineOf(a, lines));
  const head = `${a.text}${'\n'.repeat(gap)}`;
  return {
    ...a,
    text: head + b.text,
    citations: [...a.citations, ...b.citations.map((c) => ({ offset: c.offset + head.length, citation: c.citation }))],
    links: [...a.links, ...b.links.filter((l) => !a.links.includes(l))],
  };
}

/**
 * Joins each quotation to the paragraph that introduces it (one ending in a colon). The joined
 * text keeps one newline per line between the parts, so a passage cut from it has its true line.
 */
export function keepQuotationsWithSpeakers(blocks: Block[], lines: readonly string[], skippedLines: ReadonlySet<number>): Block[] {
  const out: Block[] = [];
  const skippedBetween = (from: number, to: number) => [...skippedLines].some((l) => l > from && l < to);
  for (let i = 0; i < blocks.length; i++) {
    const intro = blocks[i]!;
    const previous = out[out.length - 1];
    if (previous?.kind === 'paragraph' && intro.kind === 'paragraph' && isBareQuotation(intro.text) && !skippedBetween(endLineOf(previous, lines), intro.line)) {
      // A paragraph that is only a quotation belongs to the sentence before it, which names the speaker.
      out[out.length - 1] = joinBlocks(previous, intro, lines);
      continue;
    }
    if (intro.kind !== 'paragraph' || !endsWithColon(intro.text)) {
      out.push(intro);
      continue;
    }
    let joined = intro;
    let quoted = 0;
    while (i + 1 < blocks.length) {
      const next = blocks[i + 1]!;
      const ends =
        next.kind !== 'paragraph' ||
        endsWithColon(next.text) ||
        skippedBetween(endLineOf(joined, lines), next.line) ||
        (quoted > 0 && /[?？]$/u.test(next.text.trim()));
      if (ends) break;
      joined = joinBlocks(joined, next, lines);
      quoted++;
      i++;
    }
    out.push(joined);
  }
  return out;
}

export function readBlog(text: string, file: string): ReadResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleAt = lines.findIndex((l) => l.trim() !== '');
  const title = titleAt >= 0 ? lines[titleAt].trim() : undefined;
  const thread = findCommentThread(lines);
  // Without a thread, a comment form ("Leave a Reply") still ends the post.
  const form = lines.findIndex((l, i) => i > titleAt && isCommentSectionEnd(l));
  const bodyEnd = thread ?? (form >= 0 ? form : lines.length);
  const nextLine = (i: number) => lines.slice(i + 1, bodyEnd).find((l) => l.trim() !== '') ?? '';
  const classify = (line: string, i: number): Skipped['kind'] | undefined =>
    isTeaser(line) ? 'navigation' : isCaption(line, nextLine(i)) ? 'media' : undefined;
  const body = readProseLines(lines, titleAt + 1, bodyEnd, { file, facts: scanPageFacts([]), classify, captions: 'any' });
  const comments = bodyEnd < lines.length ? splitComments(lines, bodyEnd, lines.length) : [];
  const skippedLines = new Set(body.skipped.map((s) => s.line));
  return {
    blocks: assignSections(normalizeHeadingLevels(keepQuotationsWithSpeakers(body.blocks, lines, skippedLines))),
    skipped: [...body.skipped, ...comments],
    warnings: [],
    title,
  };
}
