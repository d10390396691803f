/**
 * Linear-time views of one paragraph for the anchor rules (anchors.ts). The rules ask, for every
 * date mention, about the text around it: the clause before it, the rest of its clause, the words
 * right after it. Asked naively (slice, strip citations, search) each question costs the length of
 * the clause, and a paragraph of thousands of mentions in one long clause costs the square of its
 * length. These helpers answer the same questions from scans made once per paragraph, or from
 * cursors that move forward as the mentions do (mentions come in text order), or from a bounded
 * window around the mention.
 */

/** Footnote markers the anchor rules read through: [12], \[12\] (escaped), [a]. */
export const CITATION = /\[\d+\]|\\\[\d+\\\]|\[[a-z]\]/g;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regex source of one listed word: spaces match any whitespace; word edges where the language has them. */
export function wordSource(word: string, wordEdge: boolean): string {
  const body = escapeRe(word).replace(/ /g, '\\s+');
  return wordEdge ? `(?<![\\p{L}])${body}(?![\\p{L}])` : body;
}

/** One compiled pattern per listed word (global, case-insensitive), built once per word list. */
export function wordPatterns(words: readonly string[], wordEdge: boolean): RegExp[] {
  return words.map((w) => new RegExp(wordSource(w, wordEdge), 'giu'));
}

/**
 * Every occurrence of any of the word `patterns` (wordPatterns) in a text, found on the first
 * question. `within(from, to)` tells whether one lies wholly inside [from, to); asked with `to`
 * never decreasing, all the questions together cost one pass. Occurrences inside an occurrence
 * of one of the `except` patterns do not count (是 inside 但是 is not a copula).
 */
export class Occurrences {
  private spans: { start: number; end: number }[] | undefined;
  private cursor = 0;
  private maxStart = -1;
  private lastTo = -1;

  private readonly text: string;
  private readonly patterns: readonly RegExp[];
  private readonly except: readonly RegExp[];

  constructor(text: string, patterns: readonly RegExp[], except: readonly RegExp[] = []) {
    this.text = text;
    this.patterns = patterns;
    this.except = except;
  }

  private build(): { start: number; end: number }[] {
    const find = (list: readonly RegExp[]) => list.flatMap((re) => [...this.text.matchAll(re)].map((m) => ({ start: m.index!, end: m.index! + m[0].length })));
    // An occurrence is excluded when an excluded one starts at or before it and ends at or after it.
    const excluded = find(this.except).sort((a, b) => a.start - b.start);
    const reach: number[] = [];
    excluded.forEach((x, i) => reach.push(Math.max(x.end, i > 0 ? reach[i - 1]! : -1)));
    const inside = (s: { start: number; end: number }) => {
      let lo = 0;
      let hi = excluded.length - 1;
      let at = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (excluded[mid]!.start <= s.start) {
          at = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return at >= 0 && reach[at]! >= s.end;
    };
    return find(this.patterns)
      .filter((s) => !inside(s))
      .sort((a, b) => a.end - b.end);
  }

  within(from: number, to: number): boolean {
    if (this.patterns.length === 0) return false;
    const spans = (this.spans ??= this.build());
    if (to < this.lastTo) {
      this.cursor = 0;
      this.maxStart = -1;
    }
    this.lastTo = to;
    while (this.cursor < spans.length && spans[this.cursor]!.end <= to) {
      this.maxStart = Math.max(this.maxStart, spans[this.cursor]!.start);
      this.cursor++;
    }
    return this.maxStart >= from;
  }
}

/**
 * The last match of a global regex inside [from, to), as `text.slice(from, to).matchAll(re)`
 * finds it, for a regex whose matches are at most `maxLength` long and depend on nothing outside
 * themselves (no lookaround). Questions with the same `from` and a `to` that does not go back
 * (the mentions of one clause) resume where the previous one stopped: each stretch of text is
 * scanned once, whatever the number of mentions.
 */
export class LastMatch {
  private readonly re: RegExp;
  private from = -1;
  /** Every match of the sequence from `from` that ends at or before `scannedTo` is known. */
  private scannedTo = -1;
  private lastStart: number | undefined;
  private lastEnd = -1;

