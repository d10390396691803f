/**
 * Markup nested deeper than any article needs (3,000 templates inside each other, 2,500 list
 * levels) makes the parsers recurse until the stack overflows, or spend time that grows with the
 * square of the depth. A linear scan finds such stretches before parsing; the parser gets the text
 * with the too-deep part blanked out (same length, same line breaks, so every offset and line of
 * the rest holds), and the blanked part is read as plain text, markup characters removed, with a
 * warning naming the line where the nesting went too deep. The rest of the file parses as usual.
 */
import type { Warning } from '../../schema/records.ts';
import type { Block } from '../blocks.ts';
import { assignSections } from '../sections.ts';
import { BlockText, lineFinder, scrubResidue } from './common.ts';
import { isDateLikePhrase } from './dateLike.ts';

/** Far beyond real articles (a few levels of templates or lists), far below what overflows a parser. */
export const MAX_NESTING = 64;
/** Regions reported one by one; more get one summary warning. */
const MAX_REGION_WARNINGS = 10;

/** A stretch [start, end) of the text (UTF-16 offsets) that is nested too deep to parse. */
export interface DeepRegion {
  start: number;
  end: number;
  /** Deepest nesting met in it (for Markdown, counted only until it passes the limit). */
  depth: number;
}

/**
 * Wikitext: templates and parameters ({{ }}, {{{ }}}), language conversion (-{ }-), links
 * ([[ ]]) and tables ({| |}). A region starts at the opener one level past the limit and ends at
 * the closer that brings the nesting back to the limit (or at the end of the text), so what the
 * parser keeps stays balanced. Comments and <nowiki> hold no markup and are not counted.
 */
export function deepWikitextRegions(text: string, max = MAX_NESTING): DeepRegion[] {
  const regions: DeepRegion[] = [];
  let depth = 0;
  let open: DeepRegion | undefined;
  const opened = (at: number) => {
    depth++;
    if (depth === max + 1 && !open) open = { start: at, end: text.length, depth };
    if (open && depth > open.depth) open.depth = depth;
  };
  const closed = (after: number) => {
    if (depth === 0) return;
    depth--;
    if (open && depth === max) {
      open.end = after;
      regions.push(open);
      open = undefined;
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      const skipTo = opaqueEnd(text, i);
      if (skipTo > i) {
        i = skipTo - 1;
        continue;
      }
    }
    const next = text.charCodeAt(i + 1);
    if (c === 0x7b /* { */ && (next === 0x7b || next === 0x7c /* | */)) {
      opened(i);
      i++;
    } else if (c === 0x7d /* } */ && next === 0x7d) {
      closed(i + 2);
      i++;
    } else if (c === 0x7c /* | */ && next === 0x7d && (i === 0 || text.charCodeAt(i - 1) === 0x0a || /^\s*$/.test(lineBefore(text, i)))) {
      closed(i + 2);
      i++;
    } else if (c === 0x2d /* - */ && next === 0x7b) {
      opened(i);
      i++;
    } else if (c === 0x7d && next === 0x2d) {
      closed(i + 2);
      i++;
    } else if (c === 0x5b /* [ */ && next === 0x5b) {
      opened(i);
      i++;
    } else if (c === 0x5d /* ] */ && next === 0x5d) {
      closed(i + 2);
      i++;
    }
  }
  if (open) regions.push(open);
  return regions;
}

/** End of a comment or <nowiki>/<pre> element starting at `i`, or `i` when none starts there. */
function opaqueEnd(text: string, i: number): number {
  if (text.startsWith('<!--', i)) {
    const end = text.indexOf('-->', i + 4);
    return end < 0 ? text.length : end + 3;
  }
  const m = /^<(nowiki|pre)\b[^>]{0,200}>/i.exec(text.slice(i, i + 240));
  if (!m || m[0].endsWith('/>')) return i;
  const close = new RegExp(`</${m[1]}`, 'gi');
  close.lastIndex = i + m[0].length;
  const found = close.exec(text);
  return found ? found.index : i;
}

/** The text of the line before offset `i` (bounded: only whitespace matters). */
function lineBefore(text: string, i: number): string {
  const from = text.lastIndexOf('\n', i - 1) + 1;
  return i - from > 16 ? 'x' : text.slice(from, i);
}

const CONTAINER_MARKER = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * Markdown: block containers (block quotes, list items) nest by markers at the start of a line
 * (`- - - x`, `> > x`) and by indentation (each level of a nested list indents the line a little
 * more). A line counts as too deep when its markers plus its indentation in two-column steps pass
 * the limit; each run of such lines is one region, whole lines.
 */
