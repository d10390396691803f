/**
 * What the linking stage compares of one event: its days, its places and groups (entity ids, with
 * the weight of each in the corpus), its acts (taxonomy ids), its casualty figures and the other
 * numbers it states. Everything is language-neutral, so a Chinese and an English account of one
 * happening meet without translation.
 */
import { readFileSync } from 'node:fs';
import { findDateMentions } from '../dates/index.ts';
import { statedNumbers } from '../figures/index.ts';
import type { Entity, EventDraft, FigureKind } from '../../schema/records.ts';

export interface LinkRules {
  date: { same: number; overlap: number; adjacent: number; onlyOne: number; periodDays: number };
  places: { kindFactor: Record<string, number>; otherKindFactor: number; general: string[]; cap: number; disagree: number };
  groups: { factor: number; cap: number; disagree: number };
  act: { subtype: number; inActs: number; type: number; sharedAct: number; disagree: number };
  figures: { near: number; large: number; small: number; cap: number; conflict: number; conflictCap: number };
  coverage: { place: number; group: number; number: number; cap: number };
  split: { max: number };
  numbers: { min: number; yearFrom: number; yearTo: number; each: number; cap: number };
  minKinds: number;
  linkScore: number;
  adjacentScore: number;
  closeMargin: number;
}

let cachedRules: LinkRules | undefined;
export function loadLinkRules(): LinkRules {
  cachedRules ??= JSON.parse(readFileSync(new URL('./rules.json', import.meta.url), 'utf8')) as LinkRules;
  return cachedRules;
}

/** A casualty count as the linker compares it. */
export interface ProfileFigure {
  kind: FigureKind;
  low: number | null;
  high: number | null;
  text: string;
}

export interface LinkProfile {
  id: string;
  source: string;
  /** line of the passage in its source */
  line: number;
  /** days since 1970-01-01 */
  start: number;
  end: number;
  precision: EventDraft['date']['precision'];
  /** a day-precision span longer than rules.date.periodDays */
  period: boolean;
  /** place id -> weight (rarity times kind factor) */
  places: Map<string, number>;
  /** places not of a general kind (countries, governorates) */
  specific: Set<string>;
  /** group id -> weight (rarity) */
  groups: Map<string, number>;
  type: string;
  subtype?: string;
  /** the sub-types (or, without one, the types) of every act it reports, and its main one */
  acts: Set<string>;
  actTypes: Set<string>;
  figures: ProfileFigure[];
  /** numbers stated outside its date expressions, at least rules.numbers.min, no years (read on first use: most passages meet no other source's) */
  readonly numbers: Set<number>;
}

/** What profiles need to know about the corpus: entity kinds and parents, and how often each id occurs. */
export interface Corpus {
  entityById: Map<string, Pick<Entity, 'id' | 'kind' | 'parent'>>;
  /** number of events mentioning each entity id */
  frequency: Map<string, number>;
  events: number;
}

export function corpusOf(events: Pick<EventDraft, 'places' | 'groups'>[], entities: Pick<Entity, 'id' | 'kind' | 'parent'>[]): Corpus {
  const frequency = new Map<string, number>();
  for (const e of events) for (const id of new Set([...e.places, ...e.groups])) frequency.set(id, (frequency.get(id) ?? 0) + 1);
  return { entityById: new Map(entities.map((e) => [e.id, e])), frequency, events: events.length };
}

const DAY_MS = 86_400_000;
export const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Inverse document frequency: 1 for an id in every event, more for rarer ones. */
function rarity(corpus: Corpus, id: string): number {
  const df = corpus.frequency.get(id) ?? 1;
  return Math.log(1 + corpus.events / df);
}

/** Each corpus's ancestor lists, made once per place (the linker asks for them in every comparison of places). */
const ancestorsMade = new WeakMap<Corpus, Map<string, readonly string[]>>();

/** Every ancestor of a place (its parent, the parent's parent, …). */
export function ancestors(corpus: Corpus, id: string): readonly string[] {
  let made = ancestorsMade.get(corpus);
  if (!made) ancestorsMade.set(corpus, (made = new Map()));
  let out = made.get(id);
  if (out) return out;
  const up: string[] = [];
  let at = corpus.entityById.get(id)?.parent;
  while (at && !up.includes(at)) {
    up.push(at);
    at = corpus.entityById.get(at)?.parent;
  }
  made.set(id, (out = up));
  return out;
}

/** Each profile's source as a small number (the first source met is 0): comparing and clustering ask for sources at every step. */
export function sourceNumbers(profiles: Pick<LinkProfile, 'source'>[]): number[] {
  const numbers = new Map<string, number>();
  return profiles.map((p) => {
    let n = numbers.get(p.source);
    if (n === undefined) numbers.set(p.source, (n = numbers.size));
    return n;
  });
}

/** The numbers a passage states outside its date expressions, as sets of values worth comparing. */
export function textNumbers(event: Pick<EventDraft, 'text' | 'lang'>, rules: LinkRules): Set<number> {
  const worth = statedNumbers(event.text, event.lang).filter(
    (n) => n.value >= rules.numbers.min && !(Number.isInteger(n.value) && n.value >= rules.numbers.yearFrom && n.value <= rules.numbers.yearTo),
  );
  if (!worth.length) return new Set();
  const dates = findDateMentions(event.text, event.lang);
  return new Set(worth.filter((n) => !dates.some((d) => n.start < d.end && n.end > d.start)).map((n) => n.value));
}

export function profileOf(event: EventDraft, corpus: Corpus, rules: LinkRules): LinkProfile {
  const start = dayNumber(event.date.start);
  const end = dayNumber(event.date.end);
  const places = new Map<string, number>();
  const specific = new Set<string>();
  for (const id of event.places) {
    const kind = corpus.entityById.get(id)?.kind ?? '';
    places.set(id, rarity(corpus, id) * (rules.places.kindFactor[kind] ?? rules.places.otherKindFactor));
    if (!rules.places.general.includes(kind)) specific.add(id);
  }
  const groups = new Map(event.groups.map((id) => [id, rarity(corpus, id)]));
  const acts = new Set<string>();
  const actTypes = new Set<string>([event.type]);
  if (event.subtype) acts.add(event.subtype);
  for (const a of event.acts ?? []) {
    acts.add(a.subtype ?? a.type);
    actTypes.add(a.type);
  }
  const figures = (event.figures ?? [])
    .filter((f) => !f.vague && (f.low !== null || f.high !== null))
    .map((f) => ({ kind: f.kind, low: f.low, high: f.high, text: f.text }));
  let numbers: Set<number> | undefined;
  return {
    id: event.id,
    source: event.source.id,
    line: event.source.line,
    start,
    end,
    precision: event.date.precision,
    period: event.date.precision === 'day' && end - start + 1 > rules.date.periodDays,
    places,
    specific,
    groups,
    type: event.type,
    ...(event.subtype ? { subtype: event.subtype } : {}),
    acts,
    actTypes,
    figures,
    get numbers() {
      return (numbers ??= textNumbers(event, rules));
    },
  };
}
