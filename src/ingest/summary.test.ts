import { describe, expect, it } from 'vitest';
import { leadSummary } from './summary.ts';
import type { Block } from './blocks.ts';

const block = (kind: Block['kind'], text: string, line: number): Block => ({ kind, text, line, section: [], links: [], citations: [] });

describe('leadSummary', () => {
  it('takes the first complete paragraph before the first heading', () => {
    const blocks = [
      block('paragraph', 'Short.', 1),
      block('paragraph', 'The Battle of Aleppo was a military confrontation in Aleppo, Syria.', 2),
      block('heading', 'Background', 3),
      block('paragraph', 'Later paragraph that is long enough to be a lead but comes too late.', 4),
    ];
    expect(leadSummary(blocks)).toBe('The Battle of Aleppo was a military confrontation in Aleppo, Syria.');
  });

  it('marks a lead cut off mid-sentence instead of passing it off as complete', () => {
    const blocks = [
      block('paragraph', 'The conflict started after fighting erupted between the groups: the', 1),
      block('paragraph', 'A later complete paragraph that is not the lead of the article.', 2),
    ];
    expect(leadSummary(blocks)).toBe('The conflict started after fighting erupted between the groups: the …');
  });

  it('has nothing to say for a source without a lead', () => {
    expect(leadSummary([block('heading', 'History', 1), block('paragraph', 'x'.repeat(50), 2)])).toBeUndefined();
  });
});
