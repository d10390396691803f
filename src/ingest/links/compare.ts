/**
 * The rule: do two passages of different sources report one happening? Their dates must meet; then
 * each kind of agreement (place, actors, act, numbers) adds to a score, and disagreements and
 * whatever the better covered passage tells that the other lacks subtract. A pair is a link only
 * when several kinds agree (rules.minKinds), the acts agree whenever both passages report acts,
 * and the score is high enough; a pair a day apart needs more. Two attacks on the same day in the
 * same governorate share a date, a governorate and a type, which is not enough.
 */
import { ancestors, type Corpus, type LinkProfile, type LinkRules, type ProfileFigure } from './profile.ts';

export type DateRelation = 'same' | 'overlap' | 'adjacent';
export type AgreementKind = 'place' | 'actors' | 'act' | 'numbers';
export type ActAgreement = 'subtype' | 'inActs' | 'type' | 'sharedAct';

export interface FigureMatch {
  kind: ProfileFigure['kind'];
  a: string;
  b: string;
  /** the counts are the same, not only near */
  exact: boolean;
}

export interface Comparison {
  a: string;
  b: string;
  date: DateRelation;
  /** each is the only passage of its source whose dates meet the other's */
  onlyOne: boolean;
  places: string[];
  groups: string[];
  act?: ActAgreement;
  figures: FigureMatch[];
  numbers: number[];
  /** kinds of agreement besides the date */
  kinds: AgreementKind[];
  /** what speaks against one happening */
  disagree: ('place' | 'actors' | 'act' | 'figures')[];
  /** what the better covered passage tells that the other lacks, as a cost */
  uncovered: number;
  score: number;
  verdict: 'link' | 'close' | 'no';
}

/** What clustering reads of a comparison: kept for every pair that is a link or close to one (the
 * rest of a comparison, its shared places, groups and figures, is made again for the links listed). */
export type Scored = Pick<Comparison, 'a' | 'b' | 'date' | 'onlyOne' | 'kinds' | 'score' | 'verdict'> & {
  /** the pair's ids in order, for ordering ties (made once, not in each comparison of a sort) */
  key: string;
};

export function scored(c: Comparison): Scored {
  return { a: c.a, b: c.b, date: c.date, onlyOne: c.onlyOne, kinds: c.kinds, score: c.score, verdict: c.verdict, key: c.a < c.b ? `${c.a} ${c.b}` : `${c.b} ${c.a}` };
}

/** How the dates of two passages meet, or undefined when they do not. */
export function dateRelation(a: LinkProfile, b: LinkProfile): DateRelation | undefined {
  if (a.precision !== b.precision) return undefined;
  if (a.precision !== 'day') return a.start === b.start && a.end === b.end ? 'same' : undefined;
  if (a.period || b.period) {
    if (!(a.period && b.period) || Math.abs(a.start - b.start) > 1 || Math.abs(a.end - b.end) > 1) return undefined;
    return a.start === b.start && a.end === b.end ? 'same' : 'adjacent';
  }
  if (a.start <= b.end && b.start <= a.end) return a.start === b.start && a.end === b.end ? 'same' : 'overlap';
  return Math.max(a.start, b.start) - Math.min(a.end, b.end) === 1 ? 'adjacent' : undefined;
}

const round = (n: number) => Math.round(n * 100) / 100;
const capped = (n: number, cap: number) => Math.min(n, cap);

/** The count a figure stands for when compared: its one number, or its one bound. */
export function figureValue(f: Pick<ProfileFigure, 'low' | 'high'>): number {
  return (f.low ?? f.high)!;
}

/** Same kind, and the same count, or counts of ten or more within `near` of each other ("24 killed" and "30 killed"). */
export function figuresAgree(fa: ProfileFigure, fb: ProfileFigure, near: number): boolean {
  if (fa.kind !== fb.kind) return false;
  const [a, b] = [figureValue(fa), figureValue(fb)];
  return a === b || (Math.max(a, b) >= 10 && Math.abs(a - b) <= near * Math.max(a, b));
}

