/**
 * From links between pairs to happenings. The strongest links are taken first; two groups of
 * accounts become one happening only when no source is in both (a happening has one account per
 * source) and no account of one contradicts an account of the other (dates that do not meet,
 * places that differ). One exception: a source that tells in two passages next to each other what
 * another source tells in one (rules.split) has both in the happening. Links that lose, and pairs
 * just short of a link, are kept for the report as too close to call.
 */
import { comparePair, type Comparison, type Scored } from './compare.ts';
import type { Corpus, LinkProfile, LinkRules } from './profile.ts';

export interface Rejected {
  a: string;
  b: string;
  score: number;
  kinds: Comparison['kinds'];
  date: Comparison['date'];
  /** below: short of a link; rival: the happening already has an account of that source, linked more strongly; conflict: an account of one contradicts one of the other */
  reason: 'below' | 'rival' | 'conflict';
  /** for a rival: the account that was linked instead, and its score */
  instead?: { id: string; score: number };
}

export interface Clustering {
  /** each happening's events, in the order of the profiles */
  groups: string[][];
  /** the links that joined two accounts' happenings, strongest first (one fewer than a happening's accounts) */
  links: Scored[];
  /** links between accounts already in one happening: counted, not listed (they grow as the square of its accounts) */
  within: number;
  rejected: Rejected[];
}

interface Group {
  members: string[];
}

const pairKey = (c: { a: string; b: string }) => (c.a < c.b ? `${c.a} ${c.b}` : `${c.b} ${c.a}`);
/** Strongest first; ties in the order of the pair's ids, whatever order the events came in. */
const byStrength = (x: Scored, y: Scored) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

/** Each passage's neighbours in its source (the passages just before and after it, by line). */
function neighboursOf(profiles: LinkProfile[]): Map<string, Set<string>> {
  const bySource = new Map<string, LinkProfile[]>();
  for (const p of profiles) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p]);
  const out = new Map<string, Set<string>>();
  for (const list of bySource.values()) {
    const sorted = [...list].sort((x, y) => x.line - y.line || x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1));
    sorted.forEach((p, i) => out.set(p.id, new Set([sorted[i - 1]?.id, sorted[i + 1]?.id].filter((id): id is string => !!id))));
  }
  return out;
}

export function clusterLinks(profiles: LinkProfile[], comparisons: Scored[], corpus: Corpus, rules: LinkRules): Clustering {
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const sourceOf = (id: string) => profileById.get(id)!.source;
  const neighbours = neighboursOf(profiles);
  const groupOf = new Map<string, Group>(profiles.map((p) => [p.id, { members: [p.id] }]));
  const scores = new Map<string, number>();
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  for (const c of comparisons) scores.set(key(c.a, c.b), c.score);
  const scoreOf = (a: string, b: string) => scores.get(key(a, b)) ?? comparePair(profileById.get(a)!, profileById.get(b)!, corpus, rules)?.score ?? 0;
  const contradicts = (x: string, y: string) => {
    if (sourceOf(x) === sourceOf(y)) return false;
    const pair = comparePair(profileById.get(x)!, profileById.get(y)!, corpus, rules);
    return !pair || pair.disagree.includes('place');
  };
  const accounts = (g: Group) => {
    const bySource = new Map<string, string[]>();
    for (const m of g.members) bySource.set(sourceOf(m), [...(bySource.get(sourceOf(m)) ?? []), m]);
    return [...bySource.values()];
  };
  /** Does an account (one source's passages) of one group contradict an account of the other? A split account does only when every part of it does. */
  const groupsContradict = (ga: Group, gb: Group) =>
    accounts(ga).some((xs) => accounts(gb).some((ys) => xs.every((x) => ys.every((y) => contradicts(x, y)))));
  const merge = (ga: Group, gb: Group) => {
    const merged = { members: [...ga.members, ...gb.members] };
    for (const id of merged.members) groupOf.set(id, merged);
  };
  /** Can passage `x` (alone so far) join `g` as the second passage of a source g already holds? */
  const splitJoins = (x: string, g: Group) => {
    const same = g.members.filter((m) => sourceOf(m) === sourceOf(x));
    if (!same.length || same.length >= rules.split.max) return false;
    const split = new Set(g.members.map(sourceOf).filter((s, i, all) => all.indexOf(s) !== i));
    if (split.size && !split.has(sourceOf(x))) return false;
    // a part joins only an account that nothing else in the happening contradicts
    return same.some((m) => neighbours.get(m)?.has(x)) && g.members.every((m) => !contradicts(x, m));
  };

  const links: Scored[] = [];
  const rejected: Rejected[] = [];
  const parts: Scored[] = [];
  let within = 0;
  const rejectRival = (c: Scored) => {
    const [ga, gb] = [groupOf.get(c.a)!, groupOf.get(c.b)!];
    const forB = ga.members.find((x) => sourceOf(x) === sourceOf(c.b));
    const forA = gb.members.find((y) => sourceOf(y) === sourceOf(c.a));
    const instead = forB ? { id: forB, score: scoreOf(c.a, forB) } : forA ? { id: forA, score: scoreOf(c.b, forA) } : undefined;
    rejected.push({ a: c.a, b: c.b, score: c.score, kinds: c.kinds, date: c.date, reason: 'rival', ...(instead ? { instead } : {}) });
  };
  for (const c of comparisons.filter((x) => x.verdict === 'link').sort(byStrength)) {
    const ga = groupOf.get(c.a)!;
    const gb = groupOf.get(c.b)!;
    if (ga === gb) {
      within++;
      continue;
    }
    const clash = gb.members.some((y) => ga.members.some((x) => sourceOf(x) === sourceOf(y)));
    if (clash) {
      // A lone passage next to its source's account of the happening may be the rest of that
      // account: tried once every happening has its one account per source.
      if (gb.members.length === 1 || ga.members.length === 1) {
        parts.push(c);
        continue;
      }
      rejectRival(c);
      continue;
    }
    if (groupsContradict(ga, gb)) {
      rejected.push({ a: c.a, b: c.b, score: c.score, kinds: c.kinds, date: c.date, reason: 'conflict' });
      continue;
    }
    merge(ga, gb);
    links.push(c);
  }
  for (const c of parts) {
    const [ga, gb] = [groupOf.get(c.a)!, groupOf.get(c.b)!];
    const lone = gb.members.length === 1 ? { x: c.b, g: ga } : ga.members.length === 1 ? { x: c.a, g: gb } : undefined;
    if (ga !== gb && lone && splitJoins(lone.x, lone.g)) {
      merge(ga, gb);
      links.push(c);
    } else if (ga !== gb) rejectRival(c);
  }
  for (const c of comparisons) if (c.verdict === 'close') rejected.push({ a: c.a, b: c.b, score: c.score, kinds: c.kinds, date: c.date, reason: 'below' });

  const order = new Map(profiles.map((p, i) => [p.id, i]));
  const groups = [...new Set(groupOf.values())]
    .map((g) => [...g.members].sort((x, y) => order.get(x)! - order.get(y)!))
    .sort((x, y) => order.get(x[0]!)! - order.get(y[0]!)!);
  // a pair whose accounts met through a third account is not rejected
  const stillApart = rejected.filter((r) => groupOf.get(r.a) !== groupOf.get(r.b));
  stillApart.sort((x, y) => y.score - x.score || (pairKey(x) < pairKey(y) ? -1 : 1));
  return { groups, links, within, rejected: stillApart };
}
