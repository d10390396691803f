/**
 * The dates stage over the real sources (through the real readers): sanity of every date and no
 * paragraph lost. What each passage is dated is checked on invented texts (./dating.test.ts): a
 * rule is never tested on the sentence of a source that prompted it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSource } from '../readers/index.ts';
import { segmentEvents } from './segment.ts';
import { readableLang } from '../detect.ts';
import { segmentContext } from '../pipeline.ts';
import type { SourceMeta } from '../../schema/records.ts';

const DIR = fileURLToPath(new URL('../../../content/sources/', import.meta.url));
const manifest = JSON.parse(readFileSync(`${DIR}manifest.json`, 'utf8')) as SourceMeta[];

const runs = manifest.map((meta) => {
  const text = readFileSync(`${DIR}${meta.file}`, 'utf8');
  const read = readSource(meta, text);
  const result = segmentEvents(read.blocks, segmentContext(meta, readableLang(meta.lang)!, read, text));
  return { meta, blocks: read.blocks, result };
});

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
