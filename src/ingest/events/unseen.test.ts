/**
 * Articles about other wars and decades, written the way encyclopedia chronologies are: the
 * rules must not depend on the Syrian sources they were tuned on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { segmentEvents } from './segment.ts';
import { heading, para, resetLines } from './testBlocks.ts';
import type { Block } from '../blocks.ts';
import type { Lang } from '../../schema/records.ts';

beforeEach(resetLines);

const dated = (blocks: Block[], lang: Lang) => {
  const result = segmentEvents(blocks, { file: 'unseen.txt', lang });
  return {
    events: result.drafts.map((d) => `${d.date.start}${d.date.end !== d.date.start ? `..${d.date.end}` : ''} | ${d.text.slice(0, 24)}`),
    undated: result.undated.map((u) => u.firstWords.slice(0, 24)),
    warnings: result.warnings,
  };
};

describe('unseen articles', () => {
  it('an English war article of the 1960s', () => {
    const out = dated(
      [
        para('The Football War was a brief war fought between El Salvador and Honduras in 1969.'),
        heading('Background'),
        para('Tensions had been rising since the 1960s. On 8 June 1969, the first match was held in Tegucigalpa.'),
        para('The second game took place in San Salvador on 15 June. Fans rioted after it.'),
        para('On 26 June, El Salvador dissolved all diplomatic ties with Honduras.'),
        heading('War'),
        para('On the evening of 14 July 1969, the Salvadoran army launched an attack. Two days later, the Honduran air force struck back.'),
        para('The OAS negotiated a ceasefire on the night of 18 July, which took full effect on 20 July.'),
        para('Salvadoran troops were withdrawn in early August. A month later, talks resumed.'),
        para('A peace treaty was signed on 30 October 1980 in Lima.'),
      ],
      'en',
    );
    // The lead and the background have nothing before them: each is dated by the date it names.
    expect(out.undated).toEqual([]);
    expect(out.events).toEqual([
      '1969-01-01..1969-12-31 | The Football War was a b',
      '1960-01-01..1969-12-31 | Tensions had been rising',
      '1969-06-08 | On 8 June 1969, the firs',
      '1969-06-15 | The second game took pla',
      '1969-06-26 | On 26 June, El Salvador ',
      '1969-07-14 | On the evening of 14 Jul',
      '1969-07-16 | Two days later, the Hond',
      '1969-07-18 | The OAS negotiated a cea',
      '1969-08-01..1969-08-10 | Salvadoran troops were w',
      // a month on from early August: early September (the part of the month carries over)
      '1969-09-01..1969-09-10 | A month later, talks res',
      '1980-10-30 | A peace treaty was signe',
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('a Chinese war article of the 1950s with year headings and relative years', () => {
    const out = dated(
      [
        para('朝鲜战争是1950年6月25日至1953年7月27日发生在朝鲜半岛上的战争。'),
        heading('背景', 1),
        para('1945年8月，日本投降后，朝鲜半岛以北纬38度线为界分别由苏联和美国占领。'),
        heading('战争经过', 1),
        heading('1950年', 2),
        para('6月25日凌晨，朝鲜人民军越过三八线。三天后，人民军占领汉城。'),
        para('9月15日，联合国军在仁川登陆。10月下旬，中国人民志愿军入朝参战。'),
        heading('1951年', 2),
        para('1月4日，志愿军再次占领汉城。7月10日，双方开始停战谈判。'),
        para('次年3月，战线趋于稳定。'),
        para('1953年7月27日，双方签订《朝鲜停战协定》。'),
      ],
      'zh-Hans',
    );
    expect(out.undated).toEqual([]);
    expect(out.events).toEqual([
      '1950-06-25..1953-07-27 | 朝鲜战争是1950年6月25日至1953年7月2',
      '1945-08-01..1945-08-31 | 1945年8月，日本投降后，朝鲜半岛以北纬38度',
      '1950-06-25 | 6月25日凌晨，朝鲜人民军越过三八线。',
      '1950-06-28 | 三天后，人民军占领汉城。',
      '1950-09-15 | 9月15日，联合国军在仁川登陆。',
      '1950-10-21..1950-10-31 | 10月下旬，中国人民志愿军入朝参战。',
      '1951-01-04 | 1月4日，志愿军再次占领汉城。',
      '1951-07-10 | 7月10日，双方开始停战谈判。',
      '1952-03-01..1952-03-31 | 次年3月，战线趋于稳定。',
      '1953-07-27 | 1953年7月27日，双方签订《朝鲜停战协定》。',
    ]);
  });

  it('a timeline whose day headings govern the paragraphs below them', () => {
    const out = dated(
      [
        heading('1944', 1),
        heading('6 June', 2),
        para('Allied forces landed in Normandy.'),
        para('Casualties were heavy on Omaha Beach.'),
        heading('7 June', 2),
        para('Bayeux was liberated. The next day, British troops pushed inland.'),
      ],
      'en',
    );
    expect(out.events).toEqual([
      '1944-06-06 | Allied forces landed in ',
      '1944-06-06 | Casualties were heavy on',
      '1944-06-07 | Bayeux was liberated.',
      '1944-06-08 | The next day, British tr',
    ]);
  });
});
