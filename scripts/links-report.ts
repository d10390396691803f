/**
 * `npx tsx scripts/links-report.ts [--pairs] [--sample N] [--seed S] [--all]`: the linking stage
 * measured on the ingest's output (DAYLINE_DATA_DIR, default .dayline/data; run `npm run ingest`
 * first). Prints happenings by number of accounts and links per pair of sources, then scores the
 * happenings against the hand annotation in tests/links/annotation.json: recall of its `same`
 * pairs, precision of the linked pairs it judges, and any hard negative linked.
 * --pairs lists every annotated pair with the rule's score; --sample N prints N linked pairs and N
 * rejected pairs (seeded) for checking by hand; --all lists every comparison.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../src/lib/data-dir.ts';
import type { Entity, EventRecord } from '../src/schema/records.ts';
import { comparePair, corpusOf, linkEvents, loadLinkRules, profileOf } from '../src/ingest/links/index.ts';
import { comparePairs } from '../src/ingest/links/index.ts';

import { loadLinksAnnotation, type AnnotatedPair, type PassageRef } from '../src/quality/links-annotation.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const dir = dataDir();
const events: EventRecord[] = JSON.parse(readFileSync(join(dir, 'events.json'), 'utf8'));
const entities: Entity[] = JSON.parse(readFileSync(join(dir, 'entities.json'), 'utf8'));
const rules = loadLinkRules();
const { happeningOf, report } = linkEvents(events, entities, rules);
const byId = new Map(events.map((e) => [e.id, e]));
const short = (e: EventRecord, n = 70) => `${e.date.start} ${e.source.id}:${e.source.line} ${e.text.slice(0, n).replace(/\s+/g, ' ')}`;

console.log(`${report.events} events, ${report.happenings} happenings, ${report.pairsCompared} pairs of different sources whose dates meet`);
console.log(`happenings by accounts: ${Object.entries(report.byAccounts).map(([n, c]) => `${n}: ${c}`).join(', ')}`);
const members = new Map<string, string[]>();
for (const [id, h] of happeningOf) members.set(h, [...(members.get(h) ?? []), id]);
const crossPairs: [string, string][] = [];
for (const list of members.values())
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) if (byId.get(list[i]!)!.source.id !== byId.get(list[j]!)!.source.id) crossPairs.push([list[i]!, list[j]!]);
const bySources = new Map<string, number>();
for (const [a, b] of crossPairs) {
  const k = [byId.get(a)!.source.id, byId.get(b)!.source.id].sort().join(' + ');
  bySources.set(k, (bySources.get(k) ?? 0) + 1);
}
console.log(`cross-source pairs in happenings: ${crossPairs.length}`);
for (const [k, n] of [...bySources].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
const reasons = new Map<string, number>();
for (const r of report.rejected) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
console.log(`rejected as too close to call: ${report.rejected.length} (${[...reasons].map(([k, n]) => `${k} ${n}`).join(', ')})`);

// ---- against the hand annotation
const annotation = loadLinksAnnotation();
const find = (r: PassageRef) => {
  const found = events.filter((e) => e.source.id === r.source && e.source.line === r.line && e.text.includes(r.text));
  if (found.length !== 1) throw new Error(`annotation passage ${r.source}:${r.line} "${r.text}" matches ${found.length} events`);
  return found[0]!;
};
const corpus = corpusOf(events, entities);
const profiles = events.map((e) => profileOf(e, corpus, rules));
// the pairs kept (links and close calls); any other pair is compared again on demand
const comparisons = comparePairs(profiles, corpus, rules).kept;
const pairKey = (a: string, b: string) => [a, b].sort().join(' ');
const comparisonOf = new Map(comparisons.map((c) => [pairKey(c.a, c.b), c]));
const profileById = new Map(profiles.map((p) => [p.id, p]));
// the whole comparison of a pair (the kept one holds its score; its onlyOne needs the corpus)
const full = (a: string, b: string) => comparePair(profileById.get(a)!, profileById.get(b)!, corpus, rules, comparisonOf.get(pairKey(a, b))?.onlyOne ?? false);
const compare = (a: EventRecord, b: EventRecord) => full(a.id, b.id);
let same = 0;
let sameLinked = 0;
let judgedLinked = 0;
let rightLinked = 0;
const wrong: string[] = [];
const missed: string[] = [];
const lines: string[] = [];
const annotatedKeys = new Set<string>();
for (const p of annotation.pairs) {
  const a = find(p.a);
  const b = find(p.b);
  annotatedKeys.add([a.id, b.id].sort().join(' '));
  const linked = happeningOf.get(a.id) === happeningOf.get(b.id);
  const c = compare(a, b);
  const desc = `${p.judgement.padEnd(9)} ${linked ? 'LINKED' : '      '} ${c ? `${c.verdict.padEnd(5)} ${String(c.score).padStart(5)} ${c.date.padEnd(8)}${c.onlyOne ? ' only' : ''} [${c.kinds.join(',')}]${c.disagree.length ? ` -${c.disagree.join(',-')}` : ''}` : 'dates do not meet'}\n    ${short(a)}\n    ${short(b)}`;
  lines.push(desc);
  if (p.judgement === 'same') {
    same++;
    if (linked) sameLinked++;
    else missed.push(desc);
  }
  if (linked) {
    judgedLinked++;
    if (p.judgement !== 'different') rightLinked++;
    else wrong.push(desc);
  }
}
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
console.log(`\nannotation (${annotation.pairs.length} pairs): recall of same ${sameLinked}/${same} (${pct(sameLinked, same)}); precision on annotated linked pairs ${rightLinked}/${judgedLinked} (${pct(rightLinked, judgedLinked)}); hard negatives linked: ${wrong.length}`);
for (const m of missed) console.log(`  missed: ${m}`);
for (const w of wrong) console.log(`  WRONG: ${w}`);
if (flag('--pairs')) for (const l of lines) console.log(l);

// linked pairs the annotation does not judge: for checking by hand
const unjudged = crossPairs.filter(([a, b]) => !annotatedKeys.has([a, b].sort().join(' ')));
console.log(`linked cross-source pairs the annotation does not judge: ${unjudged.length}`);

if (flag('--sample')) {
  const n = option('--sample', 20);
  let seed = option('--seed', 1);
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: T[]) => {
    const copy = [...list];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
    return out;
  };
  console.log(`\n--- sample of ${n} linked cross-source pairs`);
  for (const [a, b] of pick(crossPairs)) {
    const c = compare(byId.get(a)!, byId.get(b)!);
    console.log(`${c ? `${c.score} ${c.date} [${c.kinds}]` : 'indirect'}\n    ${byId.get(a)!.date.start} ${byId.get(a)!.source.id}:${byId.get(a)!.source.line} ${byId.get(a)!.text.slice(0, 260)}\n    ${byId.get(b)!.date.start} ${byId.get(b)!.source.id}:${byId.get(b)!.source.line} ${byId.get(b)!.text.slice(0, 260)}`);
  }
  console.log(`\n--- sample of ${n} rejected pairs`);
  for (const r of pick(report.rejected))
    console.log(`${r.reason} ${r.score} ${r.date} [${r.kinds}]${r.instead ? ` instead ${r.instead.id} (${r.instead.score})` : ''}\n    ${byId.get(r.a)!.date.start} ${byId.get(r.a)!.source.id}:${byId.get(r.a)!.source.line} ${byId.get(r.a)!.text.slice(0, 260)}\n    ${byId.get(r.b)!.date.start} ${byId.get(r.b)!.source.id}:${byId.get(r.b)!.source.line} ${byId.get(r.b)!.text.slice(0, 260)}`);
}

if (flag('--all')) {
  for (const c of [...comparisons].sort((x, y) => y.score - x.score).map((s) => full(s.a, s.b)!))
    console.log(`${c.verdict.padEnd(5)} ${String(c.score).padStart(5)} ${c.date.padEnd(8)}${c.onlyOne ? ' only' : ''} [${c.kinds.join(',')}]${c.disagree.length ? ` -${c.disagree.join(',-')}` : ''} ${happeningOf.get(c.a) === happeningOf.get(c.b) ? 'LINKED' : ''}\n    ${short(byId.get(c.a)!)}\n    ${short(byId.get(c.b)!)}`);
}
