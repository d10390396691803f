/**
 * The dates stage through the real readers, on small texts written for these tests (one per
 * format and language situation): the passages a careful reader dates without hesitation must
 * get that date. The texts are invented so that a rule is never tested on the sentence that
 * prompted it.
 */
import { describe, expect, it } from 'vitest';
import { readSource } from '../readers/index.ts';
import { segmentEvents, type SegmentResult } from './segment.ts';
import { readableLang } from '../detect.ts';
import { segmentContext } from '../pipeline.ts';
import type { SourceMeta } from '../../schema/records.ts';

/** Reads `text` as the source `meta` describes and segments it, as the pipeline does. */
const segment = (meta: SourceMeta, text: string): SegmentResult => {
  const read = readSource(meta, text);
  return segmentEvents(read.blocks, segmentContext(meta, readableLang(meta.lang)!, read, text));
};

/** The date of the passage that starts with `start` (whitespace-insensitive), as start..end. */
const dateOf = (result: SegmentResult, start: string): string => {
  const d = result.drafts.find((x) => x.text.replace(/\s+/g, ' ').startsWith(start));
  if (!d) throw new Error(`no passage starting "${start}"`);
  return d.date.start === d.date.end ? d.date.start : `${d.date.start}..${d.date.end}`;
};

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

/** A manifest entry for an invented source (the file is never read: the text is passed in). */
const meta = (id: string, format: SourceMeta['format'], lang: string, extra: Partial<SourceMeta> = {}): SourceMeta => ({
  id,
  file: `${id}.txt`,
  title: id,
  lang,
  format,
  ...extra,
});

/** The day before the date of the passage above it ("the evening before"). */
const RELATIVE_DAY = '而在拉斯坦城外，前一天晚上，一支运送面粉的车队遭到炮击，三辆卡车被毁。';

const ZH_WIKITEXT = lines(
  '{{Infobox civil conflict',
  '|partof= [[叙利亚内战|叙利亚内战]]',
  '|conflict=霍姆斯北郊冲突',
  '|place= [[霍姆斯省|霍姆斯省]]北部',
  '|result=進行中',
  '}}',
  '',
  '[[霍姆斯省|霍姆斯省]]北郊冲突是[[叙利亚内战|叙利亚内战]]期间，政府军与当地反对派武装于2014年1月上旬在拉斯坦和塔勒比塞一带爆发的一系列战斗。<ref>{{cite news|title=Fighting north of Homs}}</ref>',
  '',
  '== 背景 ==',
  '拉斯坦一带自从政府军在2012年5月6日封锁通往霍姆斯市的公路之后便与外界隔绝，城内的粮食和药品日益短缺。',
  '',
  '在2013年11月後期，拉斯坦的几个武装派别曾试图组建统一的指挥部，但因争夺物资而未能达成协议。',
  '',
  '== 2014年的战斗 ==',
  '1月3日在霍姆斯省北部，反对派武装向政府军设在公路旁的两座检查站发起进攻，并在数小时后占领了其中一座。<ref>{{cite web|title=Checkpoint attack}}</ref>',
  '',
  '1月6日，政府军出动坦克收复了这座检查站，十余名反对派战斗人员被打死。',
  '',
  RELATIVE_DAY,
  '',
  '27日至29日，双方在塔勒比塞南面的农田里反复争夺，据当地医生称至少有四十人死亡。',
  '',
);

const EN_REVERSED_LEAD = 'Rebel infighting in the Homs countryside is a series of clashes between the Homs Brigade and the Desert Lions, two rebel groups of the northern Homs countryside.';

