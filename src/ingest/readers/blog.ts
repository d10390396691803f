/**
 * News blog posts (plain text): the first line is the post title, teaser lines ("LATEST: ...")
 * point at sections further down, the article is prose with short stand-alone headings, and
 * everything from a comment-section marker ("Related Posts") on is reader comments: one Skipped
 * per comment. Video captions ("Video from X:") are skipped as media.
 */
import type { ReadResult, Skipped } from '../blocks.ts';
import { assignSections, normalizeHeadingLevels } from '../sections.ts';
import { normalizeForCompare, skip } from './common.ts';
import { readProseLines, scanPageFacts } from './plaintext.ts';
import resources from './resources/blog.json' with { type: 'json' };

const commentStarts = new Set(resources.commentSectionStarts.map(normalizeForCompare));
const commentEnds = new Set(resources.commentSectionEnds.map(normalizeForCompare));
const mediaWord = new RegExp(`\\b(?:${resources.mediaWords.join('|')})\\b`, 'i');
const MAX_CAPTION_CHARS = 80;

export const isCommentSectionStart = (line: string) => commentStarts.has(normalizeForCompare(line));
export const isCommentSectionEnd = (line: string) => commentEnds.has(normalizeForCompare(line));
export const isTeaser = (line: string) => resources.teaserPrefixes.some((p) => line.trim().toUpperCase().startsWith(p.toUpperCase()));

/** A short line announcing an embedded video or photo that the scrape lost. */
export function isMediaCaption(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= MAX_CAPTION_CHARS && mediaWord.test(trimmed) && !/[.!?]$/.test(trimmed);
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

export function readBlog(text: string, file: string): ReadResult {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const titleAt = lines.findIndex((l) => l.trim() !== '');
  const title = titleAt >= 0 ? lines[titleAt].trim() : undefined;
  let commentsAt = lines.findIndex((l, i) => i > titleAt && isCommentSectionStart(l));
  if (commentsAt < 0) commentsAt = lines.findIndex((l, i) => i > titleAt && isCommentSectionEnd(l));
  const bodyEnd = commentsAt < 0 ? lines.length : commentsAt;
  const classify = (line: string): Skipped['kind'] | undefined => (isTeaser(line) ? 'navigation' : isMediaCaption(line) ? 'media' : undefined);
  const body = readProseLines(lines, titleAt + 1, bodyEnd, { file, facts: scanPageFacts([]), classify });
  const comments = commentsAt < 0 ? [] : splitComments(lines, commentsAt, lines.length);
  return {
    blocks: assignSections(normalizeHeadingLevels(body.blocks)),
    skipped: [...body.skipped, ...comments],
    warnings: [],
    title,
  };
}
