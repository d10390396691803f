/**
 * Text folding shared by the gazetteer and the texts it is matched against: Traditional Chinese is
 * folded to Simplified (opencc-js), typographic apostrophes and dashes are unified, and a
 * same-length lower-case copy is made for case-insensitive matching. Folding keeps string length
 * whenever OpenCC does, so offsets in the folded text point into the original.
 */
import { openccConverter } from '../../lib/opencc.ts';

type Convert = (s: string) => string;
let toSimplified: Convert | undefined;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function simplify(text: string): string {
  if (!HAN.test(text)) return text;
  toSimplified ??= openccConverter('tw', 'cn');
  return toSimplified(text);
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
  text: string;
  /** `text` lower-cased character by character (same length as `text`). */
  lower: string;
  /** True when `text` has the same length as the input, so offsets map 1:1 to the original. */
  aligned: boolean;
}

export function foldText(input: string): Folded {
  const simplified = simplify(input);
  let text = '';
  let lower = '';
  for (const c of simplified) {
    // iterate by UTF-16 unit to keep lengths identical
    for (let k = 0; k < c.length; k++) {
      const unit = c.length === 1 ? normalizeChar(c) : c[k]!;
      text += unit;
      const l = unit.toLowerCase();
      lower += l.length === 1 ? l : unit;
    }
  }
  return { text, lower, aligned: text.length === input.length };
}

/** Folding for a gazetteer name: as for text, plus runs of spaces collapsed and ends trimmed. */
export function foldName(name: string): { text: string; lower: string } {
  const f = foldText(name);
  const text = f.text.replace(/ {2,}/g, ' ').trim();
  const lower = f.lower.replace(/ {2,}/g, ' ').trim();
  return { text, lower };
}

const LATIN_WORD = /[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]/;
export function isLatinWordChar(c: string | undefined): boolean {
  return c !== undefined && LATIN_WORD.test(c);
}

export function hasHan(s: string): boolean {
  return HAN.test(s);
}
