/**
 * One matcher per gazetteer: a character trie over folded, lower-cased aliases, scanned
 * leftmost-longest. Case rules come from the alias itself:
 *  - all-capital Latin aliases ("IS", "ISIL", "FSA") match only in exactly that case;
 *  - aliases with some capitals ("Aleppo", "al-Bab") match case-insensitively but the matched text
 *    must contain a capital (so "harem" or "tiba" in running text are not names);
 *  - all-lower-case aliases ("rebels", "regime") are common nouns and match in any case.
 * Latin aliases must sit on Latin word boundaries; Han aliases need none.
 */
import { foldName, foldText, isLatinWordChar, isLatinWordCode, type Folded } from './fold.ts';
import type { Match, Matcher } from './types.ts';

type CaseMode = 'exact' | 'proper' | 'common';

interface Variant {
  ids: string[];
  mode: CaseMode;
  /** Folded alias with case kept (for 'exact'). */
  form: string;
  latinStart: boolean;
  latinEnd: boolean;
  /** Accepted only as a whole word of the text's word segmentation. */
  word: boolean;
}

interface Node {
  /** Children by UTF-16 code unit (a key above 0xffff, from an astral character, is never reached). */
  next: Map<number, Node>;
  variants?: Variant[];
}

function caseMode(form: string): CaseMode {
  const latin = form.match(/[A-Za-z\u00c0-\u024f]/g);
  if (!latin) return 'common';
  const upper = latin.filter((c) => c !== c.toLowerCase()).length;
  if (upper === 0) return 'common';
  if (upper === latin.length && latin.length >= 2) return 'exact';
  return 'proper';
}

export interface AliasEntry {
  alias: string;
  ids: string[];
  /** Match only where the text's word segmentation (Intl.Segmenter, ICU's dictionary) makes the
   * alias one word: 埃及 in 從埃及起飛, not 海地 in 沿海地区. */
  word?: boolean;
}

const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });
const wordBounds = new WeakMap<Folded, Set<number>>();

/** Whether `start`..`end` of the folded text is one word of its segmentation. */
function isOneWord(f: Folded, start: number, end: number): boolean {
  let bounds = wordBounds.get(f);
  if (!bounds) {
    bounds = new Set([f.text.length]);
    for (const s of WORDS.segment(f.text)) bounds.add(s.index);
    wordBounds.set(f, bounds);
  }
  if (!bounds.has(start) || !bounds.has(end)) return false;
  for (let k = start + 1; k < end; k++) if (bounds.has(k)) return false;
  return true;
}

const APOSTROPHES = new Set([0x27, 0x2019]);
/** An apostrophe inside a transliterated word goes on with it: "Sina" is no name in "al-Sina'ah",
 * nor "Arrat" in "Ma'arrat"; a possessive ("Aleppo's") ends the name. */
function apostropheAfter(s: string, end: number): boolean {
  if (!APOSTROPHES.has(s.charCodeAt(end)) || !isLatinWordCode(s.charCodeAt(end + 1))) return false;
  // "'s" and no plain letter after it (a text's stray "Â" after "Iran's" is mojibake, not a word)
  const after = s.charCodeAt(end + 2);
  return !(s.charCodeAt(end + 1) === 0x73 && !(after >= 0x61 && after <= 0x7a));
}
function apostropheBefore(s: string, start: number): boolean {
  return APOSTROPHES.has(s.charCodeAt(start - 1)) && isLatinWordCode(s.charCodeAt(start - 2));
}

/**
 * `yields(ids)`: a match of these ids gives way to a longer match that starts inside it and ends
 * after it (a generic role word "the army" to the name "Army of Conquest"); else leftmost wins.
 */
