/**
 * Phrase lists as data: the one small syntax the language resources of the types and figures
 * stages are written in, compiled here into a single leftmost-longest matcher.
 *
 * Syntax of one phrase (matched case-insensitively, on text folded to Simplified Chinese):
 * - words separated by one space match words separated by any run of spaces;
 * - `*` right after a Latin word: the word may go on ("clash*" = clash, clashes, clashed);
 * - `…`: up to 12 further characters of the same clause ("向…开火" = 向抗议者开火);
 * - a phrase starting or ending with a Latin letter, digit or `*` only matches whole words
 *   (Han text has no word boundaries, so a Han phrase matches wherever it occurs).
 */
import { foldText, isLatinWordCode, type Folded } from './entities/fold.ts';

export interface PhraseMatch<T> {
  start: number;
  end: number;
  /** the phrase as listed */
  phrase: string;
  value: T;
}

export interface PhraseMatcher<T> {
  /** Leftmost-longest, non-overlapping matches in `text` (or in an already folded copy of it). */
  scan(text: string | Folded): PhraseMatch<T>[];
  readonly size: number;
}

const WORDY = /[\p{L}\p{N}*]/u;
const LATIN_END = /[A-Za-z0-9\u00c0-\u024f*]/;
const GAP = '[^，。；;,.!?！？:：\\n]{0,12}?';

