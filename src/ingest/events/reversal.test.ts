import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../dates/find.ts';
import { judgeOrder, storyOrder } from './reversal.ts';
import { heading, para } from './testBlocks.ts';

const mentionsOf = (blocks: { text: string }[]) => blocks.map((b) => findDateMentions(b.text, 'en'));

describe('reversal detection', () => {
  it('calls a document reversed when its day dates mostly go back in time', () => {
    const blocks = [
      para('The conflict started after fighting erupted.'),
      para('On 9 October, ISIL captured five villages.'),
      para('On 27 August, ISIL launched an offensive.'),
      heading('Northern advances'),
      para('On 30 July, seven fighters were killed. On 9 August, ISIL captured a village.'),
      para('On 31 May, ISIL seized Sawran.'),
      para('On 22 April, ISIL captured al-Mahsa.'),
    ];
    const mentions = mentionsOf(blocks);
    expect(judgeOrder(blocks, mentions).reversed).toBe(true);
    // The undated lead keeps its place; the rest is read backwards.
    expect(storyOrder(blocks, mentions)).toEqual([0, 6, 5, 4, 3, 2, 1]);
  });

  it('keeps a chronological document with a flashback in order', () => {
    const blocks = [
      para('On 2 January 2014, ISIL attacked.'),
      para('On 4 January, ISIL executed a captive.'),
      para('On 5 January, rebels captured a base. On 31 December 2013, a body was handed over.'),
      para('On 3 January, protesters rallied.'),
      para('On 6 January, rebels besieged ISIL.'),
      para('On 7 January, it was confirmed.'),
    ];
    expect(judgeOrder(blocks, mentionsOf(blocks)).reversed).toBe(false);
  });
});
