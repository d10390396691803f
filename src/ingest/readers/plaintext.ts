/**
 * Plain-text scrapes of encyclopedia pages. Works line by line: site chrome, a flattened infobox
 * before the first prose line, bare reference lists (`1. ^ a b ...`) and tables of contents
 * (`• Background 1`) are recognised by shape and skipped; short stand-alone lines are headings;
 * `[n]` markers become citations. Blocks come out in file order; sections as if the headings
 * came first (see ../sections.ts for documents written in reverse).
 */
import type { Citation } from '../../schema/records.ts';
import type { Block, ReadResult, Skipped } from '../blocks.ts';
import { assignSections, normalizeHeadingLevels } from '../sections.ts';
import { apparatusKind } from './apparatus.ts';
import { BlockText, appendWithMarkers, endsLikeSentence, extractNumericMarkers, normalizeForCompare, skip } from './common.ts';
import { isDateLikePhrase } from './dateLike.ts';
import { blankFileLinks, isMediaBlock, splitLeadingFileNames } from './media.ts';
import resources from './resources/plaintext.json' with { type: 'json' };

const boilerplatePhrases = resources.boilerplatePhrases.map((p) => p.toLowerCase());
const siteNames = new Set(resources.siteNameLines.map(normalizeForCompare));
const infoboxLabels = [...resources.infoboxLabels].sort((a, b) => b.length - a.length);

const REFERENCE_ENTRY = /^\s*(\d{1,4})\.\s+\^\s?(.*)$/;
const TOC_ENTRY = /^\s*[•·▪◦]\s+(.+?)\s+(\d{1,2}(?:\.\d{1,2}){0,4})\s*$/;
const BULLET = /^\s*[•·▪◦*-]\s/;
const MAX_HEADING_CHARS = 90;

export const isBoilerplateLine = (line: string): boolean => {
  const lower = line.toLowerCase();
  return boilerplatePhrases.some((p) => lower.includes(p));
};

const isTableRow = (line: string) => /^[\s|:-]*\|[\s|:-]*$/.test(line) || (line.match(/\|/g)?.length ?? 0) >= 1;

/** Cells of a flattened table row (`a | b |||`), without empty ones. */
export function tableCells(line: string): string[] {
  if (/^[\s|:-]+$/.test(line)) return [];
  return line
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean);
}

/** A line long and sentence-like enough to be article prose rather than infobox debris. */
export function isProseLine(line: string): boolean {
  const trimmed = extractNumericMarkers(line).text.trim();
  if (BULLET.test(line) || isTableRow(line)) return false;
  // Indented infobox cells are short; a page whose paragraphs are all indented (a post copied
  // from a reader app) still has prose. Han characters count as half a word each.
  if (/^\s/.test(line) && trimmed.length < 60) return false;
  const words = trimmed.split(/\s+/).length + (trimmed.match(/\p{Script=Han}/gu)?.length ?? 0) / 2;
  return words >= 12 || (trimmed.length >= 60 && endsLikeSentence(trimmed));
}

function referenceTitle(rest: string): string | undefined {
  // Drop the back-link letters "a b c" that precede the reference text.
  const text = rest.replace(/^(?:[a-z]\s+)*(?=\S)/, (letters) => (isBacklinkRun(letters) ? '' : letters)).trim();
  return text && !/^[a-z](?:\s+[a-z])*$/.test(text) ? text : undefined;
}

function isBacklinkRun(letters: string): boolean {
  const run = letters.trim().split(/\s+/);
  return run.every((l, i) => l === String.fromCharCode(97 + i));
}

/** What a page-level scan found: references, TOC, title. */
export interface PageFacts {
  references: Map<number, string>;
  toc: Map<string, number>;
}

export function scanPageFacts(lines: readonly string[]): PageFacts {
  const references = new Map<number, string>();
  const toc = new Map<string, number>();
  for (const line of lines) {
    const ref = REFERENCE_ENTRY.exec(line);
    if (ref) {
      const title = referenceTitle(ref[2]);
      if (title) references.set(Number(ref[1]), title);
      continue;
    }
    const entry = TOC_ENTRY.exec(line);
    if (entry) toc.set(normalizeForCompare(entry[1]), entry[2].split('.').length);
  }
  return { references, toc };
}

