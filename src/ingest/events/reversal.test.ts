import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../dates/find.ts';
import { assignSections } from '../sections.ts';
import type { Block } from '../blocks.ts';
import { judgeOrder, storyOrder } from './reversal.ts';
import { heading, para } from './testBlocks.ts';

const mentionsOf = (blocks: { text: string }[]) => blocks.map((b) => findDateMentions(b.text, 'en'));
/** The blocks in story order with the headings that govern them, as "section › text" lines. */
const story = (blocks: Block[]): string[] => {
  const mentions = mentionsOf(blocks);
  expect(judgeOrder(blocks, mentions).reversed).toBe(true);
  return assignSections(storyOrder(blocks, mentions, 'en').map((i) => blocks[i]!)).map((b) =>
    b.kind === 'heading' ? `# ${b.text}` : `${b.section.join(' / ')} › ${b.text}`,
  );
};

describe('reversal detection', () => {
  it('calls a document reversed when its day dates mostly go back in time', () => {
    const blocks = [
      para('The conflict started after fighting erupted.'),
      para('On 9 October, ISIL captured five villages.'),
      para('On 27 August, ISIL launched an offensive.'),
      para('On 30 July, seven fighters were killed. On 9 August, ISIL captured a village.'),
      para('On 31 May, ISIL seized Sawran.'),
    ];
    expect(judgeOrder(blocks, mentionsOf(blocks)).reversed).toBe(true);
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

  it('counts headings that are only a date', () => {
    const blocks = [heading('14 March'), para('Shelling went on.'), heading('13 March'), para('The road was cut.'), heading('12 March'), para('Rebels advanced.'), heading('11 March'), para('The offensive began.')];
    expect(judgeOrder(blocks, mentionsOf(blocks))).toMatchObject({ reversed: true, backward: 3 });
  });
});

describe('story order of a reversed document, section by section', () => {
  it('a newest-first page: sections and their paragraphs turned, each paragraph under its own heading', () => {
    const blocks = [
      para('The siege of the fort lasted through the spring.'),
      heading('The fall of the fort'),
      para('On 20 May, the garrison surrendered.'),
      para('On 12 May, the last well ran dry.'),
      para('Food ran out soon after.'),
      heading('The first assaults'),
      para('On 28 April, the outer wall was breached.'),
      para('On 3 April, the besiegers dug their first trench.'),
    ];
    expect(story(blocks)).toEqual([
      ' › The siege of the fort lasted through the spring.',
      '# The first assaults',
      'The first assaults › On 3 April, the besiegers dug their first trench.',
      'The first assaults › On 28 April, the outer wall was breached.',
      '# The fall of the fort',
      'The fall of the fort › On 12 May, the last well ran dry.',
      'The fall of the fort › Food ran out soon after.',
      'The fall of the fort › On 20 May, the garrison surrendered.',
    ]);
  });

  it('a newest-first page of daily sections written forwards inside: only the sections are turned', () => {
    const blocks = [
      heading('14 March'),
      para('In the morning, shelling resumed.'),
      para('By evening, the bridge had fallen.'),
      heading('13 March'),
      para('The road to the north was cut.'),
      heading('12 March'),
      para('Rebels advanced on the bridge.'),
      heading('11 March'),
      para('At dawn, the offensive began.'),
      para('By noon, two villages were taken.'),
    ];
    expect(story(blocks)).toEqual([
      '# 11 March',
      '11 March › At dawn, the offensive began.',
      '11 March › By noon, two villages were taken.',
      '# 12 March',
      '12 March › Rebels advanced on the bridge.',
      '# 13 March',
      '13 March › The road to the north was cut.',
      '# 14 March',
      '14 March › In the morning, shelling resumed.',
      '14 March › By evening, the bridge had fallen.',
    ]);
  });

  it('nested sections: years and months each put in order, a background section first stays first', () => {
    const blocks = [
      heading('Background', 1),
      para('The town had been contested for years.'),
      heading('2015', 1),
      heading('February 2015', 2),
      para('On 20 February 2015, the town was retaken.'),
      para('On 2 February 2015, a counter-attack began.'),
      heading('January 2015', 2),
      para('On 9 January 2015, the town fell.'),
      heading('2014', 1),
      para('On 30 December 2014, the siege began.'),
      para('On 12 December 2014, the first clashes were reported.'),
    ];
    expect(story(blocks)).toEqual([
      '# Background',
      'Background › The town had been contested for years.',
      '# 2014',
      '2014 › On 12 December 2014, the first clashes were reported.',
      '2014 › On 30 December 2014, the siege began.',
      '# 2015',
      '# January 2015',
      '2015 / January 2015 › On 9 January 2015, the town fell.',
      '# February 2015',
      '2015 / February 2015 › On 2 February 2015, a counter-attack began.',
      '2015 / February 2015 › On 20 February 2015, the town was retaken.',
    ]);
  });

  it('a scrape that wrote every block backwards (each heading below its paragraphs) is turned over whole', () => {
    const blocks = [
      para('The conflict started after fighting erupted between the groups.'),
      para('On 9 October, ISIL captured five villages.'),
      para('One week later, a commander was killed.'),
      para('On 27 August, ISIL launched an offensive.'),
      heading('Northern advances', 2),
      para('On 30 July, seven fighters were killed.'),
      para('On 31 May, ISIL seized Sawran.'),
      para('On 22 April, ISIL captured al-Mahsa.'),
      heading('Southern fighting', 2),
      heading('Open warfare', 1),
    ];
    expect(storyOrder(blocks, mentionsOf(blocks), 'en')).toEqual([0, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(story(blocks).slice(0, 4)).toEqual([
      ' › The conflict started after fighting erupted between the groups.',
      '# Open warfare',
      '# Southern fighting',
      'Open warfare / Southern fighting › On 22 April, ISIL captured al-Mahsa.',
    ]);
  });

  it('works without the language, by where the dates stand', () => {
    const blocks = [
      heading('The fall of the fort'),
      para('On 20 May, the garrison surrendered.'),
      para('On 12 May, the last well ran dry.'),
      heading('The first assaults'),
      para('On 28 April, the outer wall was breached.'),
      para('On 3 April, the besiegers dug their first trench, which the defenders had expected since 1 March.'),
    ];
    expect(storyOrder(blocks, mentionsOf(blocks))).toEqual([3, 5, 4, 0, 2, 1]);
  });
});
