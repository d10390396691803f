/**
 * The ingest measured against the independent hand annotation of all five sources
 * (tests/expectations/annotation-*.json, not-events.json, undated.json): the figures the issues
 * promise, with every miss printed when one falls short.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../src/ingest/pipeline.ts';
import { loadGazetteer } from '../src/ingest/entities/index.ts';
import { loadAnnotations, scoreDates, scoreEntities, type AnnotatedPassage } from '../src/quality/annotation.ts';
import { nameResolver } from '../src/quality/names.ts';
import { groundedShare } from '../src/quality/grounding.ts';

const SOURCES = 'content/sources';
const ENTITIES = 'content/entities';
const EXPECTATIONS = 'tests/expectations';
const MARKUP_RESIDUE = /\[\[|\]\]|\{\{|\}\}|<ref|\\\[|\*\*|\]\(http|-\{/;

let result: IngestResult;
let passages: AnnotatedPassage[];

beforeAll(() => {
  result = ingest({ sourcesDir: SOURCES, entitiesDir: ENTITIES });
  passages = loadAnnotations(EXPECTATIONS, readdirSync(SOURCES));
});

describe('hand annotation', () => {
  it('covers at least 80 passages spread over all five sources', () => {
    expect(passages.length).toBeGreaterThanOrEqual(80);
    const files = new Set(passages.map((p) => p.file));
    expect(files.size).toBe(5);
  });

  it('at least 97% of annotated passages become events with exactly the right start and end', () => {
    const score = scoreDates(result.events, passages);
    const misses = score.misses.map(
      (m) => `${m.passage.file}:${m.passage.line} «${m.passage.snippet}» want ${m.passage.start}..${m.passage.end}, got ${m.got ? `${m.got.start}..${m.got.end} (${m.got.expression})` : 'no event'}`,
    );
    expect(score.exact / score.total, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('at least 95% of the places and 95% of the groups named in a passage are on its event', () => {
    const score = scoreEntities(result.events, passages, nameResolver(loadGazetteer(ENTITIES)));
    const list = (s: typeof score.places) => s.misses.map((m) => `${m.file}:${m.line} «${m.snippet}» ${m.name}`).join('\n');
    expect(score.places.tagged / score.places.named, list(score.places)).toBeGreaterThanOrEqual(0.95);
    expect(score.groups.tagged / score.groups.named, list(score.groups)).toBeGreaterThanOrEqual(0.95);
  });

  it('at least 98% of all tags are grounded in the event text', () => {
    const share = groundedShare(result.events, loadGazetteer(ENTITIES), result.entities);
    expect(share.grounded / share.tags, JSON.stringify(share.ungrounded.slice(0, 20))).toBeGreaterThanOrEqual(0.98);
  });
});

describe('every event', () => {
  it('is dated inside 2011-2017, the period these sources report', () => {
    const outside = result.events.filter((e) => e.date.start < '2011-01-01' || e.date.end > '2017-12-31');
    expect(outside.map((e) => `${e.id} ${e.date.start} ${e.date.expression}`)).toEqual([]);
  });

  it('has plain text without markup residue', () => {
    const dirty = result.events.filter((e) => MARKUP_RESIDUE.test(e.text));
    expect(dirty.map((e) => `${e.source.file}:${e.source.line} ${e.text.slice(0, 80)}`)).toEqual([]);
  });

  it('has a unique, URL-safe id', () => {
    const ids = result.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe('boilerplate', () => {
  it('never becomes an event (infobox, references, table of contents, footers, comments)', () => {
    const notEvents = JSON.parse(readFileSync(`${EXPECTATIONS}/not-events.json`, 'utf8')) as { file: string; snippet: string; why: string }[];
    expect(notEvents.length).toBeGreaterThanOrEqual(12);
    const leaked = notEvents.filter((n) => result.events.some((e) => e.source.file === n.file && e.text.includes(n.snippet)));
    expect(leaked.map((n) => `${n.file} «${n.snippet}» (${n.why})`)).toEqual([]);
  });

  it('is accounted for in the report with its line, as are comments in a blog post', () => {
    const blog = result.report.find((r) => r.format === 'blog')!;
    expect(blog.skipped.filter((s) => s.kind === 'comments').length).toBeGreaterThan(0);
    for (const report of result.report) for (const s of report.skipped) expect(s.line).toBeGreaterThan(0);
  });
});

describe('undated paragraphs', () => {
  it('end in an event or in the report with their line: nothing read is lost', () => {
    const undated = JSON.parse(readFileSync(`${EXPECTATIONS}/undated.json`, 'utf8')) as { file: string; snippet: string; line: number }[];
    for (const u of undated) {
      const inEvent = result.events.some((e) => e.source.file === u.file && e.text.includes(u.snippet));
      const report = result.report.find((r) => r.file === u.file)!;
      const reported = report.undated.some((r) => r.line === u.line);
      expect(inEvent || reported, `${u.file}:${u.line} «${u.snippet}»`).toBe(true);
    }
  });
});