/** A newest-first scrape: sections and the entries in them run back in time down the page. */
const EN_REVERSED = lines(
  'World Library',
  'Flag as Inappropriate',
  'Email this Article',
  '',
  'Rebel infighting in the Homs countryside',
  '',
  EN_REVERSED_LEAD,
  '',
  'Renewed fighting',
  '',
  'On 2 May, the Desert Lions shelled the Homs Brigade headquarters in Rastan with mortars taken from an army depot.[1]',
  '',
  'On 14 March, fighters of the Homs Brigade ambushed a Desert Lions convoy on the road to Talbiseh, killing four.[2]',
  '',
  'On 20 February, both groups accused each other of breaking the truce after a shooting at a bakery in Houla.[3]',
  '',
  'On 3 January 2015, the two groups signed a truce in Rastan under the mediation of local clerics, though neither side withdrew its checkpoints.[4]',
  '',
  'First clashes',
  '',
  'In the summer of 2014, dozens of fighters left the Desert Lions for the Homs Brigade, which was paying higher salaries.[5]',
  '',
  'On 21 May, the Homs Brigade arrested three Desert Lions members it accused of planting the bomb.[6]',
  '',
  'On 9 April, a car bomb exploded outside a Homs Brigade office in Rastan, killing six of its members.[7]',
  '',
  'The Homs Brigade blamed the Desert Lions for the bombing, which their spokesman denied in a video statement.[8]',
  '',
  'Between 17 and 19 March, the two groups fought for control of the farmland south of Houla, where both collected tolls.[9]',
  '',
  'On 1 February, Desert Lions fighters stormed a Homs Brigade weapons depot in Kafr Laha and seized two tanks.[10]',
  '',
  'The next day, the Homs Brigade abandoned its remaining positions in Kafr Laha, saying it could not hold them without the lost weapons.[11]',
  '',
  'On the evening of 5 January 2014, gunmen of the Desert Lions kidnapped a Homs Brigade commander at a checkpoint near Talbiseh.[12]',
  '',
);

/** A passage between February and 30 December under the 2012 heading: the story reaches autumn first. */
const MONTH_BETWEEN = '10月12日，反对派武装从北面渗入老城区，在钟楼附近与政府军交火。';

const ZH_MARKDOWN = lines(
  '> 本文内容由[霍姆斯战役](https://zh.wikipedia.org/wiki/霍姆斯战役)转换而来。',
  '',
  '**霍姆斯战役**是一场自2012年2月至2014年5月在[叙利亚](../Page/叙利亚.md "wikilink")第三大城市霍姆斯进行的军事冲突。',
  '',
  '## 背景',
  '',
  '霍姆斯是[霍姆斯省](https://zh.wikipedia.org/wiki/霍姆斯省 "wikilink")的省会，位于奥龙特斯河畔，是连接大马士革与沿海地区的交通要道。',
  '',
  '2011年霍姆斯市的抗议活动在3月18日开始，数千人聚集在市中心的钟楼广场要求释放被捕的学生。',
  '',
  '## 2012年',
  '',
  '### 围攻巴巴阿姆尔',
  '',
  '**2月4日**',
  '',
  '政府军开始用火箭炮轰击巴巴阿姆尔区，当地活动人士称一夜之间有上百人死亡。',
  '',
  '**2月9日至10日**',
  '',
  '炮击仍未停止，红新月会的救护车无法进入该区，伤员只能在临时诊所中接受治疗。',
  '',
  '### 老城区',
  '',
  MONTH_BETWEEN,
  '',
  '在12月30日，反对派武装从老城区的哈米迪耶街发起反攻，夺取了政府军的两处据点。',
  '',
  '到13年1月14日，反对派已经控制了老城区北部的三个街区，但粮食和弹药开始短缺。',
  '',
  '## 2013年',
  '',
  '### 1月',
  '',
  '早在12月27日，政府军就已经切断了通往老城区的最后一条地下通道。',
  '',
  '1月20日，政府军从克鲁姆区向老城区发起进攻，但在哈米迪耶街遭到伏击。',
  '',
  '### 春季攻势',
  '',
  '在5月上旬，政府军在黎巴嫩真主党武装的支援下向哈立迪耶区推进，双方逐屋争夺。',
  '',
  '### 年底',
  '',
  '从12月15日到12月28日，老城区内的反对派武装多次试图突围，但均被政府军击退。',
  '',
);

const EN_PLAINTEXT = lines(
  'Saraqib clashes (April 2013)',
  '',
  'The Saraqib clashes were fought in April 2013 between government forces and rebel brigades around the town of Saraqib in Idlib Governorate.',
  'On 9 April 2013, rebel brigades attacked an army checkpoint on the highway east of Saraqib, killing eleven soldiers and capturing an armoured vehicle.',
  'On 11 April, the army answered with air strikes on the market of the town, and many residents began to flee towards the Turkish border.',
);

