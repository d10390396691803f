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
});
