/**
 * Names in every language from evidence: Chinese names found in texts (evidence.ts) and datasets
 * (GeoNames alternate names, countries-states-cities translations) fill the languages a hand-written
 * entry lacks; the other Chinese script comes from OpenCC. Every name filled records its source.
 */
import { openccConverter } from '../../../lib/opencc.ts';
import { foldName, HAN } from '../fold.ts';
import type { NameEvidence } from './evidence.ts';

export type Lang = 'en' | 'zh-Hans' | 'zh-Hant';
export interface Names {
  en?: string;
  'zh-Hans'?: string;
  'zh-Hant'?: string;
}
export interface NameFill {
  name: Names;
  nameSources: Record<string, string>;
  /** Spellings met in the evidence, to match in texts (checked for clashes by the caller). */
  aliases: string[];
}

/** Han-script names only: kana or hangul mean another language's name (アレッポ, 알레포). */
export const CHINESE_NAME = /^[\u3400-\u9fff\uf900-\ufaff·]{2,}$/;
/** A name written for Chinese readers: Han characters, possibly with a Latin proper name kept in
 * Latin letters ("Qasr al-Wali饭店"). */
const CHINESE_TEXT_NAME = /^(?=.*[\u3400-\u9fff])[\u3400-\u9fff\uf900-\ufaff·\p{Script=Latin}' \-]+$/u;

/** Both scripts of a Chinese name, from the script it is written in. */
export function bothScripts(name: string): { 'zh-Hans': string; 'zh-Hant': string; written: 'zh-Hans' | 'zh-Hant' } {
  const toHans = openccConverter('tw', 'cn');
  const toHant = openccConverter('cn', 'tw');
  const hans = toHans(name);
  if (hans === name) return { 'zh-Hans': name, 'zh-Hant': toHant(name), written: 'zh-Hans' };
  return { 'zh-Hans': hans, 'zh-Hant': name, written: 'zh-Hant' };
}

export interface Candidate {
  han: string;
  source: string;
  /** Higher wins: a link title (the wiki's own name) over an interlanguage pair over a gloss over a dataset. */
  weight: number;
}

const WEIGHT = { link: 4, interlanguage: 3, gloss: 2, dataset: 1 } as const;

/**
 * Attach evidence to entities: `lookup` maps a name (any script) to the entity ids it names.
 * A finding is used only when it names exactly one entity.
 */
export function attachEvidence(evidence: NameEvidence[], lookup: (name: string) => string[]): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>();
  for (const e of evidence) {
    const keys = [e.latin, e.display, e.han].filter((x): x is string => Boolean(x));
    let ids: string[] = [];
    for (const k of keys) {
      ids = [...new Set(lookup(k))];
      if (ids.length) break;
    }
    if (ids.length !== 1) continue;
    const list = out.get(ids[0]!) ?? [];
    list.push({ han: e.han, source: `${e.kind} in ${e.file}:${e.line}`, weight: WEIGHT[e.kind] });
    out.set(ids[0]!, list);
  }
  return out;
}

export function datasetCandidates(names: string[], source: string): Candidate[] {
  return names.filter((n) => CHINESE_NAME.test(n)).map((han) => ({ han, source, weight: WEIGHT.dataset }));
}

/** The names an entry lacks, from its candidates (the best-weighted, most often met), then OpenCC. */
export function fillNames(have: Names, candidates: Candidate[]): NameFill {
  const name: Names = {};
  const nameSources: Record<string, string> = {};
  const aliases = new Set<string>();
  for (const c of candidates) aliases.add(c.han);
  const missing = (l: Lang) => !have[l] && !name[l];
  // a Chinese name typed by hand in one script is the name: the other script is its OpenCC form
  // (below), not some other spelling among the candidates
  const typed = Boolean(have['zh-Hans'] || have['zh-Hant']);
  if (!typed && (missing('zh-Hans') || missing('zh-Hant'))) {
    const tally = new Map<string, { score: number; first: Candidate }>();
    for (const c of candidates) {
      const key = foldName(c.han).lower;
      const t = tally.get(key) ?? { score: 0, first: c };
      if (!CHINESE_TEXT_NAME.test(c.han)) continue;
      t.score += c.weight * 100 + 1;
      if (c.weight > t.first.weight) t.first = c;
      tally.set(key, t);
    }
    const best = [...tally.values()].sort((a, b) => b.score - a.score)[0]?.first;
    if (best) {
      const both = bothScripts(best.han);
      for (const l of ['zh-Hans', 'zh-Hant'] as const) {
        if (!missing(l)) continue;
        name[l] = both[l];
        nameSources[l] = l === both.written ? best.source : `OpenCC of ${best.source}`;
      }
    }
  }
  // one script typed by hand: the other through OpenCC
  for (const [from, to] of [['zh-Hans', 'zh-Hant'], ['zh-Hant', 'zh-Hans']] as const) {
    const src = have[from] ?? name[from];
    if (src && missing(to) && HAN.test(src)) {
      name[to] = bothScripts(src)[to];
      nameSources[to] = `OpenCC (${from} -> ${to}) of "${src}"`;
    }
  }
  for (const n of Object.values(name)) if (n) aliases.add(n);
  return { name, nameSources, aliases: [...aliases] };
}