/** Each figure of one passage paired with at most one of the other: same kind, counts that (nearly) agree. */
export function matchFigures(a: ProfileFigure[], b: ProfileFigure[], near: number): { pairs: [number, number][]; matches: FigureMatch[] } {
  const pairs: [number, number][] = [];
  const matches: FigureMatch[] = [];
  if (!a.length || !b.length) return { pairs, matches };
  const used = new Set<number>();
  a.forEach((fa, i) => {
    // exact agreement first, then near
    let j = b.findIndex((fb, k) => !used.has(k) && fb.kind === fa.kind && figureValue(fb) === figureValue(fa));
    if (j < 0) j = b.findIndex((fb, k) => !used.has(k) && figuresAgree(fa, fb, near));
    if (j < 0) return;
    used.add(j);
    pairs.push([i, j]);
    matches.push({ kind: fa.kind, a: fa.text, b: b[j]!.text, exact: figureValue(fa) === figureValue(b[j]!) });
  });
  return { pairs, matches };
}

function actAgreement(a: LinkProfile, b: LinkProfile): ActAgreement | undefined {
  if (a.subtype && a.subtype === b.subtype) return 'subtype';
  if ((a.subtype && b.acts.has(a.subtype)) || (b.subtype && a.acts.has(b.subtype))) return 'inActs';
  if (a.acts.size && b.acts.size && a.type === b.type) return 'type';
  for (const x of a.acts) if (b.acts.has(x)) return 'sharedAct';
  return undefined;
}

/** Is a place of one passage named by the other, or inside or around one it names? */
function placeCovered(corpus: Corpus, id: string, other: LinkProfile): boolean {
  if (other.places.has(id)) return true;
  const up = ancestors(corpus, id);
  for (const o of other.places.keys()) if (up.includes(o) || ancestors(corpus, o).includes(id)) return true;
  return false;
}

/** Does a specific place of one lie inside a specific place of the other (a district of a city)? */
function nestedSpecific(corpus: Corpus, a: LinkProfile, b: LinkProfile): boolean {
  for (const x of a.specific) for (const y of b.specific) if (ancestors(corpus, x).includes(y) || ancestors(corpus, y).includes(x)) return true;
  return false;
}

/** The places two passages both name, in the first one's order. */
function sharedPlaces(a: LinkProfile, b: LinkProfile): string[] {
  const shared: string[] = [];
  for (const id of a.places.keys()) if (b.places.has(id)) shared.push(id);
  return shared;
}

/**
 * Do the places of two passages agree (a specific place in common, or only general ones, some
 * shared) or disagree (each names specific places of its own, none the other's nor inside one)?
 */
function placeVerdict(a: LinkProfile, b: LinkProfile, shared: string[], corpus: Corpus): 'agree' | 'disagree' | undefined {
  if (shared.some((id) => a.specific.has(id)) || (shared.length > 0 && a.specific.size === 0 && b.specific.size === 0)) return 'agree';
  if (a.specific.size && b.specific.size && !nestedSpecific(corpus, a, b)) return 'disagree';
  return undefined;
}

/** Can two passages not report one happening: their dates do not meet, or their places disagree? */
export function contradictory(a: LinkProfile, b: LinkProfile, corpus: Corpus): boolean {
  return !dateRelation(a, b) || placeVerdict(a, b, sharedPlaces(a, b), corpus) === 'disagree';
}

/** What `x` tells that `y` lacks: its specific places, groups and numbers not in y, weighed. */
function uncoveredCost(x: LinkProfile, y: LinkProfile, corpus: Corpus, rules: LinkRules): number {
  let cost = 0;
  for (const id of x.specific) if (!placeCovered(corpus, id, y)) cost += x.places.get(id)! * rules.coverage.place;
  for (const [id, w] of x.groups) if (!y.groups.has(id)) cost += w * rules.coverage.group;
  for (const n of x.numbers) if (!y.numbers.has(n)) cost += rules.coverage.number;
  return capped(cost, rules.coverage.cap);
}

/** Counts of `x` whose kind `y` also counts, with no count of y near them. */
function figureConflicts(x: ProfileFigure[], y: ProfileFigure[], matched: Set<number>): number {
  return x.filter((f, i) => !matched.has(i) && y.some((g) => g.kind === f.kind)).length;
}

/**
 * The comparison of two passages, or undefined when their dates do not meet. With `whole` false,
 * also undefined when the pair is a 'no', as soon as it can only be one (what remains to weigh
 * only lowers the score): most pairs on a day many sources tell are, and are not kept.
 */
