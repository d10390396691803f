/**
 * Generalisation: real wiki-style texts the engine was never tuned on (tests/unseen/sources/: other
 * wars and centuries, Chinese and English, wikitext, Markdown and plain text; origins in
 * tests/unseen/README.md), scored against their hand annotation (tests/unseen/annotation-*.json).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreUnseen } from '../scripts/unseen.ts';

let scored: ReturnType<typeof scoreUnseen>;

beforeAll(() => {
  scored = scoreUnseen();
});

describe('unseen real texts', () => {
  it('are annotated: at least 60 passages, Chinese and English, every format', () => {
    expect(scored.passages.length).toBeGreaterThanOrEqual(60);
    const formats = new Set(scored.result.report.map((r) => r.format));
    expect([...formats].sort()).toEqual(expect.arrayContaining(['markdown', 'plaintext', 'wikitext']));
    const langs = new Set(scored.result.report.map((r) => r.lang.slice(0, 2)));
    expect([...langs].sort()).toEqual(['en', 'zh']);
  });

  it('every source builds into events', () => {
    for (const report of scored.result.report) expect({ file: report.file, events: report.eventsMade > 0 }).toEqual({ file: report.file, events: true });
  });

  it('at least 90% of annotated passages get exactly the right dates', () => {
    const { exact, total, misses } = scored.dates;
    const detail = misses.map((m) => `${m.passage.file}:${m.passage.line} «${m.passage.snippet}» want ${m.passage.start}..${m.passage.end} got ${m.got ? `${m.got.start}..${m.got.end}` : 'none'}`);
    expect(exact / total, detail.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
