/**
 * Segmentation rules added with the u07–u09 unseen texts (Easter Rising, Falklands War, Waterloo):
 * each on made-up sentences written the way those chronologies are.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { segmentEvents } from './segment.ts';
import { judgeOrder } from './reversal.ts';
import { findDateMentions } from '../dates/find.ts';
import { heading, para, resetLines } from './testBlocks.ts';
import type { Block } from '../blocks.ts';
import type { Lang } from '../../schema/records.ts';

beforeEach(resetLines);

const summary = (blocks: Block[], lang: Lang = 'en') =>
  segmentEvents(blocks, { file: 't.txt', lang }).drafts.map((d) => `${d.date.start}${d.date.end !== d.date.start ? `..${d.date.end}` : ''} ${d.text}`);

describe('dates that report a plan, a bound or an aim do not move the story', () => {
  it("'would …', an apposition to it, 'for Sunday', 'until after', 'until the following morning'", () => {
    expect(
      summary([
        para('On Saturday 1 April 1871, the council met. It agreed that the march would start the following day, Palm Sunday, and chose a route.'),
        para('The guards cancelled all leave for Sunday. Orders were postponed until after Easter Monday.'),
        para('The rearguard held the bridge until the following morning.'),
      ]),
    ).toEqual([
      '1871-04-01 On Saturday 1 April 1871, the council met. It agreed that the march would start the following day, Palm Sunday, and chose a route.',
      '1871-04-01 The guards cancelled all leave for Sunday. Orders were postponed until after Easter Monday.',
      '1871-04-01 The rearguard held the bridge until the following morning.',
    ]);
  });
});

describe('dates that do move it', () => {
  it('a weekday after a dated day moves forward; "the early hours of" is a time adverbial', () => {
    expect(
      summary([
        para('On Monday 3 April 1871, the guards marched out.'),
        para('Martial law was declared on Tuesday evening. In the early hours of 6 April, the bridge fell.'),
      ]),
    ).toEqual([
      '1871-04-03 On Monday 3 April 1871, the guards marched out.',
      '1871-04-04 Martial law was declared on Tuesday evening.',
      '1871-04-06 In the early hours of 6 April, the bridge fell.',
    ]);
  });

  it("a year followed by 'when' dates the clause it opens, even after a name and a copula", () => {
    expect(
      summary([
        para('The town was sacked in 1203.'),
        para('The first was the Peasant Revolt of 1381 when an army marched on the capital.'),
      ]),
    ).toEqual(['1203-01-01..1203-12-31 The town was sacked in 1203.', '1381-01-01..1381-12-31 The first was the Peasant Revolt of 1381 when an army marched on the capital.']);
  });

  it("a final 'a day later' after a far 'whilst' gets its own passage", () => {
    expect(summary([para('The submarine sailed on 4 May 1870, whilst the two frigates, with their escorts, left harbour a day later.')])).toEqual([
      '1870-05-04 The submarine sailed on 4 May 1870,',
      '1870-05-05 whilst the two frigates, with their escorts, left harbour a day later.',
    ]);
  });

  it('under a new heading, the first date of the section dates its defining sentence', () => {
    expect(
      summary([
        heading('History'),
        para('The abbey was founded in 1120.'),
        heading('Police'),
        para('The borough had its own constables. The Borough Police was the police force of the town from 1836 to 1866. In 1857 a county force was created.'),
      ]),
    ).toEqual([
      '1120-01-01..1120-12-31 The abbey was founded in 1120.',
      '1120-01-01..1120-12-31 The borough had its own constables.',
      '1836-01-01..1866-12-31 The Borough Police was the police force of the town from 1836 to 1866.',
      '1857-01-01..1857-12-31 In 1857 a county force was created.',
    ]);
  });

  it("places a yearless date by the source's years when the year just read is an aside far from them", () => {
    expect(
      summary([
        para('The war was fought in 1870.'),
        heading('Course'),
        para('On 2 August 1870, the first shots were fired. On 4 September 1870, the empire fell.'),
        para('In 1950, archives showed the plan had leaked.'),
        para('The fleet also sailed, having reached the coast on 9 September.'),
      ]).slice(-1),
    ).toEqual(['1870-09-09 The fleet also sailed, having reached the coast on 9 September.']);
  });

  it('zh: 在…的7月23日凌晨，… dates its sentence despite the long modifier', () => {
    expect(summary([para('1894年7月20日，使者送达最后通牒。在期限届满的7月23日凌晨，军队占领了王宫。')], 'zh-Hans')).toEqual([
      '1894-07-20 1894年7月20日，使者送达最后通牒。',
      '1894-07-23 在期限届满的7月23日凌晨，军队占领了王宫。',
    ]);
  });
});

describe('years and offsets', () => {
  it("'three months later on 25 August': the written date wins over the offset", () => {
    expect(summary([para('An election was held on 10 May 1870. The North voted three months later on 25 August.')])).toEqual([
      '1870-05-10 An election was held on 10 May 1870.',
      '1870-08-25 The North voted three months later on 25 August.',
    ]);
  });

  it('a heading over a span of years places its dates anywhere in the span', () => {
    expect(
      summary([
        heading('The divided years (1865–1869)'),
        para('On 8 September 1865, the governor arrived.'),
        para('An election was held on 10 May 1868. The constitution followed on 25 August.'),
      ]).slice(-1),
    ).toEqual(['1868-08-25 The constitution followed on 25 August.']);
  });
});

describe('reversal', () => {
  it('counts only dates that open their sentence: dates met in passing and summary ranges do not make a chronology reversed', () => {
    const blocks = [
      para('The war began on 2 May. On 5 May, the fleet sailed.'),
      para('Tension had risen on 19 April, when a flag was raised.'),
      para('On 1 May 1870, the first landing took place.'),
      para('Operations lasted from 1 April 1870 to 20 June 1870.'),
      para('Troops had left prior to the 2 May landing. Coincidentally, on 26 April, a ship left port.'),
      para('On 1 May, orders were sent. On 6 May, a cabinet was formed.'),
      para('On 3 May, a resolution was tabled.'),
    ];
    expect(judgeOrder(blocks, blocks.map((b) => findDateMentions(b.text, 'en'))).reversed).toBe(false);
  });
});
