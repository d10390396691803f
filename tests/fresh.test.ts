/**
 * Generalisation, second set: real texts annotated by hand and committed before the pipeline first
 * ran on them (tests/fresh/: other wars and decades, Chinese and English, all four formats, news
 * posts with datelines; origins in tests/fresh/README.md and provenance-*.md). No manifest: the
 * language and format of each file are detected, and checked here against what its annotator saw.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreUnseen } from '../scripts/unseen.ts';

let scored: ReturnType<typeof scoreUnseen>;

beforeAll(() => {
  scored = scoreUnseen('tests/fresh');
});

/** What each file is, as its annotator recorded it (a post without a comment thread reads as plain text). */
const EXPECTED: Record<string, [lang: string, format: string]> = {
  f01: ['zh-Hans', 'wikitext'],
  f02: ['zh-Hant', 'wikitext'],
  f03: ['zh-Hans', 'markdown'],
  f04: ['zh-Hant', 'plaintext'],
  f05: ['en', 'wikitext'],
  f06: ['en', 'markdown'],
  f07: ['en', 'markdown'],
  f08: ['en', 'plaintext'],
  f09: ['zh-Hans', 'plaintext'],
  f10: ['zh-Hans', 'plaintext'],
  f11: ['en', 'plaintext'],
  f12: ['en', 'plaintext'],
  f13: ['zh-Hant', 'wikitext'],
  f14: ['en', 'wikitext'],
  f15: ['zh-Hans', 'markdown'],
  f16: ['zh-Hant', 'wikitext'],
  f17: ['en', 'markdown'],
  f18: ['en', 'wikitext'],
  // mixed scripts as stored, mostly simplified
  f19: ['zh-Hans', 'markdown'],
  // mixed scripts as stored, mostly simplified
  f20: ['zh-Hans', 'wikitext'],
  f21: ['en', 'markdown'],
  f22: ['zh-Hans', 'plaintext'],
  f23: ['en', 'markdown'],
  // mixed scripts as stored, mostly traditional
  f24: ['zh-Hant', 'wikitext'],
  f25: ['en', 'markdown'],
  f26: ['zh-Hans', 'wikitext'],
  // a biography, not a war
  f27: ['en', 'plaintext'],
  f28: ['en', 'plaintext'],
  f29: ['zh-Hans', 'markdown'],
  // an institution's history, not a war
  f30: ['en', 'plaintext'],
  // six news reports, each with its date line
  f31: ['en', 'plaintext'],
  f32: ['en', 'markdown'],
  f33: ['en', 'markdown'],
  f34: ['en', 'markdown'],
  f35: ['en', 'markdown'],
};

describe('fresh real texts', () => {
  it('are at least 12 texts, half of them about other wars, with news posts', () => {
    expect(scored.result.report.length).toBeGreaterThanOrEqual(12);
    expect(scored.passages.length).toBeGreaterThanOrEqual(300);
  });

  it('language and format are detected as the annotator saw them, with no manifest', () => {
    const got = Object.fromEntries(scored.result.report.map((r) => [r.file.split('_')[0]!, [r.lang, r.format]]));
    expect(got).toEqual(EXPECTED);
  });

  it('every source builds into events, and every passage is in one', () => {
    for (const report of scored.result.report) expect({ file: report.file, events: report.eventsMade > 0 }).toEqual({ file: report.file, events: true });
    expect(scored.dates.found).toBeGreaterThanOrEqual(scored.dates.total - 2);
  });

  it('at least 92% of annotated passages get exactly the right dates', () => {
    const { exact, total, misses } = scored.dates;
    const detail = misses.map((m) => `${m.passage.file}:${m.passage.line} «${m.passage.snippet}» want ${m.passage.start}..${m.passage.end} got ${m.got ? `${m.got.start}..${m.got.end}` : 'none'}`);
    expect(exact / total, detail.join('\n')).toBeGreaterThanOrEqual(0.92);
  });

  it('every event states how its date was obtained', () => {
    const bases = new Set(scored.result.events.map((e) => e.date.basis));
    expect([...bases].every((b) => ['stated', 'heading', 'inherited', 'relative', 'context'].includes(b))).toBe(true);
    expect(bases.size).toBeGreaterThanOrEqual(4);
  });
});