const EN_BLOG = lines(
  'Syria Roundup, Nov 16: Rebels Take Oil Field Near Deir ez-Zor',
  '',
  '',
  'LATEST: Opposition Coalition Agrees To Attend Talks In Geneva',
  '',
  '',
  'Rebel brigades seized the Jafra oil field east of Deir ez-Zor on Friday, taking one of the last energy sites the regime still held in the province.',
  '',
  'The assault began on Thursday, when a suicide bomber drove a truck into the gate of the field and fighters stormed the pumping station behind it.',
  '',
  'Activists said that at least nine soldiers were killed and that the rest of the garrison fled towards the airport.',
  '',
);

describe('zh wikitext: inline dates, relative days and ranges', () => {
  const result = segment(meta('zh-wikitext', 'wikitext', 'zh-Hans'), ZH_WIKITEXT);

  it('dates a passage under a year heading by its month and day', () => {
    expect(dateOf(result, '1月3日在霍姆斯省北部')).toBe('2014-01-03');
    expect(dateOf(result, '1月6日，政府军出动坦克')).toBe('2014-01-06');
  });

  it('takes the day before the date read last for 前一天', () => {
    expect(dateOf(result, '而在拉斯坦城外，前一天晚上')).toBe('2014-01-05');
  });

  it('reads a bare day range in the month of the story', () => {
    expect(dateOf(result, '27日至29日')).toBe('2014-01-27..2014-01-29');
  });

  it('reads 後期 as the last third of the month', () => {
    expect(dateOf(result, '在2013年11月後期')).toBe('2013-11-21..2013-11-30');
  });

  it('dates the lead and the background, which have no date before them, by their own mentions', () => {
    expect(dateOf(result, '霍姆斯省北郊冲突是')).toBe('2014-01-01..2014-01-10');
    expect(dateOf(result, '拉斯坦一带自从政府军')).toBe('2012-05-06');
    expect(result.undated).toEqual([]);
  });

  // "The day before this counter-attack" / "the day before this": still the day before 1月6日.
  it('takes the day before for 之前一天 after what it counts from (这场反攻之前一天)', () => {
    const text = ZH_WIKITEXT.replace(RELATIVE_DAY, '而在这场反攻之前一天的晚上，一支运送面粉的车队在城外遭到炮击。');
    expect(dateOf(segment(meta('zh-wikitext', 'wikitext', 'zh-Hans'), text), '而在这场反攻之前一天的晚上')).toBe('2014-01-05');
  });

  it('takes the day before for 在此之前一天', () => {
    const text = ZH_WIKITEXT.replace(RELATIVE_DAY, '在此之前一天的晚上，一支运送面粉的车队在城外遭到炮击。');
    expect(dateOf(segment(meta('zh-wikitext', 'wikitext', 'zh-Hans'), text), '在此之前一天的晚上')).toBe('2014-01-05');
  });
});

describe('en reversed scrape: read in story order with years from context', () => {
  const result = segment(meta('en-reversed', 'plaintext', 'en'), EN_REVERSED);

  it('detects the newest-first order', () => {
    expect(result.reversed).toBe(true);
  });

  it('dates entries with a written year and takes the year of the others from the story', () => {
    expect(dateOf(result, 'On the evening of 5 January 2014')).toBe('2014-01-05');
    expect(dateOf(result, 'On 1 February, Desert Lions')).toBe('2014-02-01');
    expect(dateOf(result, 'On 9 April, a car bomb')).toBe('2014-04-09');
    expect(dateOf(result, 'On 21 May, the Homs Brigade')).toBe('2014-05-21');
    // Below 3 January 2015 in the file, so after it in the story: 2015.
    expect(dateOf(result, 'On 3 January 2015')).toBe('2015-01-03');
    expect(dateOf(result, 'On 20 February, both groups')).toBe('2015-02-20');
    expect(dateOf(result, 'On 14 March, fighters')).toBe('2015-03-14');
    expect(dateOf(result, 'On 2 May, the Desert Lions')).toBe('2015-05-02');
  });

  it('reads "Between 17 and 19 March" as a range', () => {
    expect(dateOf(result, 'Between 17 and 19 March')).toBe('2014-03-17..2014-03-19');
  });

  it('counts "The next day" from the entry before it in the story', () => {
    expect(dateOf(result, 'The next day, the Homs Brigade abandoned')).toBe('2014-02-02');
  });

  it('gives a paragraph with no date of its own the date of the entry it continues', () => {
    expect(dateOf(result, 'The Homs Brigade blamed the Desert Lions')).toBe('2014-04-09');
  });

  it('reads a season of a year', () => {
    expect(dateOf(result, 'In the summer of 2014')).toBe('2014-06-01..2014-08-31');
  });

  it('reports the undated lead rather than dating it', () => {
    expect(result.undated.map((u) => u.firstWords.slice(0, 24))).toEqual(['Rebel infighting in the ']);
  });

  // A lead that says when the fighting began must not pull the later years back to it: the
  // entries after 3 January 2015 are still in 2015.
  it('keeps the years of the story when the lead dates the start of the conflict', () => {
    const text = EN_REVERSED.replace(EN_REVERSED_LEAD, EN_REVERSED_LEAD.replace(/\.$/, ', that began in January 2014.'));
    const dated = segment(meta('en-reversed', 'plaintext', 'en'), text);
    expect(dateOf(dated, 'On 20 February, both groups')).toBe('2015-02-20');
  });
});

