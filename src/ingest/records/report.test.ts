import { describe, expect, it } from 'vitest';
import { capWarningsPerParagraph } from './report.ts';
import type { Warning } from '../../schema/records.ts';

describe('capWarningsPerParagraph', () => {
  it('keeps the first warnings of a paragraph and counts the rest in one more', () => {
    const many: Warning[] = Array.from({ length: 3_862 }, (_, i) => ({ file: 'a.txt', line: 7, message: `impossible date ${i}` }));
    const other: Warning = { file: 'a.txt', line: 9, message: 'another paragraph' };
    const capped = capWarningsPerParagraph([...many, other], 10);
    expect(capped).toHaveLength(12);
    expect(capped.slice(0, 10)).toEqual(many.slice(0, 10));
    expect(capped[10]).toEqual({ file: 'a.txt', line: 7, message: '3852 more warnings about this paragraph, not listed' });
    expect(capped[11]).toEqual(other);
  });

  it('leaves paragraphs under the cap as they are', () => {
    const few: Warning[] = [
      { file: 'a.txt', line: 1, message: 'x' },
      { file: 'b.txt', line: 1, message: 'y' },
    ];
    expect(capWarningsPerParagraph(few, 1)).toEqual(few);
  });
});
