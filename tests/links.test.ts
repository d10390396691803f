/**
 * The linking stage on the five real sources: the Chinese article on the 2014 conflict is largely
 * a translation of an older English one, the EA WorldView post reports the first days of January
 * 2014, the Battle of Aleppo article meets them in January 2014 and the Deir ez-Zor article the
 * English one in April. Scored against the hand annotation in tests/links/annotation.json
 * (written before the linker ran on those days), and the published report checked for what it
 * promises.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../src/ingest/pipeline.ts';
import { LinksReport, type EventRecord } from '../src/schema/records.ts';
import { linkEvents } from '../src/ingest/links/index.ts';

import { loadLinksAnnotation, type AnnotatedPair, type PassageRef } from '../src/quality/links-annotation.ts';

let result: IngestResult;
const annotation = loadLinksAnnotation();

beforeAll(() => {
  result = ingest({ sourcesDir: 'content/sources', entitiesDir: 'content/entities' });
});

const find = (r: PassageRef): EventRecord => {
  const found = result.events.filter((e) => e.source.id === r.source && e.source.line === r.line && e.text.includes(r.text));
  expect(found, `${r.source}:${r.line} «${r.text}»`).toHaveLength(1);
  return found[0]!;
};
const passage = (source: string, text: string) => {
  const found = result.events.filter((e) => e.source.id === source && e.text.includes(text));
  expect(found, `${source} «${text}»`).toHaveLength(1);
  return found[0]!;
};
const describePair = (p: AnnotatedPair) => `${p.judgement}: ${p.a.source}:${p.a.line} «${p.a.text}» / ${p.b.source}:${p.b.line} «${p.b.text}» (${p.why})`;

describe('against the hand annotation', () => {
  it('links at least 85% of the same-happening pairs, no hard negative, and at least 90% of its linked pairs are right', () => {
    let same = 0;
    let sameLinked = 0;
    let linked = 0;
    let right = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const p of annotation.pairs) {
      const isLinked = find(p.a).happening === find(p.b).happening;
      if (p.judgement === 'same') {
        same++;
        if (isLinked) sameLinked++;
        else missed.push(describePair(p));
      }
      if (isLinked) {
        linked++;
        if (p.judgement === 'different') wrong.push(describePair(p));
        else right++;
      }
    }
    expect(annotation.pairs.filter((p) => p.judgement === 'different').length).toBeGreaterThanOrEqual(20);
    expect(wrong, wrong.join('\n')).toEqual([]);
    expect(sameLinked / same, `missed:\n${missed.join('\n')}`).toBeGreaterThanOrEqual(0.85);
    expect(right / linked).toBeGreaterThanOrEqual(0.9);
  });

  it('judges every cross-source pair the linker makes on the annotated days', () => {
    const days = new Set((JSON.parse(readFileSync('tests/links/annotation.json', 'utf8')) as { days: string[] }).days);
    const judged = new Set(annotation.pairs.map((p) => [find(p.a).id, find(p.b).id].sort().join(' ')));
    const byHappening = new Map<string, EventRecord[]>();
    for (const e of result.events) byHappening.set(e.happening, [...(byHappening.get(e.happening) ?? []), e]);
    const unjudged: string[] = [];
    for (const list of byHappening.values())
      for (const a of list)
        for (const b of list)
          if (a.id < b.id && a.source.id !== b.source.id && (days.has(a.date.start) || days.has(a.date.start.slice(0, 7))) && !judged.has([a.id, b.id].sort().join(' ')))
            unjudged.push(`${a.source.id}:${a.source.line} ${a.text.slice(0, 40)} / ${b.source.id}:${b.source.line} ${b.text.slice(0, 40)}`);
    expect(unjudged, unjudged.join('\n')).toEqual([]);
  });
});

describe('real pairs', () => {
  it('the Chinese translation meets the English article through ids, dates and numbers (5 January: Manbij, 66 killed)', () => {
    const zh = passage('zh-inter-rebel-2014', '1月5日在激烈交火之后');
    const en = passage('en-inter-rebel-conflict', 'On 5 January, rebels captured an ISIL base in Manbij');
    expect(zh.happening).toBe(en.happening);
    const link = result.links.links.find((l) => [l.a, l.b].sort().join() === [zh.id, en.id].sort().join())!;
    expect(link.places).toContain('manbij');
    expect(link.figures.map((f) => f.kind)).toContain('killed');
  });

  it('the EA WorldView post, the English and the Chinese articles tell of Atarib hitting back, the Chinese a day later', () => {
    const ea = passage('ea-syria-daily-2014-01-04', 'Those factions hit back');
    const en = passage('en-inter-rebel-conflict', 'Rebels in Atarib managed to repel');
    const zh = passage('zh-inter-rebel-2014', '在阿塔勒布的反对派擊退');
    expect(new Set([ea.happening, en.happening, zh.happening]).size).toBe(1);
    expect(zh.date.start).toBe('2014-01-03');
    expect(en.date.start).toBe('2014-01-02');
  });

  it('the Battle of Aleppo article meets them on 8 January 2014 (the headquarters in Qadi Askar)', () => {
    const aleppo = passage('zh-battle-of-aleppo', '2014年1月8日，忠于叙利亚反对派全国联盟');
    const en = passage('en-inter-rebel-conflict', 'On 8 January, rebels captured the ISIL headquarters');
    expect(aleppo.happening).toBe(en.happening);
  });

  it('on 4 January the Harem executions and the ultimatum are two happenings, each with its two accounts', () => {
    const executions = [passage('zh-inter-rebel-2014', '1月4日伊斯蘭國在Saraqeb处决'), passage('en-inter-rebel-conflict', 'On 4 January, ISIL were reported to be rounding up')];
    const ultimatum = [passage('zh-inter-rebel-2014', '24小时最后通牒'), passage('en-inter-rebel-conflict', 'ISIL was also on the offensive')];
    expect(executions[0]!.happening).toBe(executions[1]!.happening);
    expect(ultimatum[0]!.happening).toBe(ultimatum[1]!.happening);
    expect(executions[0]!.happening).not.toBe(ultimatum[0]!.happening);
  });

  it('the Deir ez-Zor article meets the English article on 10 April 2014, not on the counter-attack of the next day', () => {
    const en = passage('en-inter-rebel-conflict', 'On 10 April, ISIL launched an offensive');
    expect(passage('en-deir-ez-zor-offensive-2014', 'On 10 April 2014, ISIS launched').happening).toBe(en.happening);
    expect(passage('en-deir-ez-zor-offensive-2014', 'On 11 April, Jabhat al Nusra').happening).not.toBe(en.happening);
  });
});

describe('the linking report (/data/links.json)', () => {
  it('is valid and adds up: happenings by accounts cover every event once', () => {
    const report = LinksReport.parse(result.links);
    expect(report.events).toBe(result.events.length);
    expect(new Set(result.events.map((e) => e.happening)).size).toBe(report.happenings);
    expect(Object.values(report.byAccounts).reduce((a, b) => a + b, 0)).toBe(report.happenings);
    expect(Object.entries(report.byAccounts).reduce((sum, [n, count]) => sum + Number(n) * count, 0)).toBe(report.events);
    expect(Object.keys(report.byAccounts).map(Number).some((n) => n >= 2)).toBe(true);
  });

  it('lists links between accounts of one happening and rejected pairs that are not', () => {
    const byId = new Map(result.events.map((e) => [e.id, e]));
    for (const l of result.links.links) {
      expect(byId.get(l.a)!.happening).toBe(l.happening);
      expect(byId.get(l.b)!.happening).toBe(l.happening);
      expect(byId.get(l.a)!.source.id).not.toBe(byId.get(l.b)!.source.id);
    }
    expect(result.links.rejected.length).toBeGreaterThan(0);
    for (const r of result.links.rejected) expect(byId.get(r.a)!.happening, `${r.a} ${r.b} ${r.reason}`).not.toBe(byId.get(r.b)!.happening);
  });

  it('names happenings the same way on every rebuild, whatever order the events come in', () => {
    const again = linkEvents([...result.events].reverse(), result.entities);
    for (const e of result.events) expect(again.happeningOf.get(e.id)).toBe(e.happening);
  });
});
