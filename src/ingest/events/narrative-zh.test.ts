import { describe, expect, it } from 'vitest';
import { classifyMentions } from './anchors.ts';
import { findDateMentions } from '../dates/find.ts';

const roles = (text: string) =>
  classifyMentions(text, findDateMentions(text, 'zh-Hans'), 'zh-Hans').map((c) => `${c.mention.expression}:${c.role}`);

describe('Chinese narrative: when a date is the clause’s time', () => {
  it('news style: a day date right after the clause’s subject', () => {
    expect(roles('港务局发言人王明17日表示，码头将重新开放。')).toEqual(['17日:anchor']);
    expect(roles('抗议者19日夜冲入议会大楼。')).toEqual(['19日:anchor']);
  });
  it('but not a date that qualifies a noun (…日的)', () => {
    expect(roles('他回顾了17日的会谈。')).toEqual(['17日:embedded']);
  });
  it('a bound that opens its clause, or is followed by 才, gives the time', () => {
    expect(roles('直至同年5月9日，守军才撤离。')).toEqual(['同年5月9日:anchor']);
    expect(roles('援军一直到11日才抵达。')).toEqual(['11日:anchor']);
  });
  it('a bound in the middle of a clause with no outcome is in passing', () => {
    expect(roles('1月3日，围城持续到2月20日。')).toEqual(['1月3日:anchor', '2月20日:embedded']);
  });
  it('a date in a causal clause, or one that had already happened, is background', () => {
    expect(roles('5月2日，因为守军于4月30日已经撤退，城市陷落。')).toEqual(['5月2日:anchor', '4月30日:embedded']);
  });
  it('a plan (将于, 定于) is in passing', () => {
    expect(roles('双方将于3月25日恢复谈判。')).toEqual(['3月25日:embedded']);
  });
  it('a date a subject’s name holds gives way to the date after its copula', () => {
    expect(roles('1998年洪灾是1998年6月中旬开始的一场特大洪水。')).toEqual(['1998年:embedded', '1998年6月中旬:anchor']);
    // no copula: the year opens the sentence as usual
    expect(roles('1998年6月，洪水淹没了沿江村庄。')).toEqual(['1998年6月:anchor']);
  });
});

describe('Chinese narrative: the year of a sentence', () => {
  it('a year inside a qualifier after a preposition (于1990年创办的) gives no year to the dates after it', () => {
    const text = '3月2日，由作家李明及其友人于1990年创办的报纸发表评论称，该报在11月的报道中再次提及此事。';
    const read = classifyMentions(text, findDateMentions(text, 'zh-Hans'), 'zh-Hans');
    expect(read.map((c) => `${c.mention.expression}:${c.role}:${c.reason ?? ''}`)).toEqual(['3月2日:anchor:', '1990年:embedded:qualifier', '11月:anchor:']);
  });
});

