/**
 * Places the gazetteer does not know, named with a place cue (rules.json `placeCues`): "the village
 * of Robey", "the villages of Robey and Tall Ghazal", "Abou Taltal村", "塔代夫（Tadef）镇", or a feature
 * word that is part of the name ("Tharda Mountain", "Wadi Khaled"). The cue says
 * that the name is a place, and of what kind; the name is the capitalised Latin run the cue opens or
 * closes. Pure: a text and its matches in, cued names out; tag.ts decides what each one names.
 */
import { asciiKey } from './generate/geocode.ts';
import { trailingName } from './generate/evidence.ts';
import { foldName, HAN, isLatinWordChar, type Folded } from './fold.ts';
import { namesOf } from './load.ts';
import type { Gazetteer, GazetteerEntity } from './types.ts';
import type { Tags } from './tag.ts';

export interface CuedName {
  /** The name as written (a Latin run). */
  name: string;
  start: number;
  end: number;
  /** The kind the cue gives ("village", "town"). */
  kind: string;
  /** The Han-script name a bracketed Latin gloss follows ("塔代夫" of "塔代夫（Tadef）镇"). */
  han?: string;
  hanStart?: number;
  /** Read only as a known place spelled another way ("in Deir Ezzor"), never as a new one. */
  knownOnly?: boolean;
  /** A state's military branch ("the Argentine Navy"), from a group head marked `branch`. */
  branch?: boolean;
  /** Where the feature word of a name that carries one stands ("Dam" of "Tabqa Dam"). */
  feature?: { start: number; end: number };
}

/** One word of a name: Latin letters with apostrophes and inner hyphens ("al-Bab", "Ma'arrat"). */
const WORD = /\p{Script=Latin}[\p{Script=Latin}\p{M}'’]*(?:-\p{Script=Latin}[\p{Script=Latin}\p{M}'’]*)*/uy;
const WORDS = /\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*/gu;
const CAPITAL = /^\p{Lu}/u;
/** An article written onto the name ("al-Tiba", "as-Samu"). */
const ARTICLE_HYPHEN = /^(?:al|el|ash|as|ad|ar|at|az|ez|an|ad|ed|es|et)-\p{L}/iu;
/** Most names a plural cue word's list is read back for (the scan stays linear). */
const MAX_LIST = 8;
/** Shortest name left when its article is taken off: a shorter one is too often a word. */
const MIN_WITHOUT_ARTICLE = 6;

/** A name written with its article ("Al-Baghuz Fawqani") is written without it too ("in Baghuz
 * Fawqani"): the name without it, when what is left is long enough to be a name alone. */
export function withoutArticle(name: string): string[] {
  if (!ARTICLE_HYPHEN.test(name)) return [];
  const rest = name.slice(name.indexOf('-') + 1);
  return /^\p{Lu}/u.test(rest) && rest.replace(/\s/g, '').length >= MIN_WITHOUT_ARTICLE ? [rest] : [];
}

interface Words {
  particles: Set<string>;
  notNames: Set<string>;
  /** Possessives that stand inside a name (People's); any other ends the run before it. */
  possessives?: Set<string>;
}

/** Whether the word can stand in a name, and whether it can end or start one. */
function wordRole(w: string, words: Words): 'name' | 'particle' | undefined {
  if (words.notNames.has(w)) return undefined;
  if (CAPITAL.test(w) || ARTICLE_HYPHEN.test(w)) return 'name';
  if (words.particles.has(w.toLowerCase())) return 'particle';
  return undefined;
}

