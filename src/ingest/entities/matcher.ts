/**
 * One matcher per gazetteer: a character trie over folded, lower-cased aliases, scanned
 * leftmost-longest. Case rules come from the alias itself:
 *  - all-capital Latin aliases ("IS", "ISIL", "FSA") match only in exactly that case;
 *  - aliases with some capitals ("Aleppo", "al-Bab") match case-insensitively but the matched text
 *    must contain a capital (so "harem" or "tiba" in running text are not names);
 *  - all-lower-case aliases ("rebels", "regime") are common nouns and match in any case.
 * Latin aliases must sit on Latin word boundaries; Han aliases need none.
 */
import { foldName, foldText, isLatinWordChar, type Folded } from './fold.ts';
import type { Match, Matcher } from './types.ts';

type CaseMode = 'exact' | 'proper' | 'common';

interface Variant {
  ids: string[];
  mode: CaseMode;
  /** Folded alias with case kept (for 'exact'). */
  form: string;
  latinStart: boolean;
  latinEnd: boolean;
}

interface Node {
  next: Map<string, Node>;
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
}

export function buildMatcher(entries: AliasEntry[]): Matcher {
  const root: Node = { next: new Map() };
  const byKey = new Map<string, Set<string>>();
  for (const { alias, ids } of entries) {
    const { text: form, lower } = foldName(alias);
    if (!lower) continue;
    let node = root;
    for (const ch of lower) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    const mode = caseMode(form);
    node.variants ??= [];
    const same = node.variants.find((v) => v.mode === mode && (mode !== 'exact' || v.form === form));
    if (same) {
      for (const id of ids) if (!same.ids.includes(id)) same.ids.push(id);
    } else {
      node.variants.push({
        ids: [...ids],
        mode,
        form,
        latinStart: isLatinWordChar(lower[0]),
        latinEnd: isLatinWordChar(lower[lower.length - 1]),
      });
    }
    const set = byKey.get(lower) ?? new Set<string>();
    for (const id of ids) set.add(id);
    byKey.set(lower, set);
  }

  function accept(v: Variant, f: Folded, start: number, end: number): boolean {
    if (v.latinStart && isLatinWordChar(f.lower[start - 1])) return false;
    if (v.latinEnd && isLatinWordChar(f.lower[end])) return false;
    if (v.mode === 'common') return true;
    const span = f.text.slice(start, end);
    if (v.mode === 'proper') return /\p{Lu}/u.test(span);
    return span.replace(/ {2,}/g, ' ') === v.form;
  }

  function scan(input: string): { matches: Match[]; folded: Folded } {
    const f = foldText(input);
    const s = f.lower;
    const matches: Match[] = [];
    let i = 0;
    while (i < s.length) {
      let node = root.next.get(s[i]!);
      if (!node) {
        i++;
        continue;
      }
      let best: Match | undefined;
      const consider = (n: Node, end: number) => {
        if (!n.variants) return;
        const ids: string[] = [];
        for (const v of n.variants) if (accept(v, f, i, end)) for (const id of v.ids) if (!ids.includes(id)) ids.push(id);
        if (ids.length) best = { start: i, end, ids };
      };
      let j = i + 1;
      consider(node, j);
      while (j < s.length) {
        // a run of spaces in the text matches one space in an alias
        if (s[j] === ' ' && s[j - 1] === ' ') {
          j++;
          continue;
        }
        const child: Node | undefined = node.next.get(s[j]!);
        if (!child) break;
        node = child;
        j++;
        consider(node, j);
      }
      if (best) {
        matches.push(best);
        i = best.end;
      } else i++;
    }
    return { matches, folded: f };
  }

  function lookup(name: string): string[] {
    const key = foldName(name).lower;
    return [...(byKey.get(key) ?? [])];
  }

  return { scan, lookup };
}

/** Whether `alias` occurs in the folded text under the same case and boundary rules as scan(). */
export function aliasOccurs(f: Folded, alias: string): boolean {
  const { text: form, lower } = foldName(alias);
  if (!lower) return false;
  const mode = caseMode(form);
  const latinStart = isLatinWordChar(lower[0]);
  const latinEnd = isLatinWordChar(lower[lower.length - 1]);
  for (let at = f.lower.indexOf(lower); at >= 0; at = f.lower.indexOf(lower, at + 1)) {
    const end = at + lower.length;
    if (latinStart && isLatinWordChar(f.lower[at - 1])) continue;
    if (latinEnd && isLatinWordChar(f.lower[end])) continue;
    const span = f.text.slice(at, end);
    if (mode === 'exact' && span !== form) continue;
    if (mode === 'proper' && !/\p{Lu}/u.test(span)) continue;
    return true;
  }
  return false;
}