  private readonly text: string;
  private readonly maxLength: number;

  constructor(text: string, re: RegExp, maxLength: number) {
    this.text = text;
    this.maxLength = maxLength;
    this.re = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  }

  /** Offset of the last match wholly inside [from, to), or undefined. */
  lastIndex(from: number, to: number): number | undefined {
    if (from !== this.from || to < this.scannedTo) {
      this.from = from;
      this.scannedTo = from;
      this.lastStart = undefined;
      this.lastEnd = from;
    }
    if (to > this.scannedTo) {
      // No match lies wholly between the last one and scannedTo, so the next one starts after
      // scannedTo - maxLength: resume there.
      const resume = Math.max(this.lastEnd, this.scannedTo - this.maxLength);
      const window = this.text.slice(resume, to);
      this.re.lastIndex = 0;
      for (let m = this.re.exec(window); m; m = this.re.exec(window)) {
        if (m[0].length === 0) {
          this.re.lastIndex++;
          continue;
        }
        this.lastStart = resume + m.index;
        this.lastEnd = resume + m.index + m[0].length;
      }
      this.scannedTo = to;
    }
    return this.lastStart;
  }
}

/** First offset at or after `pos` holding one of `chars` (or the text's length); forward questions cost one pass. */
export function nextCharFinder(text: string, chars: string): (pos: number) => number {
  const set = new Set([...chars].map((c) => c.charCodeAt(0)));
  let askedFrom = Infinity;
  let found = -1;
  return (pos) => {
    if (pos < askedFrom || pos > found) {
      let i = pos;
      while (i < text.length && !set.has(text.charCodeAt(i))) i++;
      found = i;
    }
    askedFrom = pos;
    return found;
  };
}

/** Last offset before `pos` holding one of `chars` (-1 if none); forward questions cost one pass. */
export function lastCharFinder(text: string, chars: string): (pos: number) => number {
  const set = new Set([...chars].map((c) => c.charCodeAt(0)));
  let scanned = 0;
  let last = -1;
  return (pos) => {
    if (pos < scanned) {
      scanned = 0;
      last = -1;
    }
    for (; scanned < pos && scanned < text.length; scanned++) if (set.has(text.charCodeAt(scanned))) last = scanned;
    return last;
  };
}

/** How much text the word lists look at past a mention or before it: longer than any listed word. */
export const WORD_WINDOW = 64;

/**
 * The text from `pos` on, citations removed and a leading run of whitespace kept as one space, at
 * least `need` characters of it (or all of it): enough for "does it start with …" questions.
 * `atEnd` says whether it reaches the end of the text.
 */
export function headOf(text: string, pos: number, need = WORD_WINDOW): { text: string; atEnd: boolean } {
  let i = pos;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const lead = i > pos ? ' ' : '';
  for (let size = need * 2; ; size *= 2) {
    const end = Math.min(text.length, i + size);
    const body = text.slice(i, end).replace(CITATION, '');
    // A marker cut at the window's end may survive in part: keep clear of it.
    if (end >= text.length || body.trimStart().length >= need + 16) return { text: lead + body, atEnd: end >= text.length };
  }
}

/**
 * The end of [from, to) with citations removed and trailing whitespace trimmed, at least `need`
 * characters of it: enough for "does it end with …" questions. `complete` says it is the whole
 * stretch.
 */
export function tailOf(text: string, from: number, to: number, need = WORD_WINDOW): { text: string; complete: boolean } {
  for (let size = need * 2; ; size *= 2) {
    const start = Math.max(from, to - size);
    const body = text.slice(start, to).replace(CITATION, '').trimEnd();
    if (start <= from) return { text: body, complete: true };
    if (body.trimStart().length >= need + 16) return { text: body, complete: false };
  }
}

/** Binary search: the last of sorted `starts` at or before `pos` (0 if none). */
export function lastAtOrBefore(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= pos) {
      best = starts[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