/** The name that starts at `from` (after spaces): capitalised words, particles inside only. */
function nameAfter(text: string, from: number, words: Words): { start: number; end: number } | undefined {
  let at = from;
  while (text[at] === ' ') at++;
  const start = at;
  let end = -1;
  for (;;) {
    WORD.lastIndex = at;
    const m = WORD.exec(text);
    if (!m) break;
    let w = m[0];
    // a possessive ends the name: "Robey's wells"
    const possessive = /['’]s$/.test(w) && w.length > 2;
    if (possessive) w = w.slice(0, -2);
    const role = wordRole(w, words);
    if (!role) break;
    if (role === 'name') end = at + w.length;
    if (possessive) break;
    at += m[0].length;
    if (text[at] !== ' ' || text[at + 1] === ' ') break;
    at++;
  }
  if (end < 0) return undefined;
  // a leading bare particle is kept only as part of the name ("al Dahreyyi")
  return { start, end };
}

/** The name that ends at `to` (a Latin run just before a Han cue word, or before a group's head
 * word when `inLatin`: then Latin text may stand before it). */
function nameBefore(text: string, to: number, words: Words, inLatin = false): { start: number; end: number } | undefined {
  let end = to;
  if (text[end - 1] === ' ') end--;
  const head = text.slice(Math.max(0, end - 80), end);
  const tokens = [...head.matchAll(WORDS)];
  if (!tokens.length) return undefined;
  const offset = end - head.length;
  // the run: tokens from the right, each a name word or particle, separated by one space
  let first = tokens.length;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const tEnd = offset + t.index! + t[0].length;
    const next = tokens[k + 1];
    const gapOk = next ? text.slice(tEnd, offset + next.index!) === ' ' : tEnd === end;
    // a possessive ends the run before it: "the CIA's Special Activities Division"
    if (!gapOk || !wordRole(t[0], words) || (/['’]s$/.test(t[0]) && !words.possessives?.has(t[0].replace('’', "'")))) break;
    first = k;
  }
  if (first === tokens.length) return undefined;
  while (first < tokens.length && wordRole(tokens[first]![0], words) === 'particle') first++;
  if (first === tokens.length) return undefined;
  const start = offset + tokens[first]!.index!;
  if (inLatin) return { start, end };
  // the run must start the Latin text: "ISIL captured Arima村" is not read
  let k = start - 1;
  while (text[k] === ' ') k--;
  if (isLatinWordChar(text[k]) || /\d/.test(text[k] ?? '')) return undefined;
  return { start, end };
}

/** Names a place cue marks in `text` (original text; `f` is its aligned folding). */
/** The place cues as one text reads them: folded phrases and word sets, made once per gazetteer
 * (folding a Han phrase runs OpenCC: once per passage was a cost of its own). */
interface CompiledCues {
  words: Words;
  headWords: Words;
  joiners: string[];
  afterObject: Set<string>;
  prepositions: Set<string>;
  before: { cue: NonNullable<Gazetteer['rules']['placeCues']>['before'][number]; phrases: { p: string; many: boolean }[] }[];
  after: { kind: string; many: boolean; named: boolean; words: string[]; unless: string[] }[];
  numbers: Set<string>;
  numbered: Set<string>;
  groupHeads: string[];
}
const compiledCues = new WeakMap<Gazetteer, CompiledCues>();

function compileCues(gaz: Gazetteer): CompiledCues {
  const had = compiledCues.get(gaz);
  if (had) return had;
  const cues = gaz.rules.placeCues!;
  const words: Words = {
    particles: new Set(gaz.rules.unknownNames.particles.map((p) => p.toLowerCase())),
    notNames: new Set(gaz.rules.unknownNames.notNames),
  };
  const compiled: CompiledCues = {
    words,
    // before a head, capitalised words only ("the Tank Corps at Bovington Camp" is a camp of one word)
    headWords: { ...words, particles: new Set() },
    joiners: [...cues.joiners].sort((a, b) => b.length - a.length),
    afterObject: new Set(cues.afterObject),
    prepositions: new Set(cues.prepositions),
    before: cues.before.map((cue) => ({
      cue,
      phrases: [...cue.one.map((p) => ({ p: foldName(p).lower, many: false })), ...cue.many.map((p) => ({ p: foldName(p).lower, many: true }))],
    })),
    after: cues.after.map((cue) => ({
      kind: cue.kind,
      many: cue.many,
      named: cue.named,
      words: [...new Set(cue.words.map((x) => foldName(x).lower))],
      unless: cue.unless.map((u) => foldName(u).lower),
    })),
    numbers: new Set(gaz.rules.groupCues?.numbers ?? []),
    numbered: new Set(cues.numbered),
    groupHeads: (gaz.rules.groupCues?.heads ?? []).flatMap((h) => h.words.map((w) => ` ${w}`)),
  };
  compiledCues.set(gaz, compiled);
  return compiled;
}

export function cuedNames(gaz: Gazetteer, text: string, f: Folded): CuedName[] {
  const cues = gaz.rules.placeCues;
  if (!cues || !f.aligned) return [];
  const { words, headWords, joiners, afterObject, prepositions, before: beforeCues, after: afterCues, numbers, groupHeads, numbered } = compileCues(gaz);
  const out: CuedName[] = [];
  const s = f.lower;
  // a verb's object ends its clause or goes on with a joiner or one of `afterObject`: in "captured
  // German positions" the capitalised word is an adjective, not a place
  const standsAsObject = (end: number) => {
    const next = /^ ?(\p{L}+)/u.exec(text.slice(end, end + 40))?.[1];
    return !next || !/^\p{Ll}/u.test(next) || afterObject.has(next) || joiners.includes(next);
  };

  for (const { cue, phrases } of beforeCues) {
    for (const { p, many } of phrases) {
      for (let at = s.indexOf(p); at >= 0; at = s.indexOf(p, at + 1)) {
        const end = at + p.length;
        // a Latin phrase stands as words; a Han one ("在") may touch the Latin name it opens
        if ((isLatinWordChar(p[0]) && isLatinWordChar(s[at - 1])) || (isLatinWordChar(p[p.length - 1]) && isLatinWordChar(s[end]))) continue;
        // written in lower case: "The Villages Of …" is a heading's title case, not a cue
        if (f.text.slice(at, end) !== p) continue;
        if (cue.requires.length && !requiredBefore(s, at, cue.requires, cue.within)) continue;
        let from = end;
        for (;;) {
          const n = withNumber(text, nameAfter(text, from, words), numbered);
          if (!n || (cue.verb && !standsAsObject(n.end))) break;
          out.push({ name: text.slice(n.start, n.end), start: n.start, end: n.end, kind: cue.kind, ...(cue.knownOnly ? { knownOnly: true } : {}) });
          if (!many) break;
          let next = n.end;
          const joiner = joiners.find((j) => {
            const lead = text.slice(next).match(/^ */)![0].length;
            const ok = s.startsWith(j, next + lead) && !(isLatinWordChar(j[j.length - 1]) && isLatinWordChar(s[next + lead + j.length]));
            if (ok) next += lead + j.length;
            return ok;
          });
          if (!joiner) break;
          from = next;
        }
      }
    }
  }

  for (const cue of afterCues) {
    const unless = cue.unless;
    for (const w of cue.words) {
      for (let at = s.indexOf(w); at >= 0; at = s.indexOf(w, at + 1)) {
        if (unless.some((u) => s.startsWith(u, at))) continue;
        // a Latin cue word after a Latin name: "fighting at Qirat village"
        if (isLatinWordChar(w[0])) {
          if (text[at - 1] !== ' ' || isLatinWordChar(s[at + w.length]) || f.text.slice(at, at + w.length) !== w) continue;
          const n = nameBefore(text, at, words, true);
          if (!n) continue;
          // a plural cue word closes a list: "the Baghiliya and Ayyash neighborhoods"
          const list = [n];
          if (cue.many)
            for (let k = 0; k < MAX_LIST; k++) {
              const head = text.slice(0, list[0]!.start).trimEnd();
              const joiner = joiners.find((j) => head.endsWith(j) && !(isLatinWordChar(j[0]) && isLatinWordChar(head[head.length - j.length - 1])));
              const prev = joiner ? nameBefore(text, head.length - joiner.length, words, true) : undefined;
              if (!prev) break;
              list.unshift(prev);
            }
          // only after a preposition or "the" ("at Qirat village", "in the Khanafir neighbourhood"): in
          // "the largely Christian town" the name is an adjective, and so is a people's ("the Lebanese town")
          // a plural cue word after one name makes it an attribute ("in Bekaa villages"), not a place's name
          if (cue.many && list.length < 2) continue;
          const first = list[0]!;
          const before = /(\p{L}+) +(the +)?$/u.exec(text.slice(Math.max(0, first.start - 24), first.start));
          if (before && (prepositions.has(before[1]!) || before[2]) && !(before[2] && demonymsOf(gaz).has(text.slice(first.start, first.end).split(' ')[0]!)))
            for (const m of list) {
              // a named feature's word is part of its name as written ("the Jabisah oil field"); a list's
              // names are as written too ("the Jabisah and Kabibah oil fields": Jabisah, Kabibah)
              const end = cue.named && !cue.many ? at + w.length : m.end;
              out.push({ name: text.slice(m.start, end), start: m.start, end, kind: cue.kind });
            }
          continue;
        }
        // a glossed name: 塔代夫（Tadef）镇
        const close = text[at - 1];
        if (close === '）' || close === ')') {
          // the opening bracket within a name's length (a bounded look back, so the scan stays linear)
          const from = Math.max(0, at - 62);
          const window = text.slice(from, at - 1);
          const inWindow = Math.max(window.lastIndexOf('（'), window.lastIndexOf('('));
          if (inWindow < 0) continue;
          const open = from + inWindow;
          const n = nameBefore(text, at - 1, words);
          if (!n || n.start !== open + 1 + (text.slice(open + 1).match(/^ */)![0].length)) continue;
          const before = text.slice(Math.max(0, open - 20), open);
          const run = before.match(/[\u3400-\u9fff\uf900-\ufaff·]+$/)?.[0];
          const han = run ? trailingName(run, gaz.rules.glossBoundaries ?? []) : undefined;
          out.push({ name: text.slice(n.start, n.end), start: n.start, end: n.end, kind: cue.kind, ...(han && HAN.test(han) ? { han, hanStart: open - han.length } : {}) });
          continue;
        }
        // the cue ends a list: Barzeh与Qabun地区 names both (the joiner right before each name)
        for (let n = nameBefore(text, at, words); n; ) {
          out.push({ name: text.slice(n.start, n.end), start: n.start, end: n.end, kind: cue.kind });
          const before = text.slice(0, n.start).trimEnd();
          // a joiner that is a word ("and") stands as a word
          const joiner = joiners.find((j) => before.endsWith(j) && !(isLatinWordChar(j[0]) && isLatinWordChar(before[before.length - j.length - 1])));
          n = joiner ? nameBefore(text, before.length - joiner.length, words) : undefined;
        }
      }
    }
  }
  // a name with its feature word: "Tharda Mountain", "the Thayyem Oil Fields", "Wadi Khaled"; a
  // numbered unit's name is an army's ("the XXXXIX Mountain Corps"), and a group's head right
  // after it makes the name a group's ("the Manbij Hills Brigade")
  const inGroupName = (end: number) => groupHeads.some((g) => text.startsWith(g, end) && !isLatinWordChar(text[end + g.length]));
  for (const head of cues.heads)
    for (const w of head.words)
      for (const n of namesClosedBy(text, w, headWords))
        if (!numberedUnit(text, n.start, numbers) && !inGroupName(n.end))
          out.push({ name: text.slice(n.start, n.end), start: n.start, end: n.end, kind: head.kind, feature: { start: n.end - w.length, end: n.end } });
  for (const lead of cues.leads)
    for (const w of lead.words)
      for (const n of namesOpenedBy(text, w, words)) out.push({ name: text.slice(n.start, n.end), start: n.start, end: n.end, kind: lead.kind, feature: { start: n.start, end: n.start + w.length } });
  // a name two cues read (the village of Tall Fanus) keeps the first reading that may make a place
  // of it (a known-only one, "near Tall Fanus", gives way)
  const key = (n: CuedName) => `${n.start}:${n.end}`;
  const making = new Set(out.filter((n) => !n.knownOnly).map(key));
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.start - b.start)
    .filter((n) => !(n.knownOnly && making.has(key(n))) && !seen.has(key(n)) && Boolean(seen.add(key(n))));
}

/** A name that is one of `numbered` ("Hill") is a place only with its number ("Hill 800"): the name
 * with it, else none. */
function withNumber(text: string, n: { start: number; end: number } | undefined, numbered: Set<string>): { start: number; end: number } | undefined {
  if (!n || !numbered.has(text.slice(n.start, n.end))) return n;
  const number = /^ \d{1,5}(?![\d\p{L}])/u.exec(text.slice(n.end, n.end + 8))?.[0];
  return number ? { start: n.start, end: n.end + number.length } : undefined;
}

/** Whether one of `words` stands as a word in the sentence before `at`, at most `within` characters back. */
function requiredBefore(lower: string, at: number, words: string[], within: number): boolean {
  let clause = lower.slice(Math.max(0, at - within), at);
  clause = clause.slice(Math.max(clause.lastIndexOf('.'), clause.lastIndexOf(';'), clause.lastIndexOf('。')) + 1);
  return words.some((w) => {
    for (let k = clause.indexOf(w); k >= 0; k = clause.indexOf(w, k + 1)) if (!isLatinWordChar(clause[k - 1]) && !isLatinWordChar(clause[k + w.length])) return true;
    return false;
  });
}

const demonymSets = new WeakMap<Gazetteer, Set<string>>();

/** The adjectives of the peoples of the gazetteer's countries ("Lebanese", "Turkish"). */
function demonymsOf(gaz: Gazetteer): Set<string> {
  let set = demonymSets.get(gaz);
  if (!set) demonymSets.set(gaz, (set = new Set(gaz.places.flatMap((e) => e.demonyms ?? []))));
  return set;
}

/** Each name a capitalised head word closes: the run of name words (particles inside) just before
 * the head, with the head ("Tharda Mountain", "the Northern Sun Battalion"). */
function* namesClosedBy(text: string, head: string, words: Words): Generator<{ start: number; end: number }> {
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
    const end = at + head.length;
    if (text[at - 1] !== ' ' || isLatinWordChar(text[end])) continue;
    const start = nameBefore(text, at, words, true)?.start;
    if (start !== undefined) yield { start, end };
  }
}

const groupWords = new WeakMap<Gazetteer, { words: Words; numbers: Set<string> }>();

/**
 * Armed groups the gazetteer does not know, named by a head word that ends a group's name
 * (rules.json `groupCues`: "the Northern Sun Battalion", "the Aleppo Military Council") or a lead
 * word that opens it ("Liwa al-Quds"). The name
 * is the capitalised Latin run just before the head, with the head; a numbered unit (the 48th
 * Panzer Corps, XIV Corps, the Sixth Army) is a part of an army, not a group of its own. Lower-case heads
 * ("the brigade") are common nouns. Pure, like cuedNames.
 */
export function cuedGroupNames(gaz: Gazetteer, text: string, f: Folded): CuedName[] {
  const cues = gaz.rules.groupCues;
  if (!cues || !f.aligned) return [];
  let compiled = groupWords.get(gaz);
  if (!compiled) {
    const words: Words = { particles: new Set(gaz.rules.unknownNames.particles.map((p) => p.toLowerCase())), notNames: new Set(cues.stops), possessives: new Set(cues.possessives) };
    groupWords.set(gaz, (compiled = { words, numbers: new Set(cues.numbers) }));
  }
  const { words, numbers } = compiled;
  const out: CuedName[] = [];
  for (const head of cues.heads) {
    for (const w of head.words) {
      for (const { start, end } of namesClosedBy(text, w, words)) {
        if (numberedUnit(text, start, numbers)) continue;
        out.push({ name: text.slice(start, end), start, end, kind: head.kind, feature: { start: end - w.length, end }, ...(head.branch ? { branch: true } : {}) });
      }
    }
  }
  // a name its first word says is a group's ("Liwa al-Quds": the brigade of Jerusalem)
  for (const lead of cues.leads)
    for (const w of lead.words)
      for (const n of namesOpenedBy(text, w, words)) out.push({ name: text.slice(n.start, n.end), start: n.start, end: n.end, kind: lead.kind, feature: { start: n.start, end: n.start + w.length } });
  return out.sort((a, b) => a.start - b.start);
}

/** Each name a capitalised lead word opens: the lead and the run of name words right after it. */
function* namesOpenedBy(text: string, lead: string, words: Words): Generator<{ start: number; end: number }> {
  for (let at = text.indexOf(lead); at >= 0; at = text.indexOf(lead, at + 1)) {
    if (isLatinWordChar(text[at - 1]) || text[at + lead.length] !== ' ') continue;
    const n = nameAfter(text, at + lead.length, words);
    if (n && n.start === at + lead.length + 1) yield { start: at, end: n.end };
  }
}

/** A Roman numeral that numbers a unit (XIV Corps). */
const ROMAN = /^[IVXL]+$/;

/** Whether the name at `start` is a numbered unit's: 48th Panzer Corps, XIV Corps, Sixth Army. */
function numberedUnit(text: string, start: number, numbers: Set<string>): boolean {
  const firstWord = text.slice(start).match(WORDS)?.[0] ?? '';
  return /\d\p{L}{0,2}\s*$/u.test(text.slice(Math.max(0, start - 8), start)) || ROMAN.test(firstWord) || numbers.has(firstWord);
}

const spellingMaps = new WeakMap<Gazetteer, Map<string, string>>();

/** The word spellings one loose key folds together (rules.json placeCues `spellings`: Tall, Tal,
 * Tell, Tel; Kafr, Kfar), each to the first of its group. */
export function spellingsOf(gaz: Gazetteer): Map<string, string> {
  let map = spellingMaps.get(gaz);
  if (!map) {
    map = new Map();
    for (const group of gaz.rules.placeCues?.spellings ?? []) for (const w of group) map.set(w.toLowerCase(), group[0]!.toLowerCase());
    spellingMaps.set(gaz, map);
  }
  return map;
}

/**
 * A name folded across the usual variants of transliterated Arabic, looser than asciiKey (which it
 * builds on: diacritics, articles, doubled letters, -iyah endings): e and i, o and u (ou, oo) are
 * one vowel each, ei, ey and ay one diphthong, and the words of a group of `spellings` one word
 * (Tall, Tal, Tell; Kafr, Kfar). Tadef = Tadif, Abou Taltal = Abu Taltal, Tell Rifaat = Tal Rifat,
 * Deir = Dayr, Kfar Zita = Kafr Zita. Used only where a cue already says the name is a place.
 */
export function looseKey(name: string, spellings: Map<string, string>): string {
  const words = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => spellings.get(w.toLowerCase()) ?? w);
  return asciiKey(words.join(' '))
    .replace(/ei|ey|ay/g, 'ai')
    .replace(/[ey]/g, 'i')
    .replace(/o/g, 'u')
    .replace(/(.)\1+/g, '$1');
}

