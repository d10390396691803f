import { describe, expect, it } from 'vitest';
import { classifyMentions } from './anchors.ts';
import { findDateMentions } from '../dates/find.ts';

const roles = (text: string) => classifyMentions(text, findDateMentions(text, 'en'), 'en').map((c) => `${c.mention.expression}:${c.role}`);

describe('English narrative: when a date is the clause’s time', () => {
  it('a backward offset in a past-perfect sentence looks back; it does not move the story', () => {
    expect(roles('The bridge had been mined by engineers during the previous day.')).toEqual(['the previous day:embedded']);
    expect(roles('The engineers mined the bridge on the previous day.')).toEqual(['the previous day:anchor']);
  });
  it('a short prepositional phrase that opens the sentence and ends with its date is its time', () => {
    expect(roles('In the storms of 3–5 March, the harbour wall broke.')).toEqual(['3–5 March:anchor']);
    expect(roles('Reports of the great storms that struck the whole coast of 3 March, were late.')).toEqual(['3 March:embedded']);
  });
  it('an offset of years that ends a later clause dates it', () => {
    expect(roles('On 4 May 1921 the mayor was arrested and released two years later.')).toEqual(['4 May 1921:anchor', 'two years later:anchor']);
  });
  it('a plan or an expectation is in passing; the report’s own date dates the sentence', () => {
    expect(roles('Talks are due to resume on 25 March, the envoy said on Wednesday.')).toEqual(['25 March:embedded', 'Wednesday:anchor']);
    expect(roles('The bridge will reopen on 2 June.')).toEqual(['2 June:embedded']);
  });
  it('a date after a preposition and an article qualifies the noun that is the clause’s time', () => {
    expect(roles('The treaty was signed at the 1884 conference in Berlin.')).toEqual(['1884:anchor']);
    expect(roles('The line was fixed in a 3 May 1899 letter.')).toEqual(['3 May 1899:anchor']);
    // without the preposition the year names the thing, not the time
    expect(roles('Historians still debate the 1884 conference.')).toEqual(['1884:embedded']);
    expect(roles('A 1903 survey of the valley showed the ford.')).toEqual(['1903:anchor']);
  });
  it('an end reached by "into" is the clause’s time', () => {
    expect(roles('The siege dragged on into 9 June, when the fort fell.')).toEqual(['9 June:anchor']);
  });
  it('a connective before the sentence’s first date opens no clause of a later one', () => {
    expect(roles('Only the mayor and the clerk stayed in office from the fire in June 1871 through to the flood in March 1880.')).toEqual(['June 1871:anchor', 'March 1880:embedded']);
  });
});

