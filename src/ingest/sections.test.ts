import { describe, expect, it } from 'vitest';
import type { Block } from './blocks.ts';
import { assignSections, normalizeHeadingLevels } from './sections.ts';

const block = (kind: Block['kind'], text: string, level?: number): Block => ({ kind, text, level, section: ['stale'], line: 1, links: [], citations: [] });

describe('assignSections', () => {
  it('computes paths from headings in the order given, headings excluded from their own path', () => {
    const out = assignSections([block('paragraph', 'lead'), block('heading', 'A', 1), block('heading', 'A1', 2), block('paragraph', 'p'), block('heading', 'B', 1), block('dateLine', 'd')]);
    expect(out.map((b) => b.section)).toEqual([[], [], ['A'], ['A', 'A1'], [], ['B']]);
  });

  it('is pure: inputs are not modified', () => {
    const input = [block('heading', 'A', 1), block('paragraph', 'p')];
    assignSections(input);
    expect(input[1].section).toEqual(['stale']);
  });

  it('gives a reversed document the sections its headings meant', () => {
    // As written newest-first: paragraphs, then the heading that governs them.
    const written = [block('paragraph', 'p2'), block('heading', 'Later', 1), block('paragraph', 'p1'), block('heading', 'Earlier', 1)];
    const out = assignSections([...written].reverse());
    expect(out.map((b) => [b.text, b.section])).toEqual([
      ['Earlier', []],
      ['p1', ['Earlier']],
      ['Later', []],
      ['p2', ['Later']],
    ]);
  });
});

describe('normalizeHeadingLevels', () => {
  it('makes the shallowest heading level 1', () => {
    const out = normalizeHeadingLevels([block('heading', 'a', 2), block('heading', 'b', 3)]);
    expect(out.map((b) => b.level)).toEqual([1, 2]);
  });
});