/** Infobox fields from flattened infobox lines: known labels start a field, other lines continue it. */
export function infoboxFromLines(lines: readonly string[]): Record<string, string> {
  const fields: Record<string, string[]> = {};
  let key: string | undefined;
  for (const raw of lines) {
    const cells = isTableRow(raw) ? tableCells(raw) : [raw.trim()].filter(Boolean);
    for (const cellRaw of cells) {
      const cell = extractNumericMarkers(cellRaw.replace(/^[•·▪◦*-]\s+/, '')).text.trim();
      if (!cell) continue;
      const label = infoboxLabels.find((l) => cell.toLowerCase() === l.toLowerCase() || cell.toLowerCase().startsWith(`${l.toLowerCase()} `));
      if (label) {
        key = label;
        const rest = cell.slice(label.length).trim();
        fields[key] ??= [];
        if (rest) fields[key].push(rest);
        continue;
      }
      const k = key ?? 'name';
      (fields[k] ??= []).push(cell);
    }
  }
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v.length > 0).map(([k, v]) => [k, v.join('; ')]));
}

/**
 * How a paragraph may begin: a capital, a CJK character, an opening quote or bracket, or (in
 * Chinese, where paragraphs often open with their date) a digit. A lower-case start continues the
 * line above instead.
 */
