/**
 * Links stage: which passages of different sources report one happening. Runs after entities,
 * types and figures: profiles (profile.ts) -> pairs whose dates meet -> the rule (compare.ts) ->
 * happenings (cluster.ts) -> ids (ids.ts) and the report published as /data/links.json.
 */
import type { Entity, EventDraft, LinksReport } from '../../schema/records.ts';
import { comparePair, dateRelation, scored, type DateRelation, type Scored } from './compare.ts';
import { clusterLinks } from './cluster.ts';
import { happeningId, uniqueHappeningIds } from './ids.ts';
import { corpusOf, loadLinkRules, profileOf, sourceNumbers, type LinkProfile, type LinkRules } from './profile.ts';

export { comparePair, dateRelation, matchFigures, type Comparison } from './compare.ts';
export { corpusOf, loadLinkRules, profileOf, type LinkProfile, type LinkRules } from './profile.ts';
export { happeningId } from './ids.ts';

export type { LinksReport };

export interface Linking {
  /** event id -> happening id, for every event */
  happeningOf: Map<string, string>;
  report: LinksReport;
}

/** Pairs too close to call listed in links.json, the closest first (rejectedTotal counts them all). */
export const REJECTED_LISTED = 5_000;

/** Keys under which an event is found by others whose dates may meet it. */
function bucketKeys(p: LinkProfile): string[] {
  if (p.precision !== 'day') return [`${p.precision}:${p.start}:${p.end}`];
  if (p.period) return [`period:${p.start}`];
  const keys: string[] = [];
  for (let d = p.start; d <= p.end; d++) keys.push(`day:${d}`);
  return keys;
}

/** Keys to look up: the buckets of any event whose dates could meet this one's (one day either side). */
function lookupKeys(p: LinkProfile): string[] {
  if (p.precision !== 'day') return bucketKeys(p);
  if (p.period) return [p.start - 1, p.start, p.start + 1].map((d) => `period:${d}`);
  const keys: string[] = [];
  for (let d = p.start - 1; d <= p.end + 1; d++) keys.push(`day:${d}`);
  return keys;
}

/**
 * Every pair of events of different sources whose dates meet, compared once; the pairs that are
 * neither a link nor close to one are counted, not kept (on a day many sources tell, the pairs grow
 * as the square of its accounts: kept, they would fill memory).
 */
export function comparePairs(profiles: LinkProfile[], corpus: ReturnType<typeof corpusOf>, rules: LinkRules): { kept: Scored[]; compared: number } {
  const buckets = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const k of bucketKeys(p)) {
      const list = buckets.get(k);
      if (list) list.push(i);
      else buckets.set(k, [i]);
    }
  });
  const sourceOf = sourceNumbers(profiles);
  // each passage's buckets to look in (those that exist), each a list of passages in order
  const lookups = profiles.map((p) => lookupKeys(p).map((k) => buckets.get(k)).filter((list): list is number[] => list !== undefined));
  /** each pair of different sources whose dates meet, once (j > i), with how they meet */
  const eachPair = (visit: (i: number, j: number, relation: DateRelation) => void) => {
    // the last i each passage was met by (a passage of many days is in several of i's buckets)
    const seenBy = new Int32Array(profiles.length).fill(-1);
    profiles.forEach((p, i) => {
      for (const list of lookups[i]!) {
        // a bucket holds its passages in order: start past i
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (list[mid]! <= i) lo = mid + 1;
          else hi = mid;
        }
        for (let k = lo; k < list.length; k++) {
          const j = list[k]!;
          if (seenBy[j] === i) continue;
          seenBy[j] = i;
          if (sourceOf[j] === sourceOf[i]) continue;
          const relation = dateRelation(p, profiles[j]!);
          if (relation) visit(i, j, relation);
        }
      }
    });
  };
  // how many passages of each other source share days with each passage (a first pass, so the
  // pairs need not be held to be compared in the second)
  const meets = profiles.map(() => new Map<number, number>());
  eachPair((i, j, relation) => {
    if (relation === 'adjacent') return;
    meets[i]!.set(sourceOf[j]!, (meets[i]!.get(sourceOf[j]!) ?? 0) + 1);
    meets[j]!.set(sourceOf[i]!, (meets[j]!.get(sourceOf[i]!) ?? 0) + 1);
  });
  const kept: Scored[] = [];
  let compared = 0;
  eachPair((i, j, relation) => {
    const [p, q] = [profiles[i]!, profiles[j]!];
    const onlyOne = relation !== 'adjacent' && meets[i]!.get(sourceOf[j]!) === 1 && meets[j]!.get(sourceOf[i]!) === 1;
    const c = comparePair(p, q, corpus, rules, onlyOne, false);
    compared++;
    if (c) kept.push(scored(c));
  });
  return { kept, compared };
}

export function linkEvents(events: EventDraft[], entities: Pick<Entity, 'id' | 'kind' | 'parent'>[], rules: LinkRules = loadLinkRules()): Linking {
  const corpus = corpusOf(events, entities);
  const profiles = events.map((e) => profileOf(e, corpus, rules));
  const { kept, compared } = comparePairs(profiles, corpus, rules);
  const { groups, links, within, rejected } = clusterLinks(profiles, kept, corpus, rules);

  const eventById = new Map(events.map((e) => [e.id, e]));
  const profileById = new Map(profiles.map((p) => [p.id, p]));
  const ids = uniqueHappeningIds(groups.map((g) => happeningId(g.map((id) => ({ id, start: eventById.get(id)!.date.start })))));
  const happeningOf = new Map<string, string>();
  const byAccounts: Record<string, number> = {};
  groups.forEach((g, i) => {
    for (const id of g) happeningOf.set(id, ids[i]!);
    byAccounts[g.length] = (byAccounts[g.length] ?? 0) + 1;
  });
  return {
    happeningOf,
    report: {
      events: events.length,
      happenings: groups.length,
      byAccounts,
      pairsCompared: compared,
      linksWithin: within,
      rejectedTotal: rejected.length,
      links: links.map((s) => comparePair(profileById.get(s.a)!, profileById.get(s.b)!, corpus, rules, s.onlyOne)!).map((c) => ({
        happening: happeningOf.get(c.a)!,
        a: c.a,
        b: c.b,
        score: c.score,
        date: c.date,
        kinds: c.kinds,
        places: c.places,
        groups: c.groups,
        ...(c.act ? { act: c.act } : {}),
        figures: c.figures,
        numbers: c.numbers,
      })),
      // the closest calls first; past REJECTED_LISTED only counted
      rejected: rejected.slice(0, REJECTED_LISTED),
    },
  };
}
