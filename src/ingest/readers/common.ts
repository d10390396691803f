/**
 * Pieces every reader shares: a builder that accumulates a block's plain text while anchoring
 * citations and collecting link targets, numeric citation markers, and small text helpers.
 */
import type { Citation } from '../../schema/records.ts';
import type { AnchoredCitation, Block, BlockKind, Skipped } from '../blocks.ts';

/**
 * Accumulates the plain text of one block. Whitespace is collapsed as it arrives (so citation
 * offsets recorded mid-way stay valid after trimming) and nothing is ever removed afterwards
 * except one trailing space.
 */
export class BlockText {
  private text = '';
  /** Whitespace arrives collapsed, so the text ends in at most one space: tracked, never searched. */
  private trailingSpace = false;
  readonly links: string[] = [];
  private readonly linked = new Set<string>();
  readonly citations: AnchoredCitation[] = [];

  append(piece: string): void {
    for (const part of piece.split(/(\s+)/)) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) {
        if (this.text !== '' && !this.trailingSpace) {
          this.text += ' ';
          this.trailingSpace = true;
        }
      } else {
        this.text += part;
        this.trailingSpace = false;
      }
    }
  }

  cite(citation: Citation): void {
    this.citations.push({ offset: this.length, citation });
  }

  link(target: string): void {
    if (target && !this.linked.has(target)) {
      this.linked.add(target);
      this.links.push(target);
    }
  }

  get length(): number {
    return this.text.length - (this.trailingSpace ? 1 : 0);
  }

  isEmpty(): boolean {
    return this.text === '';
  }

  value(): { text: string; links: string[]; citations: AnchoredCitation[] } {
    const text = this.text.trimEnd();
    const citations = this.citations.map((c) => ({ offset: Math.min(c.offset, text.length), citation: c.citation }));
    return { text, links: [...this.links], citations };
  }
}

export function makeBlock(
  kind: BlockKind,
  built: { text: string; links: string[]; citations: AnchoredCitation[] },
  line: number,
  section: string[],
  level?: number,
): Block {
  const block: Block = { kind, text: built.text, section: [...section], line, links: built.links, citations: built.citations };
  if (level !== undefined) block.level = level;
  return block;
}

/** The first few words of a line or block, for skipped-stretch reports. */
export function firstWords(text: string, maxChars = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}

export function skip(kind: Skipped['kind'], line: number, text: string): Skipped {
  return { kind, line, firstWords: firstWords(text) };
}

export interface NumericMarker {
  offset: number;
  number: number;
}

/**
 * Removes footnote markers like `[14]` from plain text, returning where each stood in the cleaned
 * text. Only bracketed digits count: editorial brackets such as `[ISIS must]` are prose.
 */
export function extractNumericMarkers(text: string): { text: string; markers: NumericMarker[] } {
  const markers: NumericMarker[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\[(\d{1,4})\]/g)) {
    out += text.slice(last, m.index);
    markers.push({ offset: out.length, number: Number(m[1]) });
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  return { text: out, markers };
}

/** Appends text containing `[n]` markers to a builder, turning each marker into a citation. */
export function appendWithMarkers(into: BlockText, text: string, citationFor: (n: number) => Citation): void {
  const { text: clean, markers } = extractNumericMarkers(text);
  let last = 0;
  for (const marker of markers) {
    into.append(clean.slice(last, marker.offset));
    into.cite(citationFor(marker.number));
    last = marker.offset;
  }
  into.append(clean.slice(last));
}

/**
 * `-{ ... }-` language-conversion markup as it survives in converted or scraped wiki text: keeps
 * the zh-cn/zh-hans variant of a `variant:text;...` rule, otherwise the content itself.
 */
export function resolveConversionMarkup(text: string, variantPreference: readonly string[]): string {
  if (!text.includes('-{')) return text;
  return text.replace(/-\{([^{}]*)\}-/g, (_all, inner: string) => pickVariant(inner, variantPreference));
}

export function pickVariant(inner: string, variantPreference: readonly string[]): string {
  const body = inner.includes('|') ? inner.slice(inner.indexOf('|') + 1) : inner;
  const rules = body
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean);
  const variants = new Map<string, string>();
  for (const rule of rules) {
    const m = /^(zh(?:-[a-z]{2,4})?)\s*:(.*)$/i.exec(rule);
    if (m) variants.set(m[1].toLowerCase(), m[2].trim());
  }
  if (variants.size === 0) return body;
  for (const v of variantPreference) if (variants.has(v)) return variants.get(v)!;
  return [...variants.values()][0];
}

/** Normalises a wiki article title used as a link target: spaces for underscores, no fragment. */
export function normalizeTitle(raw: string): string {
  let title = raw;
  try {
    title = decodeURIComponent(raw);
  } catch {
    // A stray % is part of the title.
  }
  const hash = title.indexOf('#');
  if (hash >= 0) title = title.slice(0, hash);
  return title.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Markup that should never survive into block text; used to detect and repair broken input. */
export const MARKUP_RESIDUE = /\{\{|\}\}|\[\[|\]\]|<ref|<\/ref|-\{|\}-|\*\*|\\\[|\]\(http/i;

/**
 * Cuts unparsed markup out of a block's text (input cut off inside a template, unbalanced
 * brackets). Removes from an opening marker to its closer, or to the end when it never closes.
 * Returns whether anything had to be removed so the caller can warn.
 */
export function scrubResidue(text: string): { text: string; repaired: boolean } {
  if (!MARKUP_RESIDUE.test(text)) return { text, repaired: false };
  let out = text;
  out = cutBetween(out, '{{', '}}');
  out = cutBetween(out, '<ref', '</ref>');
  out = out.replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1');
  out = out.replace(/<\/?ref[^>]*>?/gi, '');
  out = out.replace(/\{\{|\}\}|\[\[|\]\]|-\{|\}-|\*\*|\\(?=[[\]])/g, '');
  out = out.replace(/\]\(https?:[^)\s]*\)?/g, ']');
  out = out.replace(/\s+/g, ' ').trim();
  return { text: out, repaired: true };
}

function cutBetween(text: string, open: string, close: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf(open, i);
    if (start < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, start);
    const end = text.indexOf(close, start + open.length);
    if (end < 0) break; // never closed: drop the rest
    i = end + close.length;
  }
  return out;
}

/** True when a line ends like a sentence (any script). */
export function endsLikeSentence(line: string): boolean {
  // Closing brackets do not count: infobox debris like "(FSA Chief of Staff)" or "killed[35]" ends in them.
  return /[.!?。！？…:：;；"”’»]$/.test(line.trim());
}

export function normalizeForCompare(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The 1-based line of an offset in `text` (binary search over its line starts, found once). */
export function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
