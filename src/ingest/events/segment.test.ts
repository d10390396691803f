import { beforeEach, describe, expect, it } from 'vitest';
import { segmentEvents } from './segment.ts';
import { cite, dateLine, heading, para, resetLines } from './testBlocks.ts';
import type { Block } from '../blocks.ts';

beforeEach(resetLines);

const en = { file: 'test.txt', lang: 'en' as const };
const zh = { file: 'test.txt', lang: 'zh-Hans' as const };
const summary = (blocks: Block[], ctx: Parameters<typeof segmentEvents>[1] = en) =>
  segmentEvents(blocks, ctx).drafts.map((d) => `${d.date.start}${d.date.end !== d.date.start ? `..${d.date.end}` : ''} ${d.text}`);

describe('segmentEvents', () => {
  it('starts an event at every date that moves the narrative, from the start of its sentence', () => {
    expect(
      summary([
        para('On 10 April 2014, ISIS launched an assault. A counter-attack was reported the same day. On 11 April, the toll rose to 86.'),
        para('The talks failed. A final meeting was held in Tegucigalpa on 8 June. Nothing came of it.'),
      ]),
    ).toEqual([
      '2014-04-10 On 10 April 2014, ISIS launched an assault. A counter-attack was reported the same day.',
      '2014-04-11 On 11 April, the toll rose to 86.',
      '2014-04-11 The talks failed.',
      '2014-06-08 A final meeting was held in Tegucigalpa on 8 June. Nothing came of it.',
    ]);
  });

  it('keeps later-that-day and meanwhile passages with their date', () => {
    expect(
      summary([para('On 9 October, ISIL captured five villages. Later that day, Ahrar al Sham recaptured one. Meanwhile, rebels sent reinforcements.')], {
        ...en,
        period: { start: '2015-01-01', end: '2015-12-31' },
      }),
    ).toEqual(['2015-10-09 On 9 October, ISIL captured five villages. Later that day, Ahrar al Sham recaptured one. Meanwhile, rebels sent reinforcements.']);
  });

  it('continues the previous date in undated paragraphs and reports the undated lead', () => {
    const result = segmentEvents(
      [
        para('The inter-rebel conflict started after fighting erupted.'),
        heading('Open warfare'),
        para('On 2 January 2014, ISIL attacked Atarib.'),
        para('Rebels in Atarib repelled the attack.'),
        para('The next day, protesters rallied.'),
      ],
      en,
    );
    expect(result.undated).toEqual([{ line: 1, firstWords: 'The inter-rebel conflict started after fighting erupted.', reason: 'before the first date of the source' }]);
    expect(result.drafts.map((d) => [d.date.start, d.line])).toEqual([
      ['2014-01-02', 5],
      ['2014-01-02', 7],
      ['2014-01-03', 9],
    ]);
  });

  it('lets a date line govern the paragraphs below it until the next date line or heading', () => {
    expect(
      summary(
        [
          heading('2012年', 1),
          heading('战斗', 2),
          dateLine('7月22日至23日'),
          para('在城内很多地方爆发了冲突。到了第二天，城东的武装反对派攻占了Hwlweniyeh地区。'),
          para('在市中心附近交火仍在持续。'),
          dateLine('7月27日'),
          para('援兵仍陆续抵达。'),
          para('在10月8日时，反对派也发动了攻击。'),
          para('在傍晚政府军进行轰炸。'),
        ],
        zh,
      ),
    ).toEqual([
      '2012-07-22..2012-07-23 在城内很多地方爆发了冲突。',
      '2012-07-23 到了第二天，城东的武装反对派攻占了Hwlweniyeh地区。',
      '2012-07-22..2012-07-23 在市中心附近交火仍在持续。',
      '2012-07-27 援兵仍陆续抵达。',
      '2012-10-08 在10月8日时，反对派也发动了攻击。',
      '2012-07-27 在傍晚政府军进行轰炸。',
    ]);
  });

  it('uses year headings and nearby explicit years, including a flashback across a year end', () => {
    expect(
      summary(
        [
          heading('2013年', 1),
          para('到2月中旬，至少有150人死亡。'),
          para('在12月30日，叙政府军的飞机进行了轰炸。到13年1月14日，反政府武装已经完全包围了这座基地。在2月11日，反政府武装控制了基地。'),
        ],
        zh,
      ),
    ).toEqual([
      '2013-02-11..2013-02-20 到2月中旬，至少有150人死亡。',
      '2012-12-30 在12月30日，叙政府军的飞机进行了轰炸。',
      '2013-01-14 到13年1月14日，反政府武装已经完全包围了这座基地。',
      '2013-02-11 在2月11日，反政府武装控制了基地。',
    ]);
  });

  it('does not move the story for dates mentioned in passing', () => {
    expect(
      summary([para('By 6 January 2014, rebels had besieged ISIL. Among those rescued was a photographer who had been kidnapped since December 2013. 10 prisoners escaped.')]),
    ).toEqual(['2014-01-06 By 6 January 2014, rebels had besieged ISIL. Among those rescued was a photographer who had been kidnapped since December 2013. 10 prisoners escaped.']);
  });

  it('keeps a look-back toll with its own sentence and resumes the day after it', () => {
    expect(summary([para('1月9日伊斯蘭國增派援兵。从1月3日到9日有482人丧生。反对派封锁了补给线。')], { ...zh, period: { start: '2014-01-01', end: '2014-12-31' } })).toEqual([
      '2014-01-09 1月9日伊斯蘭國增派援兵。',
      '2014-01-03..2014-01-09 从1月3日到9日有482人丧生。',
      '2014-01-09 反对派封锁了补给线。',
    ]);
  });

  it('dates weekdays and undated text of a blog post from its publication day', () => {
    expect(
      summary(
        [
          para('Insurgents and protesters rallied on Friday against the Islamic State.'),
          para('The ISIS started the chain of events on Thursday when it tried to take Atareb.'),
          heading('Beirut bomb'),
          para('ISIS has claimed Thursday’s car bomb in a Beirut suburb.'),
          para('In October, the Council said it would not attend.'),
        ],
        { ...en, published: '2014-01-04' },
      ),
    ).toEqual([
      '2014-01-03 Insurgents and protesters rallied on Friday against the Islamic State.',
      '2014-01-02 The ISIS started the chain of events on Thursday when it tried to take Atareb.',
      '2014-01-02 ISIS has claimed Thursday’s car bomb in a Beirut suburb.',
      '2013-10-01..2013-10-31 In October, the Council said it would not attend.',
    ]);
  });

  it('reads a newest-first document in story order and recomputes its sections', () => {
    const result = segmentEvents(
      [
        para('The conflict started after fighting erupted.'),
        para('On 2 February, Al-Qaeda distanced itself. The day before, five fighters were killed.'),
        para('On 20 January 2014, two car bombs exploded.'),
        heading('The front breaks apart'),
        para('On 15 January 2014, a car bomb killed 26. The next day, rebels advanced.'),
        para('On 4 January 2014, ISIL rounded up activists.'),
        heading('Open warfare'),
      ],
      en,
    );
    expect(result.reversed).toBe(true);
    expect(result.drafts.map((d) => `${d.date.start} ${d.section.join('/')} ${d.text.slice(0, 12)}`)).toEqual([
      '2014-01-04 Open warfare On 4 January',
      '2014-01-15 Open warfare On 15 Januar',
      '2014-01-16 Open warfare The next day',
      '2014-01-20 The front breaks apart On 20 Januar',
      '2014-02-02 The front breaks apart On 2 Februar',
      '2014-02-01 The front breaks apart The day befo',
    ]);
    expect(result.undated.map((u) => u.line)).toEqual([1]);
  });

  it('warns about impossible dates with their line, and does not date passages by them', () => {
    const result = segmentEvents([para('On 2 April 2014, ISIL advanced.'), para('On 31 April, rebels\nretreated.\nOn 30 April, x.', { line: 10 })], en);
    expect(result.warnings).toEqual([{ file: 'test.txt', line: 10, message: expect.stringContaining('impossible date "31 April"') }]);
    expect(result.drafts.map((d) => [d.date.start, d.line])).toEqual([
      ['2014-04-02', 1],
      ['2014-04-02', 10],
      ['2014-04-30', 12],
    ]);
  });

  it('gives each passage the citations anchored inside it and the links it names', () => {
    const text = 'On 5 January, rebels took Manbij. On 6 January, rebels entered Raqqa.';
    const [first, second] = segmentEvents(
      [para(text, { links: ['Manbij', 'Raqqa', 'Civil war in Syria'], citations: [cite(text.indexOf(' On 6'), 'a'), cite(text.length, 'b')] })],
      { ...en, period: { start: '2014-01-01', end: '2014-12-31' } },
    ).drafts;
    expect(first!.citations).toEqual([{ title: 'a' }]);
    expect(second!.citations).toEqual([{ title: 'b' }]);
    expect(first!.links).toEqual(['Manbij', 'Civil war in Syria']);
    expect(second!.links).toEqual(['Raqqa', 'Civil war in Syria']);
  });

  it('never dates a passage outside the years the source is about', () => {
    const result = segmentEvents([para('2012年10月14日，清真寺遭受了破坏。'), para('这座清真寺遭受了自1822年地震以来最大规模的破坏。据信是一架战斗机在15日中彈击落。')], zh);
    expect(result.drafts.map((d) => d.date.start)).toEqual(['2012-10-14', '2012-10-14', '2012-10-15']);
  });

  it('carries no date into a paragraph that only asks a question', () => {
    const result = segmentEvents([para('On 3 January 2014, rebels rallied.'), para('But does this mean a showdown between the factions?')], en);
    expect(result.drafts.map((d) => d.text)).toEqual(['On 3 January 2014, rebels rallied.']);
    expect(result.undated).toEqual([{ line: 3, firstWords: 'But does this mean a showdown between the factions?', reason: 'a question, not a reported event' }]);
  });
});
