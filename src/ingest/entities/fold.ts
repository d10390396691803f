/**
 * Text folding shared by the gazetteer and the texts it is matched against: Traditional Chinese is
 * folded to Simplified (opencc-js), typographic apostrophes and dashes are unified, and a
 * same-length lower-case copy is made for case-insensitive matching. Folding keeps string length
 * whenever OpenCC does, so offsets in the folded text point into the original.
 */
import { openccConverter } from '../../lib/opencc.ts';

type Convert = (s: string) => string;
let toSimplified: Convert | undefined;

/** A Han character (CJK unified ideographs, extension A, compatibility ideographs). */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The last few texts converted: a passage is asked for by the folding and, without one at hand, by the numbers read for linking. */
const recentConversions: { input: string; output: string }[] = [];
const RECENT_CONVERSIONS = 4;

/** `text` in Simplified script (OpenCC tw -> cn), each text converted once however many stages ask. */
export function toSimplifiedScript(text: string): string {
  for (const r of recentConversions) if (r.input === text) return r.output;
  toSimplified ??= openccConverter('tw', 'cn');
  const output = toSimplified(text);
  if (recentConversions.length >= RECENT_CONVERSIONS) recentConversions.shift();
  recentConversions.push({ input: text, output });
  return output;
}

function simplify(text: string): string {
  return HAN.test(text) ? toSimplifiedScript(text) : text;
}

/** One character in, one character out: apostrophe and dash variants, odd spaces. */
function normalizeChar(c: string): string {
  switch (c) {
    case '\u2019':
    case '\u2018':
    case '\u02bc':
    case '\u02bb':
    case '\u0060':
    case '\u00b4':
      return "'";
    case '-':
    case '\u2010':
    case '\u2011':
    case '\u2012':
    case '\u2013':
    case '\u2014':
    case '\u2212':
    case '\u00a0':
    case '\u3000':
    case '\t':
    case '\n':
    case '\r':
      return ' ';
    default:
      return c;
  }
}

export interface Folded {
  /** Script-folded, punctuation-normalised text; case kept. */
  readonly text: string;
  /** `text` lower-cased character by character (same length as `text`). */
  readonly lower: string;
  /** True when `text` has the same length as the input, so offsets map 1:1 to the original. */
  readonly aligned: boolean;
  /** The input in Simplified script, punctuation as written (what `text` is made from). */
  readonly simplified: string;
}

/** Characters normalizeChar changes (it keeps every other character). */
const NORMALIZED = /[\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2010-\u2014\u2212\u00a0\u3000\t\n\r-]/g;
/** Characters whose lower case is not the one-unit lower case of the character alone: the dotted
 * capital I (two units), capital sigma (final form in context) and surrogates (kept as they are). */
const CASE_IRREGULAR = /[\u0130\u03a3\ud800-\udfff]/;

/** `text` lower-cased one UTF-16 unit at a time; a unit whose lower case is longer stays as is. */
function lowerByUnit(text: string): string {
  // The whole-string lower case agrees with the unit-wise one except around CASE_IRREGULAR.
  if (!CASE_IRREGULAR.test(text)) return text.toLowerCase();
  let lower = '';
  for (let k = 0; k < text.length; k++) {
    const unit = text[k]!;
    const l = unit.toLowerCase();
    lower += l.length === 1 ? l : unit;
  }
  return lower;
}

/** The last few texts folded: one passage is folded by every stage that reads it (tags, types, figures). */
const recentFolds: { input: string; folded: Folded }[] = [];
const RECENT_FOLDS = 4;

export function foldText(input: string): Folded {
  for (const r of recentFolds) if (r.input === input) return r.folded;
  const simplified = simplify(input);
  const text = simplified.replace(NORMALIZED, normalizeChar);
  const folded = { text, lower: lowerByUnit(text), aligned: text.length === input.length, simplified };
  if (recentFolds.length >= RECENT_FOLDS) recentFolds.shift();
  recentFolds.push({ input, folded });
  return folded;
}

const foldedNames = new Map<string, { text: string; lower: string }>();
/** Enough for every gazetteer name and the link titles of a large corpus; cleared when full. */
const MAX_FOLDED_NAMES = 100_000;

/** Folding for a gazetteer name: as for text, plus runs of spaces collapsed and ends trimmed. */
export function foldName(name: string): { text: string; lower: string } {
  // Names repeat (gazetteer names, rule phrases, link titles): fold each once.
  const known = foldedNames.get(name);
  if (known) return known;
  const f = foldText(name);
  const text = f.text.replace(/ {2,}/g, ' ').trim();
  const lower = f.lower.replace(/ {2,}/g, ' ').trim();
  const folded = { text, lower };
  if (foldedNames.size >= MAX_FOLDED_NAMES) foldedNames.clear();
  foldedNames.set(name, folded);
  return folded;
}

const LATIN_WORD = /[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;
export function isLatinWordChar(c: string | undefined): boolean {
  return c !== undefined && LATIN_WORD.test(c);
}

/** isLatinWordChar for a UTF-16 code unit (NaN, from reading past either end, is none). */
export function isLatinWordCode(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

export function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** Whether the name at `start`..`end` of the folded text stands inside a longer capitalised run, a
 * word with a capital right before or after it ("Al-Hajjar al-Aswad", "Qarmuta Dam", "Kuroda
 * Nagamasa"): then it is part of that longer name, not a name of its own. A sentence's first word
 * that the passage also writes in lower case is a word, not part of a name ("In Lyon, ... in").
 */
export function inCapitalisedRun(f: Folded, start: number, end: number): boolean {
  if (/^ \p{Lu}/u.test(f.text.slice(end, end + 2))) return true;
  const from = Math.max(0, start - 30);
  const before = /\p{Lu}[\p{L}'’-]* $/u.exec(f.text.slice(from, start));
  if (!before) return false;
  // what stands before that word, spaces aside: nothing or a sentence's mark opens a sentence
  let k = from + before.index - 1;
  while (k >= 0 && /\s/.test(f.text[k]!)) k--;
  if (k >= 0 && !'.!?;:"“('.includes(f.text[k]!)) return true;
  const word = before[0].trimEnd().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return !new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u').test(f.text);
}
