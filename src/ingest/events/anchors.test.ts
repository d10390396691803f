import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../dates/find.ts';
import { classifyMentions, sentenceStarts } from './anchors.ts';
import { loadDateResource } from '../dates/resources.ts';
import type { Lang } from '../../schema/records.ts';

const roles = (text: string, lang: Lang = 'en') =>
  classifyMentions(text, findDateMentions(text, lang), lang).map((c) => `${c.mention.expression}:${c.role}${c.rule ? `/${c.rule}` : ''}`);

describe('classifyMentions', () => {
  it('anchors sentence- and clause-initial dates', () => {
    expect(roles('On 5 January, strikers captured a base. By 23 January, the guild was in control.')).toEqual([
      '5 January:anchor/initial',
      '23 January:anchor/initial',
    ]);
    expect(roles('On 30 April, strikers captured the crossing and on 5 May, al-Qahtania.')).toEqual(['30 April:anchor/initial', '5 May:anchor/initial']);
    expect(roles('1月5日在激烈交火之后，反对派夺取了基地。', 'zh-Hans')).toEqual(['1月5日:anchor/initial']);
    expect(roles('反對派在1988年8月一度打破包圍，但於9月初再次被合圍。', 'zh-Hans')).toEqual(['1988年8月:anchor/sentence', '9月初:anchor/initial']);
  });

  it('anchors a date written at the end of its sentence', () => {
    expect(roles('The meeting was held in Tegucigalpa on 8 June 1969.')).toEqual(['8 June 1969:anchor/sentence']);
    expect(roles('the guild confirmed the death of Haji Bakr on 2 February.[97]')).toEqual(['2 February:anchor/sentence']);
    expect(roles('一名本地记者在1月18日的集会中受伤。', 'zh-Hans')).toEqual(['1月18日:anchor/sentence']);
  });

  it('leaves dates mentioned in passing embedded', () => {
    expect(roles('On 6 January, strikers freed a photographer who had been kidnapped since December 1985.')).toEqual([
      '6 January:anchor/initial',
      'December 1985:embedded',
    ]);
    expect(roles('The aim, which began after protests in March 2011, is clear.')).toEqual(['March 2011:embedded']);
    expect(roles('这座基地自从1985年2月以来一直由叛军控制。', 'zh-Hans')).toEqual(['1985年2月:embedded']);
    // the 以来 of a duration (三年以来, for three years) is not the date's
    expect(roles('港务局局长在1986年3月2日表示码头的吞吐量比三年以来任何时候都高。', 'zh-Hans')[0]).toMatch(/^1986年3月2日:anchor/);
    expect(roles('罢工者（1986年6月29日前稱為「港口罢工者」）', 'zh-Hans')).toEqual(['1986年6月29日:embedded']);
    expect(roles('罢工持续到了1月24日。', 'zh-Hans')).toEqual(['1月24日:embedded']);
    expect(roles('冲突是叙利亚内战期间在1986年1月初開始的一场冲突。', 'zh-Hans')).toEqual(['1986年1月初:embedded']);
    expect(roles('The offensive (April–July 1986) was executed by ISIS.')).toEqual(['April–July 1986:embedded']);
  });

  it('treats same-day markers as no move and counts relative phrases as anchors', () => {
    expect(roles('Later that day, the envoy al Sham recaptured a village.')).toEqual(['Later that day:same']);
    expect(roles('同时，反对派向Azaz增派援兵。', 'zh-Hans')).toEqual(['同时:same']);
    expect(roles('However, the guild re-entered the camp the following day and seized it.')).toEqual(['the following day:anchor/sentence']);
    expect(roles('By 23 January, the guild held Manbij and completely secured Darkush the following day.')).toEqual([
      '23 January:anchor/initial',
      'the following day:anchor/clause-final',
    ]);
    expect(roles('而在该地在之前一天的晚上，反对派攻击了基地。', 'zh-Hans')).toEqual(['之前一天:anchor/sentence']);
    expect(roles('在叙政府军攻击了一支车队一天之后，库尔德人武装与叙政府军发生冲突。', 'zh-Hans')).toEqual(['一天之后:embedded']);
    expect(roles('The SOHR confirmed executions during the seizure of the station the previous day.')).toEqual(['the previous day:embedded']);
  });

  it('splits sentences without breaking abbreviations or decimals', () => {
    const text = 'Brig. Gen. Bashir spoke. It was 1.5 miles away.[3] Next came news';
    const starts = sentenceStarts(text, loadDateResource('en'));
    expect(starts.map((s) => text.slice(s, s + 4))).toEqual(['Brig', 'It w', 'Next']);
  });
});
