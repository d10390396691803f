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
import { foldText, type Folded } from './entities/fold.ts';

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

/** The regular expression source of one phrase (no capture groups). */
export function phraseSource(phrase: string): string {
  const p = foldText(phrase.trim()).lower.replace(/ {2,}/g, ' ');
  let body = '';
  for (const part of p.split(/(…|\*| )/)) {
    if (part === '…') body += GAP;
    else if (part === '*') body += '[\\p{L}\\p{M}]*';
    else if (part === ' ') body += '\\s+';
    else body += escape(part);
  }
  const first = p[0] ?? '';
  const last = p[p.length - 1] ?? '';
  const before = LATIN_END.test(first) && WORDY.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const after = LATIN_END.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${before}${body}${after}`;
}

/** Literal length of a phrase, for ordering alternatives longest first. */
function weight(phrase: string): number {
  return phrase.replace(/[…*]/g, '').length + (phrase.includes('…') ? 12 : 0);
}

/** The literal text every match of a phrase starts with (searched with indexOf before the regex runs). */
function literalPrefix(phrase: string): string {
  const p = foldText(phrase.trim()).lower;
  const cut = p.search(/[…* ]/);
  return cut < 0 ? p : p.slice(0, cut);
}

/**
 * One matcher over many phrases, each carrying a value. Matches are leftmost-longest and do not
 * overlap: where two phrases match at the same place the longer one wins ("suicide car bomb" over
 * "car bomb", "stop fighting" over "fighting").
 */
export function phraseMatcher<T>(entries: { phrase: string; value: T }[]): PhraseMatcher<T> {
  type Entry = { phrase: string; value: T; prefix: string; sticky: RegExp };
  const list: Entry[] = entries
    .filter((e) => e.phrase.trim() !== '')
    .sort((a, b) => weight(b.phrase) - weight(a.phrase))
    .map((e) => ({ ...e, prefix: literalPrefix(e.phrase), sticky: new RegExp(phraseSource(e.phrase), 'uy') }))
    .filter((e) => e.prefix !== '');
  // Phrases by their first one or two characters (as char codes: no strings are made while
  // scanning): a scan visits each character once and tries only the phrases that can start there.
  const byOne = new Map<number, Entry[]>();
  const byTwo = new Map<number, Entry[]>();
  for (const e of list) {
    const two = e.prefix.length >= 2;
    const key = two ? e.prefix.charCodeAt(0) * 65536 + e.prefix.charCodeAt(1) : e.prefix.charCodeAt(0);
    const map = two ? byTwo : byOne;
    const bucket = map.get(key);
    if (bucket) bucket.push(e);
    else map.set(key, [e]);
  }
  return {
    size: list.length,
    scan(text) {
      if (!list.length) return [];
      const folded = typeof text === 'string' ? foldText(text) : text;
      const lower = folded.lower;
      const out: PhraseMatch<T>[] = [];
      const n = lower.length;
      for (let at = 0; at < n; ) {
        const c0 = lower.charCodeAt(at);
        let best = at;
        let found: Entry | undefined;
        for (let k = 0; k < 2; k++) {
          const bucket = k === 0 ? (at + 1 < n ? byTwo.get(c0 * 65536 + lower.charCodeAt(at + 1)) : undefined) : byOne.get(c0);
          if (!bucket) continue;
          for (const e of bucket) {
            if (!lower.startsWith(e.prefix, at)) continue;
            e.sticky.lastIndex = at;
            if (e.sticky.test(lower) && e.sticky.lastIndex > best) {
              best = e.sticky.lastIndex;
              found = e;
            }
          }
        }
        if (found) {
          out.push({ start: at, end: best, phrase: found.phrase, value: found.value });
          at = best;
        } else at++;
      }
      return out;
    },
  };
}

/** A matcher for a plain list of phrases (the value is the phrase itself). */
export function phraseList(phrases: string[]): PhraseMatcher<string> {
  return phraseMatcher(phrases.map((phrase) => ({ phrase, value: phrase })));
}
