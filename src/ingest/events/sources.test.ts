/**
 * The dates stage over the real sources (through the real readers): sanity of every date, no
 * paragraph lost, and spot checks of passages a careful reader dates without hesitation.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSource } from '../readers/index.ts';
import { segmentEvents, type SegmentResult } from './segment.ts';
import { readableLang } from '../detect.ts';
import { segmentContext } from '../pipeline.ts';
import type { Block } from '../blocks.ts';
import type { SourceMeta } from '../../schema/records.ts';

const DIR = fileURLToPath(new URL('../../../content/sources/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as SourceMeta[];

const runs = manifest.map((meta) => {
  const text = readFileSync(`${DIR}${meta.file}`, 'utf8');
  const read = readSource(meta, text);
  const result = segmentEvents(read.blocks, segmentContext(meta, readableLang(meta.lang)!, read, text));
  return { meta, blocks: read.blocks, result };
});

const run = (prefix: string): { meta: SourceMeta; blocks: Block[]; result: SegmentResult } => runs.find((r) => r.meta.file.startsWith(prefix))!;
/** The date of the passage that starts with `start` (whitespace-insensitive). */
const dateOf = (prefix: string, start: string): string => {
  const d = run(prefix).result.drafts.find((x) => x.text.replace(/\s+/g, ' ').startsWith(start));
  if (!d) throw new Error(`no passage starting "${start}" in ${prefix}`);
  return d.date.start === d.date.end ? d.date.start : `${d.date.start}..${d.date.end}`;
};

describe.each(runs.map((r) => [r.meta.file, r] as const))('%s', (_file, { blocks, result }) => {
  it('dates every event within 2011-2017 with a valid span', () => {
    for (const d of result.drafts) {
      expect(d.date.start >= '2011-01-01' && d.date.end <= '2017-12-31', `${d.line}: ${d.date.start}..${d.date.end}`).toBe(true);
      expect(d.date.start <= d.date.end).toBe(true);
      expect(d.text.length).toBeGreaterThan(0);
    }
  });

  it('puts every paragraph in an event or in the undated list', () => {
    const lines = new Set([...result.drafts.map((d) => d.line), ...result.undated.map((u) => u.line)]);
    for (const b of blocks) {
      if (b.kind === 'heading' || b.kind === 'dateLine') continue;
      const lastLine = b.line + (b.text.match(/\n/g)?.length ?? 0);
      const covered = [...lines].some((l) => l >= b.line && l <= lastLine);
      expect(covered, `line ${b.line}: ${b.text.slice(0, 40)}`).toBe(true);
    }
  });
});

describe('spot checks on the real sources', () => {
  it('zh wikitext: inline dates, relative days and ranges', () => {
    expect(dateOf('000', '1月3日在全省')).toBe('2014-01-03');
    expect(dateOf('000', '而在该地在之前一天的晚上')).toBe('2014-01-05');
    expect(dateOf('000', '27日至29日')).toBe('2014-01-27..2014-01-29');
    expect(dateOf('000', '在2013年11月後期')).toBe('2013-11-21..2013-11-30');
    // The lead and the background have no date before them: their own mentions date them.
    expect(dateOf('000', '叙利亚反对派和伊斯蘭國的冲突')).toBe('2014-01-01..2014-01-10');
    expect(dateOf('000', '敘利亞反对派与伊斯蘭國之间的关系自从')).toBe('2013-09-18');
  });

  it('en reversed scrape: read in story order with years from context', () => {
    expect(run('001').result.reversed).toBe(true);
    expect(dateOf('001', 'On the evening of 2 January 2014')).toBe('2014-01-02');
    expect(dateOf('001', 'Between 10 and 12 February')).toBe('2014-02-10..2014-02-12');
    expect(dateOf('001', 'On 27 August, ISIL launched a major offensive')).toBe('2015-08-27');
    expect(dateOf('001', 'On 4 April, Al-Qaeda chief')).toBe('2014-04-04');
    expect(dateOf('001', 'The next day, Al-Qaeda distanced')).toBe('2014-02-02');
    expect(dateOf('001', 'ISIL confirmed the death of top ISIL leader')).toBe('2014-02-02');
    expect(dateOf('001', 'In the summer of 2014')).toBe('2014-06-01..2014-08-31');
  });

  it('zh Markdown: year headings, date lines and a flashback across the year end', () => {
    expect(dateOf('002', '发生在薩拉赫丁的战斗仍在持续')).toBe('2012-07-20..2012-07-21');
    expect(dateOf('002', '在12月30日')).toBe('2012-12-30');
    expect(dateOf('002', '到13年1月14日')).toBe('2013-01-14');
    expect(dateOf('002', '2012年阿勒颇省冲突在2月10日爆发')).toBe('2012-02-10');
    expect(dateOf('002', '从12月15日到12月28日')).toBe('2013-12-15..2013-12-28');
    expect(dateOf('002', '在5月上旬')).toBe('2013-05-01..2013-05-10');
  });

  it('en plain text and blog', () => {
    expect(dateOf('003', 'On 11 April, Jabhat al Nusra')).toBe('2014-04-11');
    expect(dateOf('004', 'In an unexpected and potentially important turn')).toBe('2014-01-03');
    expect(dateOf('004', 'The ISIS started the chain of events on Thursday')).toBe('2014-01-02');
  });
});
