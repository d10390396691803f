/**
 * Names the gazetteer does not know, for the build report: wiki-link targets no entity claims,
 * capitalised multiword Latin names (and, inside Chinese text, any capitalised Latin name) and
 * quoted names. Conservative by design: anything overlapping a known name is left out.
 */
import { resolveLink, linkTitle } from './links.ts';
import { OTHER, type Gazetteer, type Scan, type TagContext } from './types.ts';
import type { Lang } from '../../schema/records.ts';

const CAP_WORD = /^\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*$/u;
const PARTICLE_HYPHEN = /^(?:al|el|ash|as|ad|ar|at|az|ez|an)-\p{L}/iu;

function isHanLang(lang: Lang | string): boolean {
  return /^zh/i.test(lang);
}

const wordSetsOf = new WeakMap<Gazetteer, { notName: Set<string>; particle: Set<string> }>();
function wordSets(gaz: Gazetteer): { notName: Set<string>; particle: Set<string> } {
  let sets = wordSetsOf.get(gaz);
  if (!sets) {
    sets = { notName: new Set(gaz.rules.unknownNames.notNames), particle: new Set(gaz.rules.unknownNames.particles) };
    wordSetsOf.set(gaz, sets);
  }
  return sets;
}

export function findUnknownNames(
  gaz: Gazetteer,
  text: string,
  links: string[] = [],
  lang: Lang | string = 'en',
  context: TagContext = {},
  // the passage's scan, when the caller has it already (one scan serves tags and unknown names)
  scanned: Scan = gaz.matcherFor(context.countries).scan(text),
): string[] {
  const out: string[] = [];
  const push = (n: string) => {
    const name = n.trim();
    if (name && !out.includes(name)) out.push(name);
  };
  const { hanNameSuffixes } = gaz.rules.unknownNames;
  const { notName, particle } = wordSets(gaz);

  // 1. link targets nobody claims
  for (const l of links) {
    const title = linkTitle(gaz, l);
    if (!title || resolveLink(gaz, l).length || gaz.matcher.lookup(title).includes(OTHER)) continue;
    if (/^\d/.test(title)) continue;
    push(title);
  }

  // spans already claimed by the gazetteer (entities, agencies, other known names)
  const { matches, folded } = scanned;
  const claimed = new Uint8Array(text.length + 1);
  if (folded.aligned) for (const m of matches) claimed.fill(1, m.start, m.end);
  const free = (start: number, end: number) => {
    for (let k = start; k < end; k++) if (claimed[k]) return false;
    return true;
  };

  // 2. runs of capitalised Latin words
  const han = isHanLang(lang);
  const wordRe = /[\p{Script=Latin}\p{N}'’-]+/gu;
  const words = [...text.matchAll(wordRe)].map((m) => ({ w: m[0].replace(/^[-'’]+|[-'’]+$/g, ''), start: m.index!, end: m.index! + m[0].length }));
  let run: typeof words = [];
  const flush = () => {
    while (run.length && (notName.has(run[0]!.w) || particle.has(run[0]!.w.toLowerCase()))) run.shift();
    while (run.length && particle.has(run[run.length - 1]!.w.toLowerCase())) run.pop();
    const caps = run.filter((r) => CAP_WORD.test(r.w) && !notName.has(r.w)).length;
    const latinOnly = run.every((r) => /^[\p{Script=Latin}'’-]+$/u.test(r.w));
    if (run.length && latinOnly && (caps >= 2 || (han && caps === 1 && run[0]!.w.length >= 3)) && free(run[0]!.start, run[run.length - 1]!.end)) {
      const name = text.slice(run[0]!.start, run[run.length - 1]!.end);
      if (!/^[\p{Lu}\d]{1,5}$/u.test(name)) push(name);
    }
    run = [];
  };
  for (let k = 0; k < words.length; k++) {
    const cur = words[k]!;
    const prev = words[k - 1];
    // a run breaks at punctuation or at any non-space gap (Han characters, commas, brackets)
    const gap = prev ? text.slice(prev.end, cur.start) : '';
    if (run.length && !/^ +$/.test(gap)) flush();
    const isCap = CAP_WORD.test(cur.w) && !/^\d/.test(cur.w);
    const isParticle = particle.has(cur.w.toLowerCase()) || PARTICLE_HYPHEN.test(cur.w);
    if (isCap || (run.length && isParticle)) run.push(cur);
    else flush();
    if (/[\u3400-\u9fff]/.test(cur.w)) flush();
  }
  flush();

  // 3. quoted names
  for (const m of text.matchAll(/[“"「『]([^”"」』\n]{2,40})[”"」』]/g)) {
    const inner = m[1]!.trim();
    const start = m.index! + 1;
    if (!free(start, start + m[1]!.length)) continue;
    const latinName = /^\p{Lu}[\p{L}'’-]*(?: (?:[\p{Lu}][\p{L}'’-]*|al|of|the))* \p{Lu}[\p{L}'’-]*$/u.test(inner);
    const hanName = /^[\u3400-\u9fff]{2,12}$/.test(inner) && hanNameSuffixes.some((s) => inner.endsWith(s));
    if (latinName || hanName) push(inner);
  }
  return out;
}