export function comparePair(a: LinkProfile, b: LinkProfile, corpus: Corpus, rules: LinkRules, onlyOne = false, whole = true): Comparison | undefined {
  if (a.source === b.source) return undefined;
  const date = dateRelation(a, b);
  if (!date) return undefined;
  let score = rules.date[date] + (onlyOne ? rules.date.onlyOne : 0);
  const kinds: AgreementKind[] = [];
  const disagree: Comparison['disagree'] = [];

  // places
  const places = sharedPlaces(a, b);
  score += capped(places.reduce((sum, id) => sum + Math.min(a.places.get(id)!, b.places.get(id)!), 0), rules.places.cap);
  const placesMeet = placeVerdict(a, b, places, corpus);
  if (placesMeet === 'agree') kinds.push('place');
  else if (placesMeet === 'disagree') {
    // both name places of their own and none is the other's, nor inside it
    disagree.push('place');
    score += rules.places.disagree;
  }

  // actors
  const groups: string[] = [];
  for (const id of a.groups.keys()) if (b.groups.has(id)) groups.push(id);
  score += capped(groups.reduce((sum, id) => sum + a.groups.get(id)! * rules.groups.factor, 0), rules.groups.cap);
  if (groups.length) kinds.push('actors');
  else if (a.groups.size && b.groups.size) {
    disagree.push('actors');
    score += rules.groups.disagree;
  }

  // the kind of act
  const act = actAgreement(a, b);
  if (act) {
    score += rules.act[act];
    kinds.push('act');
  }
  const actsDisagree = a.acts.size > 0 && b.acts.size > 0 && !act;
  if (actsDisagree) {
    disagree.push('act');
    score += rules.act.disagree;
  }

  // numbers
  const { pairs, matches } = matchFigures(a.figures, b.figures, rules.figures.near);
  const matchedValues = new Set<number | null>();
  for (const [i, j] of pairs) matchedValues.add(a.figures[i]!.low).add(a.figures[i]!.high).add(b.figures[j]!.low).add(b.figures[j]!.high);
  score += capped(
    pairs.reduce((sum, [i]) => sum + (figureValue(a.figures[i]!) >= 10 ? rules.figures.large : rules.figures.small), 0),
    rules.figures.cap,
  );
  const numbers: number[] = [];
  if (b.numbers.size) for (const n of a.numbers) if (b.numbers.has(n) && !matchedValues.has(n)) numbers.push(n);
  numbers.sort((x, y) => x - y);
  score += capped(numbers.length * rules.numbers.each, rules.numbers.cap);
  if (matches.length || numbers.length) kinds.push('numbers');

  const needed = date === 'adjacent' ? rules.adjacentScore : rules.linkScore;
  if (!whole) {
    // coverage and conflicting figures only subtract from here on
    const best = Math.max(needed - rules.closeMargin, date === 'adjacent' && kinds.length === 4 ? rules.linkScore : -Infinity);
    if (kinds.length < rules.minKinds - 1 || round(score) < best) return undefined;
  }

  // what the better covered passage tells that the other lacks
  const matchedA = new Set(pairs.map(([i]) => i));
  const matchedB = new Set(pairs.map(([, j]) => j));
  const uncoveredA = uncoveredCost(a, b, corpus, rules);
  const uncoveredB = uncoveredCost(b, a, corpus, rules);
  const aCovered = uncoveredA <= uncoveredB;
  const uncovered = round(Math.min(uncoveredA, uncoveredB));
  score -= uncovered;
  const conflicts = aCovered ? figureConflicts(a.figures, b.figures, matchedA) : figureConflicts(b.figures, a.figures, matchedB);
  if (conflicts) {
    disagree.push('figures');
    score += Math.max(conflicts * rules.figures.conflict, rules.figures.conflictCap);
  }

  score = round(score);
  const actsOk = !actsDisagree;
  const enough = kinds.length >= rules.minKinds && actsOk;
  const verdict: Comparison['verdict'] =
    enough && (score >= needed || (date === 'adjacent' && kinds.length === 4 && score >= rules.linkScore))
      ? 'link'
      : kinds.length >= rules.minKinds - 1 && score >= needed - rules.closeMargin
        ? 'close'
        : 'no';
  if (!whole && verdict === 'no') return undefined;
  const comparison: Comparison = { a: a.id, b: b.id, date, onlyOne, places, groups, figures: matches, numbers, kinds, disagree, uncovered, score, verdict };
  if (act) comparison.act = act;
  return comparison;
}