describe('zh Markdown: year headings, date lines and a flashback across the year end', () => {
  const result = segment(meta('zh-markdown', 'markdown', 'zh-Hans'), ZH_MARKDOWN);

  it('dates the lead by the period it states and the background by its own year', () => {
    expect(dateOf(result, '霍姆斯战役是一场自2012年2月至2014年5月')).toBe('2012-02-01..2014-05-31');
    expect(dateOf(result, '2011年霍姆斯市的抗议活动在3月18日开始')).toBe('2011-03-18');
  });

  it('dates the paragraphs under a date line by it, in the year of the heading', () => {
    expect(dateOf(result, '政府军开始用火箭炮轰击')).toBe('2012-02-04');
    expect(dateOf(result, '炮击仍未停止')).toBe('2012-02-09..2012-02-10');
  });

  it('keeps a December date under the year heading, and reads a two-digit year', () => {
    expect(dateOf(result, '10月12日，反对派武装')).toBe('2012-10-12');
    expect(dateOf(result, '在12月30日')).toBe('2012-12-30');
    expect(dateOf(result, '到13年1月14日')).toBe('2013-01-14');
  });

  it('puts a flashback to December (早在) at the top of the next year in the year before', () => {
    expect(dateOf(result, '早在12月27日')).toBe('2012-12-27');
    expect(dateOf(result, '1月20日，政府军从克鲁姆区')).toBe('2013-01-20');
  });

  it('reads 上旬 as the first ten days and a 从…到… range of days', () => {
    expect(dateOf(result, '在5月上旬')).toBe('2013-05-01..2013-05-10');
    expect(dateOf(result, '从12月15日到12月28日')).toBe('2013-12-15..2013-12-28');
  });

  // Under ## 2012年 the story may jump from February to December: 在12月30日 is still 2012, not
  // the nearer December before February.
  it('keeps a December date under its year heading when the story jumps there from February', () => {
    const dated = segment(meta('zh-markdown', 'markdown', 'zh-Hans'), ZH_MARKDOWN.replace(`${MONTH_BETWEEN}\n\n`, ''));
    expect(dateOf(dated, '在12月30日')).toBe('2012-12-30');
  });
});

describe('en plain text and blog', () => {
  it('plain text: a day without a year takes the year of the story', () => {
    const result = segment(meta('en-plaintext', 'plaintext', 'en'), EN_PLAINTEXT);
    expect(dateOf(result, 'The Saraqib clashes were fought in April 2013')).toBe('2013-04-01..2013-04-30');
    expect(dateOf(result, 'On 9 April 2013')).toBe('2013-04-09');
    expect(dateOf(result, 'On 11 April, the army')).toBe('2013-04-11');
  });

  it('blog: weekdays are the last ones before the post date (Saturday 16 November 2013)', () => {
    const result = segment(meta('en-blog', 'blog', 'en', { published: '2013-11-16' }), EN_BLOG);
    expect(dateOf(result, 'Rebel brigades seized the Jafra oil field')).toBe('2013-11-15');
    expect(dateOf(result, 'The assault began on Thursday')).toBe('2013-11-14');
  });

  // The day after a range of days is the day after its last day, not after its first.
  // The pipeline counts from the first day (2013-04-13).
  it('counts "The next day" after a range from its last day', () => {
    const text = lines(
      'Ariha clashes (April 2013)',
      '',
      'Between 12 and 14 April 2013, government troops and rebel brigades fought for the hills south of Ariha in Idlib Governorate.',
      'The next day, the rebel brigades withdrew from the hills and the army reopened the road between Ariha and Idlib city.',
    );
    expect(dateOf(segment(meta('en-plaintext', 'plaintext', 'en'), text), 'The next day, the rebel brigades')).toBe('2013-04-15');
  });
});

