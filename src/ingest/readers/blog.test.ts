import { describe, expect, it } from 'vitest';
import { readBlog } from './blog.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const FILE = '004_356500fd48192b0e.txt';

describe('readBlog on the EA WorldView post', () => {
  const result = readBlog(sourceText(FILE), FILE);

  it('takes the first line as title and skips the teaser', () => {
    expect(result.title).toBe('Syria Daily, Jan 4: Insurgents & Civilians v. Islamic State of Iraq');
    expect(result.skipped[0]).toMatchObject({ kind: 'navigation', line: 4 });
    expect(result.blocks[0]).toMatchObject({ kind: 'paragraph', line: 7 });
  });

  it('keeps article paragraphs and quoted statements, skips video captions as media', () => {
    expect(blockAt(result.blocks, 9).text).toBe(
      'The ISIS started the chain of events on Thursday when it tried to take control of Atareb in Aleppo Province, shelling the town and challenging insurgent factions.',
    );
    expect(blockAt(result.blocks, 27).text.startsWith('[ISIS must] end the killing')).toBe(true);
    expect(result.skipped.filter((s) => s.kind === 'media').map((s) => s.line)).toEqual([13, 23]);
  });

  it('finds the section headings', () => {
    expect(blockAt(result.blocks, 55)).toMatchObject({ kind: 'heading', text: 'Islamic State of Iraq and as-Sham Claims Beirut Bomb' });
    expect(blockAt(result.blocks, 67).section).toEqual(['Key Opposition Group Repeats: We Will Not Go to “Peace” Talks']);
  });

  it('skips every reader comment, one entry each', () => {
    expect(result.blocks.every((b) => b.line < 77)).toBe(true);
    const comments = result.skipped.filter((s) => s.kind === 'comments');
    expect(comments.map((s) => s.line)).toEqual([80, 86, 100, 104, 108, 110, 116, 122, 133]);
    expect(residueIn(result.blocks)).toEqual([]);
  });
});
