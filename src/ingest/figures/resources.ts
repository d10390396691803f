/**
 * The casualty-figure knowledge of one language (resources/<language>.json), compiled once into
 * phrase matchers. The engine (find.ts) names no word of any language itself.
 */
import { readFileSync } from 'node:fs';
import { phraseSet, type PhraseSet } from '../phrases.ts';
import type { FigureKind, Lang } from '../../schema/records.ts';

export interface KindEntry {
  kind: FigureKind;
  orKind?: FigureKind;
  /** where the kind word stands from its count */
  position: 'before' | 'after' | 'both';
  /** a verb that may be active with an object of its own */
  verb?: boolean;
  /** gives its kind only when nothing else does */
  weak?: boolean;
  phrases: string[];
}

export interface FigureResource {
  numbers: {
    words?: Record<string, number>;
    han?: Record<string, number>;
    hanUnits?: Record<string, number>;
    vague: string[];
  };
  modifiers: { atLeast: string[]; atLeastAfter: string[]; atMost: string[]; approx: string[]; approxAfter?: string[]; gapAfterModifier: string[] };
  ranges: { joiners: string[]; between: string[]; betweenJoiners: string[] };
  classifiers: string[];
  /** classifiers that are the people themselves (15人): no noun phrase follows */
  classifiersNouns?: string[];
  personNouns: string[];
  roles: { civilians: string[]; fighters: string[]; unknown: string[] };
  mixed: string[];
  eachSide: string[];
  kinds: KindEntry[];
  headKinds: { kind: FigureKind; orKind?: FigureKind; phrases: string[] }[];
  tolls: { kind: FigureKind; orKind?: FigureKind; phrases: string[] }[];
  passive: string[];
  objectEnds: string[];
  stops: string[];
  notCounts: string[];
  parts: { after: string[]; afterCopula: string[]; before: string[]; beforeClose: string[] };
  joiners: string[];
  outerJoiners: string[];
  boundaries: string[];
  alternative: string[];
  restate: string[];
  /** words between a kind word and a count that show the kind word does not govern it */
  blockers?: string[];
  /** a count after one of these in its sentence is a running total over a longer time */
  runningTotal?: string[];
  reporters: { reporter: string; phrases: string[] }[];
  /** when set, a reporter phrase counts only before one of these words (活动人士称) or after an opener (据活动人士) */
  reportVerbs?: string[];
  reportOpeners?: string[];
}

export type Modifier = 'atLeast' | 'atMost' | 'approx';
export type Role = 'civilians' | 'fighters' | 'unknown';

/** The value each phrase list of the resource carries, by the list's name in find.ts. */
export interface FigureWords {
  kinds: { entry: KindEntry; toll: boolean };
  mods: Modifier;
  afterMods: Modifier;
  persons: string;
  roles: Role;
  headKinds: { kind: FigureKind; orKind?: FigureKind };
  mixed: string;
  each: string;
  passive: string;
  stops: string;
  notCounts: string;
  partsAfter: string;
  partsBefore: string;
  partsClose: string;
  copulas: string;
  boundaries: string;
  alternative: string;
  restate: string;
  blockers: string;
  running: string;
  reporters: string;
  reportVerbs: string;
  reportOpeners: string;
}

export interface CompiledFigureResource extends FigureResource {
  lang: 'en' | 'zh';
  /** every phrase list of the resource, matched in one pass over a passage */
  words: PhraseSet<FigureWords>;
  /** one regular expression finding every number word, digit run, Chinese numeral or vague count */
  numberPattern: RegExp;
}

const cache = new Map<string, CompiledFigureResource>();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;

function numberPattern(r: FigureResource): RegExp {
  const parts: string[] = [];
  if (r.numbers.vague.length) parts.push(`(?<vague>${[...r.numbers.vague].sort(byLength).map(escape).join('|')})`);
  // digits: 5,641 / 1.5 / 1千565 / 3万
  parts.push('(?<digits>(?<![A-Za-z\\p{N}.,\\-])(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[千万]\\d*)?(?![\\p{N}]|[A-Za-z]))');
  const han = Object.keys(r.numbers.han ?? {});
  const units = Object.keys(r.numbers.hanUnits ?? {});
  if (han.length) parts.push(`(?<han>[${escape([...han, ...units].join(''))}]+)`);
  const words = Object.keys(r.numbers.words ?? {}).sort(byLength);
  if (words.length) {
    const w = words.map(escape).join('|');
    parts.push(`(?<words>(?<![\\p{L}\\p{N}])(?:${w})(?:[- ](?:${w}))?(?![\\p{L}\\p{N}]))`);
  }
  return new RegExp(parts.join('|'), 'giu');
}

export function loadFigureResource(lang: Lang | 'en' | 'zh'): CompiledFigureResource {
  const key = lang.startsWith('zh') ? 'zh' : 'en';
  let compiled = cache.get(key);
  if (!compiled) {
    const r = JSON.parse(readFileSync(new URL(`./resources/${key}.json`, import.meta.url), 'utf8')) as FigureResource;
    const modifiers = (list: string[], m: Modifier) => list.map((phrase) => ({ phrase, value: m }));
    const plain = (list: string[]) => list.map((phrase) => ({ phrase, value: phrase }));
    compiled = {
      ...r,
      lang: key,
      words: phraseSet<FigureWords>({
        kinds: [
          ...r.kinds.flatMap((entry) => entry.phrases.map((phrase) => ({ phrase, value: { entry, toll: false } }))),
          ...r.tolls.flatMap((t) =>
            t.phrases.map((phrase) => ({ phrase, value: { entry: { kind: t.kind, orKind: t.orKind, position: 'before' as const, phrases: [] }, toll: true } })),
          ),
        ],
        mods: [...modifiers(r.modifiers.atLeast, 'atLeast'), ...modifiers(r.modifiers.atMost, 'atMost'), ...modifiers(r.modifiers.approx, 'approx')],
        afterMods: [...modifiers(r.modifiers.atLeastAfter, 'atLeast'), ...modifiers(r.modifiers.approxAfter ?? [], 'approx')],
        persons: plain(r.personNouns),
        roles: (['civilians', 'fighters', 'unknown'] as const).flatMap((role) => r.roles[role].map((phrase) => ({ phrase, value: role }))),
        headKinds: r.headKinds.flatMap((h) => h.phrases.map((phrase) => ({ phrase, value: { kind: h.kind, orKind: h.orKind } }))),
        mixed: plain(r.mixed),
        each: plain(r.eachSide),
        passive: plain(r.passive),
        stops: plain(r.stops),
        notCounts: plain(r.notCounts),
        partsAfter: plain(r.parts.after),
        partsBefore: plain(r.parts.before),
        partsClose: plain(r.parts.beforeClose),
        copulas: plain(r.parts.afterCopula),
        boundaries: plain(r.boundaries),
        alternative: plain(r.alternative),
        restate: plain(r.restate),
        blockers: plain(r.blockers ?? []),
        running: plain(r.runningTotal ?? []),
        reporters: r.reporters.flatMap((x) => x.phrases.map((phrase) => ({ phrase, value: x.reporter }))),
        reportVerbs: plain(r.reportVerbs ?? []),
        reportOpeners: plain(r.reportOpeners ?? []),
      }),
      numberPattern: numberPattern(r),
    };
    cache.set(key, compiled);
  }
  return compiled;
}