export function deepMarkdownRegions(text: string, max = MAX_NESTING): DeepRegion[] {
  const regions: DeepRegion[] = [];
  let open: DeepRegion | undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const depth = markdownLineDepth(text, start, end, max);
    if (depth > max) {
      if (open) open.depth = Math.max(open.depth, depth);
      else open = { start, end, depth };
      open.end = end;
    } else if (open && text.slice(start, end).trim() !== '') {
      regions.push(open);
      open = undefined;
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  if (open) regions.push(open);
  return regions;
}

/** Container depth of one line, counted only as far as needed to know it passes `max`. */
function markdownLineDepth(text: string, start: number, end: number, max: number): number {
  let i = start;
  let depth = 0;
  let columns = 0;
  for (;;) {
    // Indentation: two columns per level (a tab is four).
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 0x20) columns++;
      else if (c === 0x09) columns += 4;
      else break;
      i++;
    }
    if (depth + Math.floor(columns / 2) > max) break;
    const marker = CONTAINER_MARKER.exec(text.slice(i, Math.min(end, i + 12)));
    if (!marker) break;
    depth++;
    i += marker[0].length;
  }
  return depth + Math.floor(columns / 2);
}

/** The text with every region blanked: each character but a line break becomes a space. */
export function blankRegions(text: string, regions: readonly DeepRegion[]): string {
  if (regions.length === 0) return text;
  let out = '';
  let last = 0;
  for (const r of regions) {
    out += text.slice(last, r.start) + text.slice(r.start, r.end).replace(/[^\n]/g, ' ');
    last = r.end;
  }
  return out + text.slice(last);
}


/** Markup characters of either format that carry no text of their own. */
const WIKI_DELIMITERS = /\{\{\{?|\}\}\}?|\{\||\|\}|-\{|\}-|\[\[|\]\]|'{2,}|<\/?[a-z][^<>\n]{0,200}>|<!--|-->|\|/gi;
const MARKDOWN_CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+[ \t]*/;

/**
 * Reads each region as plain text: markup delimiters removed, whitespace collapsed, one block per
 * paragraph (blank lines separate paragraphs; in Markdown each line that opened a list item or
 * quote starts a block of its own).
 */
export function readRegionsAsText(text: string, regions: readonly DeepRegion[], format: 'wikitext' | 'markdown', file: string): { blocks: Block[]; warnings: Warning[] } {
  const lineOf = lineFinder(text);
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  regions.forEach((region, index) => {
    const firstLine = lineOf(region.start);
    const lastLine = lineOf(Math.max(region.start, region.end - 1));
    if (index < MAX_REGION_WARNINGS) {
      warnings.push({
        file,
        line: firstLine,
        message: `markup nested more than ${MAX_NESTING} levels deep at line ${firstLine}: read as plain text ${lastLine > firstLine ? `from line ${firstLine} to line ${lastLine}` : 'on that line'}`,
      });
    } else if (index === MAX_REGION_WARNINGS) {
      warnings.push({ file, line: firstLine, message: `${regions.length - MAX_REGION_WARNINGS} more stretches of markup nested too deep, from line ${firstLine} on, read as plain text` });
    }
    let current: { text: BlockText; line: number; item: boolean } | undefined;
    const flush = () => {
      if (!current) return;
      const built = current.text.value();
      const scrubbed = scrubResidue(built.text).text;
      if (/[\p{L}\p{N}]/u.test(scrubbed)) {
        blocks.push({ kind: isDateLikePhrase(scrubbed) ? 'dateLine' : current.item ? 'listItem' : 'paragraph', text: scrubbed, section: [], line: current.line, links: [], citations: [] });
      }
      current = undefined;
    };
    let lineNo = firstLine;
    const body = text.slice(region.start, region.end);
    for (const raw of body.split('\n')) {
      let line = raw;
      let opensBlock = false;
      let item = false;
      if (format === 'markdown') {
        const markers = MARKDOWN_CONTAINERS.exec(line);
        if (markers) {
          opensBlock = /[^ \t]/.test(markers[0]);
          item = /[-+*\d]/.test(markers[0]);
          line = line.slice(markers[0].length);
        }
      }
      const plain = line.replace(WIKI_DELIMITERS, ' ');
      if (plain.trim() === '') {
        flush();
      } else {
        if (opensBlock) flush();
        current ??= { text: new BlockText(), line: lineNo, item };
        current.text.append(`${plain} `);
      }
      lineNo++;
    }
    flush();
  });
  return { blocks, warnings };
}

/** Puts the blocks read as text among the parsed ones, by line, and recomputes the sections. */
export function mergeByLine(parsed: readonly Block[], extra: readonly Block[]): Block[] {
  if (extra.length === 0) return [...parsed];
  const out: Block[] = [];
  let j = 0;
  for (const block of parsed) {
    while (j < extra.length && extra[j]!.line < block.line) out.push(extra[j++]!);
    out.push(block);
  }
  while (j < extra.length) out.push(extra[j++]!);
  return assignSections(out);
}