function escape(s: string): string {
  return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase folded as the text it is matched against is (spaces collapsed). */
function foldPhrase(phrase: string): string {
  return foldText(phrase.trim()).lower.replace(/ {2,}/g, ' ');
}

/** Whether a match must not touch a letter or digit before it / after it (see the syntax above). */
function edges(p: string): { before: boolean; after: boolean } {
  const first = p[0] ?? '';
  const last = p[p.length - 1] ?? '';
  return { before: LATIN_END.test(first) && WORDY.test(first), after: LATIN_END.test(last) };
}

/** The regular expression source of one phrase (no capture groups). */
export function phraseSource(phrase: string): string {
  const p = foldPhrase(phrase);
  let body = '';
  for (const part of p.split(/(…|\*| )/)) {
    if (part === '…') body += GAP;
    else if (part === '*') body += '[\\p{L}\\p{M}]*';
    else if (part === ' ') body += '\\s+';
    else body += escape(part);
  }
  const { before, after } = edges(p);
  return `${before ? '(?<![\\p{L}\\p{N}])' : ''}${body}${after ? '(?![\\p{L}\\p{N}])' : ''}`;
}

/** Literal length of a phrase, for ordering alternatives longest first. */
function weight(phrase: string): number {
  return phrase.replace(/[…*]/g, '').length + (phrase.includes('…') ? 12 : 0);
}

const SPACE = /\s/;
const LETTER_OR_DIGIT_LAST = /[\p{L}\p{N}]$/u;
const LETTER_OR_DIGIT_FIRST = /^[\p{L}\p{N}]/u;

/** A letter or digit (a whole code point) ends just before `at`: the phrase regex's lookbehind (below 0x80, the ASCII ones). */
function letterOrDigitBefore(s: string, at: number): boolean {
  if (at === 0) return false;
  const c = s.charCodeAt(at - 1);
  return c < 0x80 ? isLatinWordCode(c) : LETTER_OR_DIGIT_LAST.test(s.slice(Math.max(0, at - 2), at));
}

/** A letter or digit starts at `at`: the phrase regex's lookahead. */
function letterOrDigitAt(s: string, at: number): boolean {
  if (at >= s.length) return false;
  const c = s.charCodeAt(at);
  return c < 0x80 ? isLatinWordCode(c) : LETTER_OR_DIGIT_FIRST.test(s.slice(at, at + 2));
}

const LETTER_OR_MARK_FIRST = /^[\p{L}\p{M}]/u;

/** The length (0, 1 or 2 units) of the letter or mark that starts at `at`: one step of a `*`. */
function letterOrMarkAt(s: string, at: number): number {
  if (at >= s.length) return 0;
  const c = s.charCodeAt(at);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? 1 : 0;
  const two = s.slice(at, at + 2);
  if (!LETTER_OR_MARK_FIRST.test(two)) return 0;
  return c >= 0xd800 && c <= 0xdbff && two.length === 2 ? 2 : 1;
}

/** One word of a phrase: its letters, and whether it may go on (`clash*`). */
interface Word {
  lit: string;
  star: boolean;
}

/**
 * One phrase ready to match. Most phrases are words, some ending in `*`: they are matched by
 * comparing the words and checking the edges, exactly as their regular expression matches them.
 * Only a phrase with `…` (or a `*` inside a word) runs its regular expression, once its leading
 * words are there. (Trying every phrase's regex cost about 5 µs a try in the ingest, a tenth of
 * its time, and making a `u` regex costs about a millisecond.)
 */
interface Compiled {
  /** the words a match starts with (all of them for a plain phrase) */
  words: Word[];
  /** the whole phrase is those words */
  plain: boolean;
  before: boolean;
  after: boolean;
  phrase: string;
  /** the phrase's regular expression, made when first needed */
  sticky?: RegExp;
}

function compilePhrase(phrase: string): Compiled {
  const p = foldPhrase(phrase);
  const words: Word[] = [];
  // a phrase that folds to an edge space ("anti-") needs that space: its regex checks it
  let plain = p.trim() === p;
  let wordNext = true;
  for (const part of p.split(/(…|\*| )/).filter((x) => x !== '')) {
    const last = words[words.length - 1];
    if (part === ' ') wordNext = true;
    else if (part === '*' && last && !wordNext && !last.star) last.star = true;
    else if (part !== '…' && part !== '*' && wordNext) {
      words.push({ lit: part, star: false });
      wordNext = false;
    } else {
      // a gap, or letters right after a `*`: the regex reads the rest
      plain = false;
      break;
    }
  }
  if (wordNext && words.length) plain = false;
  return { words, plain, ...edges(p), phrase };
}

/** Where the words end when they stand at `at`, separated as a phrase's spaces match (`\s+`); else -1. */
function wordsEnd(lower: string, at: number, words: Word[]): number {
  let p = at;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const gap = p;
      while (p < lower.length && SPACE.test(lower[p]!)) p++;
      if (p === gap) return -1;
    }
    const word = words[w]!;
    if (!lower.startsWith(word.lit, p)) return -1;
    p += word.lit.length;
    if (word.star) for (let step = letterOrMarkAt(lower, p); step > 0; step = letterOrMarkAt(lower, p)) p += step;
  }
  return p;
}

/** The end of the phrase's match at `at`, or -1. */
function matchEnd(lower: string, at: number, c: Compiled): number {
  const end = wordsEnd(lower, at, c.words);
  if (end < 0) return -1;
  if (c.plain) {
    if (c.before && letterOrDigitBefore(lower, at)) return -1;
    if (c.after && letterOrDigitAt(lower, end)) return -1;
    return end;
  }
  const sticky = (c.sticky ??= new RegExp(phraseSource(c.phrase), 'uy'));
  sticky.lastIndex = at;
  return sticky.test(lower) ? sticky.lastIndex : -1;
}

export type PhraseLists<V> = { [K in keyof V]: { phrase: string; value: V[K] }[] };
export type PhraseMatches<V> = { [K in keyof V]: PhraseMatch<V[K]>[] };

export interface PhraseSet<V> {
  /** Every list's leftmost-longest, non-overlapping matches, found in one pass over the text. */
  scan(text: string | Folded): PhraseMatches<V>;
  /** phrases in all the lists (an empty phrase, or one that starts with `…`, is left out) */
  readonly size: number;
}

/**
 * Many phrase lists, each carrying values, matched in one pass. Within a list matches are
 * leftmost-longest and do not overlap: where two phrases match at the same place the longer one
 * wins ("suicide car bomb" over "car bomb", "stop fighting" over "fighting"). Lists do not
 * interact: a match of one list never hides a match of another, so a set scans exactly as its
 * lists would one by one (one pass instead of one per list: the figures stage reads 23 lists).
 */