export function buildMatcher(entries: AliasEntry[], yields: (ids: string[]) => boolean = () => false): Matcher {
  const root: Node = { next: new Map() };
  const byKey = new Map<string, Set<string>>();
  for (const { alias, ids, word = false } of entries) {
    const { text: form, lower } = foldName(alias);
    if (!lower) continue;
    let node = root;
    for (const ch of lower) {
      const key = ch.codePointAt(0)!;
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    const mode = caseMode(form);
    node.variants ??= [];
    const same = node.variants.find((v) => v.mode === mode && v.word === word && (mode !== 'exact' || v.form === form));
    if (same) {
      for (const id of ids) if (!same.ids.includes(id)) same.ids.push(id);
    } else {
      node.variants.push({
        ids: [...ids],
        mode,
        form,
        latinStart: isLatinWordChar(lower[0]),
        latinEnd: isLatinWordChar(lower[lower.length - 1]),
        word,
      });
    }
    const set = byKey.get(lower) ?? new Set<string>();
    for (const id of ids) set.add(id);
    byKey.set(lower, set);
  }

  function accept(v: Variant, f: Folded, start: number, end: number): boolean {
    if (v.latinStart && (isLatinWordCode(f.lower.charCodeAt(start - 1)) || apostropheBefore(f.lower, start))) return false;
    if (v.latinEnd && (isLatinWordCode(f.lower.charCodeAt(end)) || apostropheAfter(f.lower, end))) return false;
    if (v.word && !isOneWord(f, start, end)) return false;
    if (v.mode === 'common') return true;
    const span = f.text.slice(start, end);
    if (v.mode === 'proper') return /\p{Lu}/u.test(span);
    return span.replace(/ {2,}/g, ' ') === v.form;
  }

  /** Ids of the variants at `n` that accept the text from `start` to `end`, or undefined. */
  function accepted(n: Node, f: Folded, start: number, end: number): string[] | undefined {
    if (!n.variants) return undefined;
    const ids: string[] = [];
    for (const v of n.variants) if (accept(v, f, start, end)) for (const id of v.ids) if (!ids.includes(id)) ids.push(id);
    return ids.length ? ids : undefined;
  }

  // The stages that read a passage (tags, unknown names, types, figures) each scan it: the last
  // scan is kept, so the passage is scanned once. Its result is read, never changed.
  let last: { input: string; result: { matches: Match[]; folded: Folded } } | undefined;
  function scan(input: string): { matches: Match[]; folded: Folded } {
    if (last?.input !== input) last = { input, result: scanOnce(input) };
    return last.result;
  }

  function scanOnce(input: string): { matches: Match[]; folded: Folded } {
    const f = foldText(input);
    const s = f.lower;
    const matches: Match[] = [];
    const SPACE = 32;
    // the end and ids of the longest alias the text spells from `i` (bestEnd 0: none)
    let bestEnd = 0;
    let bestIds: string[] | undefined;
    const longestAt = (i: number): void => {
      bestEnd = 0;
      let node = root.next.get(s.charCodeAt(i));
      bestIds = node ? accepted(node, f, i, i + 1) : undefined;
      if (!node) return;
      if (bestIds) bestEnd = i + 1;
      let j = i + 1;
      while (j < s.length) {
        const unit = s.charCodeAt(j);
        // a run of spaces in the text matches one space in an alias
        if (unit === SPACE && s.charCodeAt(j - 1) === SPACE) {
          j++;
          continue;
        }
        const child: Node | undefined = node.next.get(unit);
        if (!child) break;
        node = child;
        j++;
        const ids = accepted(node, f, i, j);
        if (ids) {
          bestIds = ids;
          bestEnd = j;
        }
      }
    };
    // whether a name that does not yield starts inside [i, end) and ends after it
    const overtaken = (i: number, end: number): boolean => {
      for (let k = i + 1; k < end; k++) {
        // a Latin name starts a word
        if (!root.next.has(s.charCodeAt(k)) || (isLatinWordCode(s.charCodeAt(k)) && isLatinWordCode(s.charCodeAt(k - 1)))) continue;
        longestAt(k);
        if (bestIds && bestEnd > end && !yields(bestIds)) return true;
      }
      return false;
    };
    let i = 0;
    while (i < s.length) {
      if (!root.next.has(s.charCodeAt(i))) {
        i++;
        continue;
      }
      longestAt(i);
      if (!bestIds) {
        i++;
        continue;
      }
      const end = bestEnd;
      const ids = bestIds;
      if (yields(ids) && overtaken(i, end)) {
        i++;
        continue;
      }
      matches.push({ start: i, end, ids });
      i = end;
    }
    return { matches, folded: f };
  }

  function lookup(name: string): string[] {
    const key = foldName(name).lower;
    return [...(byKey.get(key) ?? [])];
  }

  return { scan, lookup };
}

interface AliasForm {
  form: string;
  lower: string;
  mode: CaseMode;
  latinStart: boolean;
  latinEnd: boolean;
}
const aliasForms = new Map<string, AliasForm>();

function aliasForm(alias: string): AliasForm {
  let known = aliasForms.get(alias);
  if (!known) {
    const { text: form, lower } = foldName(alias);
    known = { form, lower, mode: caseMode(form), latinStart: isLatinWordChar(lower[0]), latinEnd: isLatinWordChar(lower[lower.length - 1]) };
    // gazetteer names only: bounded by the gazetteer
    aliasForms.set(alias, known);
  }
  return known;
}

/** Where `alias` occurs in the folded text under the same case and boundary rules as scan(): the
 * first occurrence only, unless `all`. */
export function aliasOccurrences(f: Folded, alias: string, all = true): { start: number; end: number }[] {
  const { form, lower, mode, latinStart, latinEnd } = aliasForm(alias);
  const out: { start: number; end: number }[] = [];
  if (!lower) return out;
  for (let at = f.lower.indexOf(lower); at >= 0; at = f.lower.indexOf(lower, at + 1)) {
    const end = at + lower.length;
    if (latinStart && (isLatinWordCode(f.lower.charCodeAt(at - 1)) || apostropheBefore(f.lower, at))) continue;
    if (latinEnd && (isLatinWordCode(f.lower.charCodeAt(end)) || apostropheAfter(f.lower, end))) continue;
    const span = f.text.slice(at, end);
    if (mode === 'exact' && span !== form) continue;
    if (mode === 'proper' && !/\p{Lu}/u.test(span)) continue;
    out.push({ start: at, end });
    if (!all) break;
  }
  return out;
}

/** Whether `alias` occurs in the folded text under the same case and boundary rules as scan(). */
export function aliasOccurs(f: Folded, alias: string): boolean {
  return aliasOccurrences(f, alias, false).length > 0;
}