function startsParagraph(line: string): boolean {
  return /^[\p{Lu}\p{Lo}"“‘'(（]/u.test(line) || (/^\d/.test(line) && /\p{Script=Han}/u.test(line));
}

export interface ProseOptions {
  file: string;
  facts: PageFacts;
  /** Extra per-line classification (blog teasers, captions); undefined = not special. */
  classify?: (line: string, index: number) => Skipped['kind'] | undefined;
  /** Which short media lines are captions: only those ending in a colon (articles) or any (blog posts). */
  captions?: 'colon' | 'any';
}

/**
 * Reads lines [from, to) of body text into blocks. Blank lines separate blocks; a short line
 * without sentence punctuation, standing alone or right above a paragraph, is a heading (levels
 * from the TOC when there is one).
 */
export function readProseLines(lines: readonly string[], from: number, to: number, options: ProseOptions): { blocks: Block[]; skipped: Skipped[] } {
  const blocks: Block[] = [];
  const skipped: Skipped[] = [];
  const { facts } = options;
  const citationFor = (n: number): Citation => ({ title: facts.references.get(n) ?? `[${n}]` });
  let lastSkip: Skipped | undefined;
  let skippingSection: { kind: Skipped['kind']; level: number } | undefined;
  const blank = (i: number) => i < from || i >= to || lines[i].trim() === '';

  // Runs of the same apparatus (a reference list, a TOC, a footer) are reported once, at their first line.
  const addSkip = (kind: Skipped['kind'], lineNo: number, text: string, group: boolean) => {
    if (group && lastSkip?.kind === kind) return;
    lastSkip = skip(kind, lineNo, text);
    skipped.push(lastSkip);
  };

  for (let i = from; i < to; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const lineNo = i + 1;
    const special: Skipped['kind'] | undefined = REFERENCE_ENTRY.test(line)
      ? 'references'
      : TOC_ENTRY.test(line)
        ? 'toc'
        : isBoilerplateLine(line)
          ? 'boilerplate'
          : options.classify?.(line, i) ??
            (!skippingSection && isMediaBlock(extractNumericMarkers(trimmed).text, options.captions ?? 'colon') ? 'media' : undefined);
    if (special) {
      addSkip(special, lineNo, trimmed, special !== 'media' && special !== 'comments');
      continue;
    }
    lastSkip = undefined;
    const tocLevel = facts.toc.get(normalizeForCompare(trimmed));
    const standsAlone = blank(i - 1) && blank(i + 1);
    const headingShaped =
      trimmed.length <= MAX_HEADING_CHARS && !endsLikeSentence(trimmed) && !/\[\d+\]/.test(trimmed) && !BULLET.test(line) && !isDateLikePhrase(trimmed);
    // Scrapes often drop the blank line between a heading and its first paragraph.
    const leadsParagraph = blank(i - 1) && !blank(i + 1) && isProseLine(lines[i + 1]) && startsParagraph(lines[i + 1].trim());
    const isHeading = tocLevel !== undefined || (facts.toc.size === 0 && headingShaped && (standsAlone || leadsParagraph));
    if (isHeading) {
      const level = tocLevel ?? 1;
      if (skippingSection && level <= skippingSection.level) skippingSection = undefined;
      const kind = apparatusKind(trimmed);
      if (kind) skippingSection = { kind, level };
      if (skippingSection) {
        skipped.push(skip(skippingSection.kind, lineNo, trimmed));
        continue;
      }
      blocks.push({ kind: 'heading', level, text: trimmed, section: [], line: lineNo, links: [], citations: [] });
      continue;
    }
    // Hard-wrapped paragraphs: join following lines while the sentence is visibly unfinished.
    let paragraph = trimmed;
    while (i + 1 < to && !blank(i + 1) && lines[i].trim().length >= 50 && !endsLikeSentence(lines[i]) && /^[a-z(“"'‘]/.test(lines[i + 1].trim())) {
      i++;
      paragraph += ` ${lines[i].trim()}`;
    }
    if (skippingSection) {
      skipped.push(skip(skippingSection.kind, lineNo, paragraph));
      continue;
    }
    // An image's file name left at the head of the paragraph beside it.
    const media = splitLeadingFileNames(paragraph);
    if (media.removed) {
      skipped.push(skip('media', lineNo, media.removed));
      paragraph = media.text;
    }
    const text = new BlockText();
    appendWithMarkers(text, paragraph, citationFor);
    const built = text.value();
    if (!built.text) continue;
    const kind: Block['kind'] = BULLET.test(line) ? 'listItem' : isDateLikePhrase(built.text) ? 'dateLine' : 'paragraph';
    blocks.push({ kind, text: BULLET.test(line) ? built.text.replace(/^[•·▪◦*-]\s+/, '') : built.text, section: [], line: lineNo, links: [], citations: built.citations });
  }
  return { blocks, skipped };
}

/** Splits off the page head: boilerplate, title, and (when evidenced) the flattened infobox. */
export function readPageHead(lines: readonly string[]): { title?: string; bodyStart: number; skipped: Skipped[]; infobox?: Record<string, string> } {
  const skipped: Skipped[] = [];
  let i = 0;
  let title: string | undefined;
  for (; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (trimmed === '') continue;
    if (isBoilerplateLine(trimmed) || (!title && siteNames.has(normalizeForCompare(trimmed)))) {
      skipped.push(skip('boilerplate', i + 1, trimmed));
      continue;
    }
    if (!title) {
      if (isProseLine(lines[i])) break;
      title = isTableRow(trimmed) ? tableCells(trimmed)[0] : trimmed;
      if (!isTableRow(trimmed)) continue;
      break; // a table row carrying the title starts the infobox itself
    }
    if (normalizeForCompare(trimmed) === normalizeForCompare(title) && !isTableRow(trimmed)) {
      skipped.push(skip('boilerplate', i + 1, trimmed));
      continue;
    }
    break;
  }
  // Infobox debris: everything before the first prose line, when it carries infobox labels or table rows.
  let proseAt = i;
  while (proseAt < lines.length && (lines[proseAt].trim() === '' || !isProseLine(lines[proseAt]))) proseAt++;
  const head = lines.slice(i, proseAt).filter((l) => l.trim() !== '');
  const labelled = head.some((l) => isTableRow(l) || infoboxLabels.some((label) => l.trim().toLowerCase().startsWith(label.toLowerCase())));
  if (head.length > 0 && labelled) {
    const firstLine = lines.slice(i, proseAt).findIndex((l) => l.trim() !== '') + i;
    skipped.push(skip('infobox', firstLine + 1, head[0]));
    const infobox = infoboxFromLines(head);
    return { title, bodyStart: proseAt, skipped, infobox };
  }
  return { title, bodyStart: i, skipped };
}

export function readPlaintext(source: string, file: string): ReadResult {
  // Wiki file links a scrape kept whole (captions over several lines) are media.
  const { text, links: fileLinks } = blankFileLinks(source.replace(/\r\n?/g, '\n'));
  const lines = text.split('\n');
  const facts = scanPageFacts(lines);
  const head = readPageHead(lines);
  const body = readProseLines(lines, head.bodyStart, lines.length, { file, facts });
  const skipped = [...fileLinks.map((l) => skip('media', l.line, l.text)), ...head.skipped, ...body.skipped].sort((a, b) => a.line - b.line);
  const result: ReadResult = {
    blocks: assignSections(normalizeHeadingLevels(body.blocks)),
    skipped,
    warnings: [],
    title: head.title,
  };
  if (head.infobox) result.infobox = head.infobox;
  return result;
}