/** Shortest loose key looked up: shorter ones name too many things by chance. */
const MIN_KEY = 4;

const indexes = new WeakMap<Gazetteer, Map<string, Map<string, string[]>>>();

/** Loose key -> places of the region's countries (hand-written entries and dataset localities), or
 * of every country when `countries` is not given. */
export function looseIndex(gaz: Gazetteer, countries?: string[]): Map<string, string[]> {
  let byRegion = indexes.get(gaz);
  if (!byRegion) indexes.set(gaz, (byRegion = new Map()));
  const region = countries ? [...countries].sort().join(',') : '*';
  let index = byRegion.get(region);
  if (index) return index;
  index = new Map();
  const add = (e: GazetteerEntity, n: string) => {
    if (HAN.test(n)) return;
    const key = looseKey(n, spellingsOf(gaz));
    if (key.length < MIN_KEY) return;
    const ids = index!.get(key) ?? [];
    if (!ids.includes(e.id)) ids.push(e.id);
    index!.set(key, ids);
  };
  // the conflicts' neighbours' towns are read by their own names only: "Safiya" after "captured" in
  // a Syrian text is no Turkish town spelled another way, nor does one keep it from being a place
  const neighbours = new Set(gaz.conflicts.flatMap((c) => c.neighbours));
  for (const e of [...gaz.places, ...gaz.localities]) {
    if (e.locality && neighbours.has(e.country ?? '')) continue;
    if (!countries || (e.country && countries.includes(e.country))) for (const n of namesOf(e)) add(e, n);
  }
  byRegion.set(region, index);
  return index;
}

