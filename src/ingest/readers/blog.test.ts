import { describe, expect, it } from 'vitest';
import { findCommentThread, readBlog } from './blog.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const FILE = '004_356500fd48192b0e.txt';

describe('readBlog on the EA WorldView post', () => {
  const text = sourceText(FILE);
  const result = readBlog(text, FILE);
  /** The source's own line n (from 1): what the reader must keep as it is written. */
  const line = (n: number) => text.split('\n')[n - 1]!.trim();

  it('takes the first line as title and skips the teaser', () => {
    expect(result.title).toBe(line(1));
    expect(result.skipped[0]).toMatchObject({ kind: 'navigation', line: 4 });
    expect(result.blocks[0]).toMatchObject({ kind: 'paragraph', line: 7 });
  });

  it('keeps article paragraphs, skips video captions as media', () => {
    expect(blockAt(result.blocks, 9)).toMatchObject({ kind: 'paragraph', text: line(9) });
    expect(result.skipped.filter((s) => s.kind === 'media').map((s) => s.line)).toEqual([13, 19, 21, 23]);
  });

  it('keeps each quotation with the sentence that introduces its speaker', () => {
    // Lines 25 and 29 introduce a speaker; 27 and 31 are what they said.
    expect(blockAt(result.blocks, 25).text).toBe(`${line(25)}\n\n${line(27)}`);
    expect(result.blocks.some((b) => b.line === 27)).toBe(false);
    expect(blockAt(result.blocks, 29).text).toBe(`${line(29)}\n\n${line(31)}`);
    expect(result.blocks.some((b) => b.line === 31)).toBe(false);
    // The author's own question ends the quotation.
    expect(blockAt(result.blocks, 33).text.startsWith(line(33))).toBe(true);
  });

  it('finds the section headings', () => {
    expect(blockAt(result.blocks, 55)).toMatchObject({ kind: 'heading', text: line(55) });
    expect(blockAt(result.blocks, 67).section).toEqual([blockAt(result.blocks, 65).text]);
    expect(blockAt(result.blocks, 65)).toMatchObject({ kind: 'heading', text: line(65) });
  });

  it('skips every reader comment, one entry each', () => {
    expect(result.blocks.every((b) => b.line < 77)).toBe(true);
    const comments = result.skipped.filter((s) => s.kind === 'comments');
    expect(comments.map((s) => s.line)).toEqual([80, 86, 100, 104, 108, 110, 116, 122, 133]);
    expect(residueIn(result.blocks)).toEqual([]);
  });
});

describe('readBlog on posts written for the test', () => {
  const post = (body: string) => readBlog(`Daily report: fighting in the north\n\n${body}`, 'post.txt');

  it('skips captions of lost videos and photos, keeps the sentences around them', () => {
    const result = post(
      'Rebels entered the town on Monday after a night of shelling.\n\nFootage of the fighting:\n\nA march in the old market:\n\nThe central square at dusk:\n\nPhoto: local activists\n\nResidents said the army had withdrawn to the airport.\n',
    );
    expect(result.skipped.filter((s) => s.kind === 'media').map((s) => s.firstWords)).toEqual([
      'Footage of the fighting:',
      'A march in the old market:',
      'The central square at dusk:',
      'Photo: local activists',
    ]);
    expect(result.blocks.map((b) => b.line)).toEqual([3, 13]);
  });

  it('joins the quoted paragraphs to the line naming the speaker, up to the next introduction or question', () => {
    const result = post(
      'A local commander told the agency:\n\nWe held the bridge for three days. Nobody came to help us.\n\nNow the road to the city is open.\n\nA spokesman for the army replied:\n\nThe bridge was never lost.\n\nWho is telling the truth?\n\nThe town was quiet on Tuesday.\n',
    );
    const texts = result.blocks.map((b) => [b.line, b.text]);
    expect(texts).toEqual([
      [3, 'A local commander told the agency:\n\nWe held the bridge for three days. Nobody came to help us.\n\nNow the road to the city is open.'],
      [9, 'A spokesman for the army replied:\n\nThe bridge was never lost.'],
      [13, 'Who is telling the truth?'],
      [15, 'The town was quiet on Tuesday.'],
    ]);
  });

  it('joins a paragraph that is only a quotation to the sentence naming its speaker', () => {
    const result = post(
      'A spokesman for the council spoke to reporters on Friday.\n\n“We will not go to Geneva while the bombing goes on.”\n\n“We have said so before,” he added.\n\nThe talks open on 22 January.\n',
    );
    expect(result.blocks.map((b) => [b.line, b.text])).toEqual([
      [3, 'A spokesman for the council spoke to reporters on Friday.\n\n“We will not go to Geneva while the bombing goes on.”'],
      [7, '“We have said so before,” he added.'],
      [9, 'The talks open on 22 January.'],
    ]);
  });

  it('takes the first line as the title and a short line standing alone as a section heading', () => {
    const result = post('Rebels entered the town on Monday after a night of shelling.\n\nCouncil Says It Will Boycott the Talks\n\nThe council met in Gaziantep on Sunday and voted to stay away.\n');
    expect(result.title).toBe('Daily report: fighting in the north');
    expect(blockAt(result.blocks, 5)).toMatchObject({ kind: 'heading', text: 'Council Says It Will Boycott the Talks' });
    expect(blockAt(result.blocks, 7).section).toEqual(['Council Says It Will Boycott the Talks']);
  });

  it('does not join a list to the sentence before it', () => {
    const result = post('The group withdrew from these villages:\n\n  • Tal Sheer\n  • Kafr Sousa\n');
    expect(result.blocks.map((b) => b.kind)).toEqual(['paragraph', 'listItem', 'listItem']);
  });

  it('reads a "Discussion" section with one bullet as article text, not a comment thread', () => {
    const text = 'Report on the siege\n\nThe siege began on 3 May.\n\nDiscussion\n\n  • Whether the siege could have been lifted earlier is debated.\n\nAftermath\n\nOn 9 May the garrison surrendered and the town was opened.\n';
    const result = readBlog(text, 'post.txt');
    expect(findCommentThread(text.split('\n'))).toBeUndefined();
    expect(result.blocks.map((b) => b.text)).toContain('On 9 May the garrison surrendered and the town was opened.');
    expect(result.skipped.filter((s) => s.kind === 'comments')).toEqual([]);
  });

  it('finds a thread by its comments, authors and times, and skips each comment', () => {
    const text =
      'Report on the siege\n\nThe siege began on 3 May.\n\n4 Responses to “Report on the siege”\n\nSam Idris says:\nMay 5, 2014 at 9:12 am\nThanks for the update.\n\nLeila M. says:\nMay 5, 2014 at 11:40 am\nWhat about the road to the south?\n\nLeave a Reply\n';
    const lines = text.split('\n');
    expect(findCommentThread(lines)).toBe(4);
    const result = readBlog(text, 'post.txt');
    expect(result.blocks.map((b) => b.line)).toEqual([3]);
    expect(result.skipped.map((s) => s.line)).toEqual([5, 7, 8, 9, 11, 12, 13, 15]);
  });
});