export function phraseSet<V>(lists: PhraseLists<V>): PhraseSet<V> {
  const keys = Object.keys(lists) as (keyof V)[];
  type Entry = { phrase: string; value: unknown; list: number; prefix: string; compiled: Compiled };
  // Longest first across all lists; the sort is stable, so each list keeps its own order.
  const list: Entry[] = keys
    .flatMap((k, i) => lists[k].filter((e) => e.phrase.trim() !== '').map((e) => ({ phrase: e.phrase, value: e.value as unknown, list: i })))
    .sort((a, b) => weight(b.phrase) - weight(a.phrase))
    .map((e) => {
      const compiled = compilePhrase(e.phrase);
      return { ...e, prefix: compiled.words[0]?.lit ?? '', compiled };
    })
    .filter((e) => e.prefix !== '');
  // Phrases by their first character, then by their second (as char codes: no strings are made
  // and no key leaves the small-integer range while scanning): a scan visits each character once
  // and tries only the phrases that can start there.
  type Start = { one: Entry[]; two: Map<number, Entry[]> };
  const byFirst: (Start | undefined)[] = new Array<Start | undefined>(65536).fill(undefined);
  for (const e of list) {
    const c0 = e.prefix.charCodeAt(0);
    const start: Start = (byFirst[c0] ??= { one: [], two: new Map() });
    if (e.prefix.length < 2) start.one.push(e);
    else {
      const c1 = e.prefix.charCodeAt(1);
      const bucket = start.two.get(c1);
      if (bucket) bucket.push(e);
      else start.two.set(c1, [e]);
    }
  }
  return {
    size: list.length,
    scan(text) {
      const out = keys.map(() => [] as PhraseMatch<unknown>[]);
      if (list.length) {
        const folded = typeof text === 'string' ? foldText(text) : text;
        const lower = folded.lower;
        const n = lower.length;
        // per list: where its next match may start (after its last one), and this place's best
        const free = new Array<number>(keys.length).fill(0);
        const best = new Array<number>(keys.length).fill(0);
        const found = new Array<Entry | undefined>(keys.length);
        const touched: number[] = [];
        for (let at = 0; at < n; at++) {
          const start = byFirst[lower.charCodeAt(at)];
          if (!start) continue;
          for (let k = 0; k < 2; k++) {
            const bucket = k === 0 ? (at + 1 < n ? start.two.get(lower.charCodeAt(at + 1)) : undefined) : start.one;
            if (!bucket) continue;
            for (const e of bucket) {
              if (at < free[e.list]!) continue;
              const end = matchEnd(lower, at, e.compiled);
              if (end < 0) continue;
              if (found[e.list] === undefined) {
                touched.push(e.list);
                best[e.list] = at;
              }
              if (end > best[e.list]!) {
                best[e.list] = end;
                found[e.list] = e;
              }
            }
          }
          for (const l of touched) {
            const e = found[l];
            if (e) {
              out[l]!.push({ start: at, end: best[l]!, phrase: e.phrase, value: e.value });
              free[l] = best[l]!;
            }
            found[l] = undefined;
          }
          touched.length = 0;
        }
      }
      return Object.fromEntries(keys.map((k, i) => [k, out[i]])) as PhraseMatches<V>;
    },
  };
}

/** One phrase list with its values (a set of one list). */
export function phraseMatcher<T>(entries: { phrase: string; value: T }[]): PhraseMatcher<T> {
  const set = phraseSet({ only: entries });
  return { size: set.size, scan: (text) => set.scan(text).only };
}

/** A matcher for a plain list of phrases (the value is the phrase itself). */
export function phraseList(phrases: string[]): PhraseMatcher<string> {
  return phraseMatcher(phrases.map((phrase) => ({ phrase, value: phrase })));
}