/**
 * One text's cued names spelled two ways (Mezze and Mezzeh, Kfar Sousa and Kfar Souseh) are one
 * place or group when their loose keys agree: the first spelling's id, the later ones its aliases.
 * Tags of passages in text order in, the same with the ids made one out.
 */
export function unifyCued(gaz: Gazetteer, tagged: Tags[]): Tags[] {
  const spellings = spellingsOf(gaz);
  const first = new Map<string, string>();
  const rename = new Map<string, string>();
  for (const t of tagged)
    for (const e of t.cued ?? []) {
      const key = looseKey(e.name.en, spellings);
      if (key.length < MIN_KEY) continue;
      const id = first.get(`${e.type} ${key}`);
      if (!id) first.set(`${e.type} ${key}`, e.id);
      else if (id !== e.id) rename.set(e.id, id);
    }
  if (!rename.size) return tagged;
  const to = (id: string) => rename.get(id) ?? id;
  const one = (ids: string[]) => [...new Set(ids.map(to))];
  return tagged.map((t) =>
    t.cued?.some((e) => rename.has(e.id)) ? { ...t, places: one(t.places), groups: one(t.groups), cued: t.cued.map((e) => ({ ...e, id: to(e.id) })) } : t,
  );
}

/** Lowercase ascii slug of a name, as the gazetteer's ids are. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'ʿʾ`´]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The id a cued place gets: its name's slug, or the slug with a number where a gazetteer entry
 * already has that id (the entry's own names did not match here, so it is another place). */
export function cuedId(gaz: Gazetteer, name: string): string | undefined {
  const slug = slugOf(name);
  if (!slug) return undefined;
  if (!gaz.byId.has(slug)) return slug;
  for (let n = 2; ; n++) if (!gaz.byId.has(`${slug}-${n}`)) return `${slug}-${n}`;
}