describe('a life told decade by decade (a biography)', () => {
  const text = lines(
    'Mary Vale',
    '',
    'Mary Vale (4 May 1890 – 2 March 1971) was a harbour engineer who chaired the Port Board from 1931 to 1940.',
    '',
    'Early work',
    '',
    'She qualified in 1912 and joined the dock company in 1914. She was elected to the board at the 1931 annual meeting. In the following year, she opened the new basin.',
    '',
    'Later years',
    '',
    'In 1958, she toured the northern ports twice. On her second visit, made in October, she inspected the lock gates.',
    '',
    'She died in her home on 2 March 1971. A memorial service was held in April, attended by the board.',
  );
  const result = segment(meta('en-bio', 'plaintext', 'en'), text);
  it("keeps the later decades the document's years, and the lead does not hold them to its own", () => {
    expect(dateOf(result, 'On her second visit, made in October')).toBe('1958-10-01..1958-10-31');
    expect(dateOf(result, 'A memorial service was held in April')).toBe('1971-04-01..1971-04-30');
  });
  it('reads "at the 1931 annual meeting" as the time of its clause', () => {
    expect(dateOf(result, 'She was elected to the board')).toBe('1931-01-01..1931-12-31');
    expect(dateOf(result, 'In the following year')).toBe('1932-01-01..1932-12-31');
  });
});

describe('the year a sentence gives its other dates', () => {
  it('is not the year of a qualifier (于1990年创办的报纸)', () => {
    const text = lines('2013年3月，洪水淹没了沿江村庄。', '', '3月2日，由作家李明及其友人于1990年创办的报纸发表评论称，该报在4月的报道中再次提及此事。');
    expect(dateOf(segment(meta('zh-plain', 'plaintext', 'zh-Hans'), text), '该报在4月的报道中')).toBe('2013-04-01..2013-04-30');
  });
});

describe('a background story told to the month', () => {
  it('goes on in its own year, outside the frame the lead gives', () => {
    const text = lines(
      'Valley War',
      '',
      'The Valley War was a border war between two kingdoms fought in 1971, after raids that had begun in 1966. It began on 3 March 1971 and ended on 9 April 1971.',
      '',
      'Background',
      '',
      'Raids went on for years. In May 1966, herders from the north crossed the river, and three months later a patrol was ambushed at the ford.',
      '',
      'On 12 August, the two courts exchanged letters of protest. Talks followed but failed.',
    );
    expect(dateOf(segment(meta('en-bg', 'plaintext', 'en'), text), 'On 12 August, the two courts')).toBe('1966-08-12');
  });
});

describe('a date a when-clause follows', () => {
  it('dates the clause from its phrase on, and the story moves to it', () => {
    const text = lines('In May 1884, she became harbour master, a post she held until October, when the port closed. That month the town council sold the quay.');
    const result = segment(meta('en-when', 'plaintext', 'en'), text);
    expect(dateOf(result, 'In May 1884')).toBe('1884-05-01..1884-05-31');
    expect(dateOf(result, 'until October, when the port closed')).toBe('1884-10-01..1884-10-31');
    // "That month" is October's: it goes on in the same passage
    expect(result.drafts.find((d) => d.text.includes('That month'))?.date.start).toBe('1884-10-01');
  });
});

describe('a sentence whose opening anchor cannot be placed', () => {
  it('is dated from its start by the next anchor that can', () => {
    const text = lines('Harbour Board', '', "Today's Harbour Board descends from the old guild, though the charter of 1610 and the act that confirmed it in 1688 created the board itself.");
    expect(dateOf(segment(meta('en-today', 'plaintext', 'en'), text), "Today's Harbour Board")).toBe('1688-01-01..1688-12-31');
  });
});
