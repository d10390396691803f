/**
 * From links between pairs to happenings. The strongest links are taken first; two groups of
 * accounts become one happening only when no source is in both (a happening has one account per
 * source) and no account of one contradicts an account of the other (dates that do not meet,
 * places that differ). One exception: a source that tells in two passages next to each other what
 * another source tells in one (rules.split) has both in the happening. Links that lose, and pairs
 * just short of a link, are kept for the report as too close to call.
 */
import { comparePair, contradictory, type Comparison, type Scored } from './compare.ts';
import { sourceNumbers, type Corpus, type LinkProfile, type LinkRules } from './profile.ts';

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

/** A happening in the making: its accounts, each source's passages (profile indices) in the order they joined. */
interface Group {
  size: number;
  accounts: Map<number, number[]>;
}

const pairKey = (c: { a: string; b: string }) => (c.a < c.b ? `${c.a} ${c.b}` : `${c.b} ${c.a}`);
/** Strongest first; ties in the order of the pair's ids, whatever order the events came in. */
const byStrength = (x: Scored, y: Scored) => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

/** Each passage's neighbours in its source (the passages just before and after it, by line), as profile indices. */
function neighboursOf(profiles: LinkProfile[]): number[][] {
  const bySource = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    const list = bySource.get(p.source);
    if (list) list.push(i);
    else bySource.set(p.source, [i]);
  });
  const out: number[][] = profiles.map(() => []);
  for (const list of bySource.values()) {
    const sorted = list.sort((i, j) => {
      const [x, y] = [profiles[i]!, profiles[j]!];
      return x.line - y.line || x.start - y.start || x.end - y.end || (x.id < y.id ? -1 : 1);
    });
    sorted.forEach((p, k) => (out[p] = [sorted[k - 1], sorted[k + 1]].filter((n): n is number => n !== undefined)));
  }
  return out;
}

export function clusterLinks(profiles: LinkProfile[], comparisons: Scored[], corpus: Corpus, rules: LinkRules): Clustering {
  const indexOf = new Map(profiles.map((p, i) => [p.id, i]));
  const sourceOf = sourceNumbers(profiles);
  const neighbours = neighboursOf(profiles);
  const groupOf: Group[] = profiles.map((_, i) => ({ size: 1, accounts: new Map([[sourceOf[i]!, [i]]]) }));
  let scores: Map<string, number> | undefined;
  const scoreOf = (a: string, b: string) => {
    // made on first use: only a rival's report asks for the score of another pair
    scores ??= new Map(comparisons.map((c) => [c.key, c.score]));
    return scores.get(a < b ? `${a} ${b}` : `${b} ${a}`) ?? comparePair(profiles[indexOf.get(a)!]!, profiles[indexOf.get(b)!]!, corpus, rules)?.score ?? 0;
  };
  const contradicts = (x: number, y: number) => sourceOf[x] !== sourceOf[y] && contradictory(profiles[x]!, profiles[y]!, corpus);
  /** Does an account (one source's passages) of one group contradict an account of the other? A split account does only when every part of it does. */
  const groupsContradict = (ga: Group, gb: Group) => {
    for (const xs of ga.accounts.values())
      for (const ys of gb.accounts.values()) if (xs.every((x) => ys.every((y) => contradicts(x, y)))) return true;
    return false;
  };
  /** Do the groups hold passages of one source? */
  const clash = (ga: Group, gb: Group) => {
    const [small, large] = ga.accounts.size <= gb.accounts.size ? [ga, gb] : [gb, ga];
    for (const s of small.accounts.keys()) if (large.accounts.has(s)) return true;
    return false;
  };
  /** One group of both; each source's passages stay in the order ga's, then gb's (the larger group is kept, so a merge costs the smaller one). */
  const merge = (ga: Group, gb: Group) => {
    const [from, into] = ga.size < gb.size ? [ga, gb] : [gb, ga];
    for (const [s, list] of from.accounts) {
      const held = into.accounts.get(s);
      if (!held) into.accounts.set(s, list);
      else into.accounts.set(s, from === ga ? [...list, ...held] : [...held, ...list]);
      for (const m of list) groupOf[m] = into;
    }
    into.size += from.size;
  };
  const members = (g: Group) => [...g.accounts.values()].flat();
  /** Can passage `x` (alone so far) join `g` as the second passage of a source g already holds? */
  const splitJoins = (x: number, g: Group) => {
    const same = g.accounts.get(sourceOf[x]!) ?? [];
    if (!same.length || same.length >= rules.split.max) return false;
    const split = [...g.accounts].filter(([, list]) => list.length > 1).map(([s]) => s);
    if (split.length && !split.includes(sourceOf[x]!)) return false;
    // a part joins only an account that nothing else in the happening contradicts
    return same.some((m) => neighbours[m]!.includes(x)) && members(g).every((m) => !contradicts(x, m));
  };

  const links: Scored[] = [];
  const rejected: Rejected[] = [];
  const parts: Scored[] = [];
  let within = 0;
  const at = (id: string) => indexOf.get(id)!;
  const rejectRival = (c: Scored) => {
    const [a, b] = [at(c.a), at(c.b)];
    const forB = groupOf[a]!.accounts.get(sourceOf[b]!)?.[0];
    const forA = groupOf[b]!.accounts.get(sourceOf[a]!)?.[0];
    const instead =
      forB !== undefined
        ? { id: profiles[forB]!.id, score: scoreOf(c.a, profiles[forB]!.id) }
        : forA !== undefined
          ? { id: profiles[forA]!.id, score: scoreOf(c.b, profiles[forA]!.id) }
          : undefined;
    rejected.push({ a: c.a, b: c.b, score: c.score, kinds: c.kinds, date: c.date, reason: 'rival', ...(instead ? { instead } : {}) });
  };
  for (const c of comparisons.filter((x) => x.verdict === 'link').sort(byStrength)) {
    const ga = groupOf[at(c.a)]!;
    const gb = groupOf[at(c.b)]!;
    if (ga === gb) {
      within++;
      continue;
    }
    if (clash(ga, gb)) {
      // A lone passage next to its source's account of the happening may be the rest of that
      // account: tried once every happening has its one account per source.
      if (gb.size === 1 || ga.size === 1) {
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
    const [a, b] = [at(c.a), at(c.b)];
    const [ga, gb] = [groupOf[a]!, groupOf[b]!];
    const lone = gb.size === 1 ? { x: b, g: ga } : ga.size === 1 ? { x: a, g: gb } : undefined;
    if (ga !== gb && lone && splitJoins(lone.x, lone.g)) {
      merge(ga, gb);
      links.push(c);
    } else if (ga !== gb) rejectRival(c);
  }
  for (const c of comparisons) if (c.verdict === 'close') rejected.push({ a: c.a, b: c.b, score: c.score, kinds: c.kinds, date: c.date, reason: 'below' });

  const groups = [...new Set(groupOf)]
    .map((g) => members(g).sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!)
    .map((g) => g.map((i) => profiles[i]!.id));
  // a pair whose accounts met through a third account is not rejected
  const stillApart = rejected.filter((r) => groupOf[at(r.a)] !== groupOf[at(r.b)]);
  stillApart.sort((x, y) => y.score - x.score || (pairKey(x) < pairKey(y) ? -1 : 1));
  return { groups, links, within, rejected: stillApart };
}
