/**
 * Whether a short phrase is nothing but a date (a "date line" such as `7月19日`, `8月3日至8月5日`
 * or `January 4`). The date words come from the dates stage's language resources when present
 * (src/ingest/dates/resources/{en,zh}.json); otherwise from the small fallback below. This is
 * the one place the readers decide what a date line is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FALLBACK_DATE_WORDS = [
  '年', '月', '日', '号', '號', '至', '到', '初', '中', '下旬', '上旬', '中旬', '底', '春', '夏', '秋', '冬',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'early', 'mid', 'late', 'spring', 'summer', 'autumn', 'fall', 'winter', 'to', 'and', 'until', 'through',
];

/** Collects every string found anywhere in the dates helper's JSON resources (month names etc.). */
function loadDateWords(): string[] {
  const words = new Set(FALLBACK_DATE_WORDS);
  for (const lang of ['en', 'zh']) {
    try {
      const url = new URL(`../dates/resources/${lang}.json`, import.meta.url);
      const path = fileURLToPath(url);
      if (!existsSync(path)) continue;
      collectStrings(JSON.parse(readFileSync(path, 'utf8')), words);
    } catch {
      // Resource missing or malformed: the fallback list still works.
    }
  }
  return [...words];
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    const w = value.trim().toLowerCase();
    // Only short word-like strings: long strings in that file are patterns or prose.
    if (w && w.length <= 12 && !/[\\^$()[\]{}*+?|]/.test(w)) into.add(w);
  } else if (Array.isArray(value)) {
    for (const v of value) collectStrings(v, into);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!/^_/.test(k) && k.length <= 12 && typeof v !== 'object') collectStrings(k, into);
      collectStrings(v, into);
    }
  }
}

let dateWords: string[] | undefined;

const MAX_DATE_LINE_CHARS = 40;

/**
 * A phrase is a date line when it is short, contains a digit, and everything left after removing
 * digits, date words and separators is (almost) nothing.
 */
export function isDateLikePhrase(phrase: string): boolean {
  const text = phrase.trim();
  if (text === '' || text.length > MAX_DATE_LINE_CHARS || !/\d/.test(text)) return false;
  dateWords ??= loadDateWords().sort((a, b) => b.length - a.length);
  let rest = text.toLowerCase().replace(/\d+(?:st|nd|rd|th)?/g, ' ');
  let sawDateWord = false;
  for (const word of dateWords) {
    if (!rest.includes(word)) continue;
    const isLatin = /^[a-z]+$/.test(word);
    const before = rest;
    rest = isLatin ? rest.replace(new RegExp(`\\b${word}\\b\\.?`, 'g'), ' ') : rest.split(word).join(' ');
    if (rest !== before && !['to', 'and', 'until', 'through', '至', '到'].includes(word)) sawDateWord = true;
  }
  rest = rest.replace(/[\s,，、.。\-–—~～/()（）:：]+/g, '');
  return sawDateWord && rest.length === 0;
}
