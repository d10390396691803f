import { describe, expect, it } from 'vitest';
import { foldText } from './entities/fold.ts';
import { phraseList, phraseMatcher, phraseSet, phraseSource } from './phrases.ts';

const spans = (text: string, phrases: string[]) => phraseList(phrases).scan(text).map((m) => text.slice(m.start, m.end));

/** What the phrase's regular expression alone finds, leftmost-longest, for comparison. */
function byRegex(text: string, phrases: string[]): string[] {
  const lower = foldText(text).lower;
  const regexes = [...phrases].sort((a, b) => b.replace(/[…*]/g, '').length - a.replace(/[…*]/g, '').length).map((p) => new RegExp(phraseSource(p), 'uy'));
  const out: string[] = [];
  for (let at = 0; at < lower.length; ) {
    let best = at;
    for (const r of regexes) {
      r.lastIndex = at;
      if (r.test(lower) && r.lastIndex > best) best = r.lastIndex;
    }
    if (best > at) {
      out.push(text.slice(at, best));
      at = best;
    } else at++;
  }
  return out;
}

describe('phrase matching', () => {
  it('matches words across any run of spaces, on word edges only', () => {
    expect(spans('They opened   fire on the crowd; ceasefire held.', ['open* fire', 'fire'])).toEqual(['opened   fire']);
    expect(spans('the firemen and the fire', ['fire'])).toEqual(['fire']);
    expect(spans('Ein Fire2 fire', ['fire'])).toEqual(['fire']);
  });

  it('prefers the longest phrase at a place, then goes on after it', () => {
    expect(spans('a suicide car bomb and a car bomb', ['car bomb', 'suicide car bomb'])).toEqual(['suicide car bomb', 'car bomb']);
  });

  it('keeps the edge space of a phrase that folds to one', () => {
    // "anti-" folds to "anti " (a dash is read as a space): a space must follow
    expect(spans('anti-tank and antipathy', ['anti-'])).toEqual(['anti-']);
  });

  it('finds in plain words what the regular expressions find', () => {
    const phrases = ['at least', 'a total of', 'the death toll', 'killed', 'kill*', 'at…fire', 'ÉTÉ', 'd’alep'];
    const text = 'At least 12 were killed; a  total of 40, the death toll rose. Killings at dawn: at the checkpoint they opened fire. Été d’Alep, at leastways';
    expect(spans(text, phrases)).toEqual(byRegex(text, phrases));
    const stars = ['clash*', 'open* fire', 'shell*ed', 'anti-'];
    const starred = 'Clashes, clashe\u0301s, clashes5 and clash; they opened  fire, shelling and shelled, anti-war, anti';
    expect(spans(starred, stars)).toEqual(byRegex(starred, stars));
    expect(spans(starred, stars)).toContain('clashe\u0301s');
  });

  it('treats a letter outside the Basic Multilingual Plane as a letter at an edge', () => {
    expect(spans('𝐀fire fire', ['fire'])).toEqual(['fire']);
  });

  it('a set scans each list as if alone: a match of one list never hides another', () => {
    const text = 'rebels shelled the town, killing at least five civilians';
    const lists = {
      verbs: [{ phrase: 'shell*', value: 'attack' }, { phrase: 'killing', value: 'kill' }],
      mods: [{ phrase: 'at least', value: 'min' }],
      overlap: [{ phrase: 'killing at', value: 'x' }, { phrase: 'at least five', value: 'y' }],
    };
    const all = phraseSet(lists).scan(text);
    for (const key of Object.keys(lists) as (keyof typeof lists)[]) expect(all[key]).toEqual(phraseMatcher(lists[key]).scan(text));
    expect(all.overlap.map((m) => m.value)).toEqual(['x']);
    expect(all.verbs.map((m) => m.value)).toEqual(['attack', 'kill']);
  });

  it('matches Han phrases anywhere, with a gap of the same clause for …', () => {
    expect(spans('政府军向抗议者开火，随后开火', ['向…开火'])).toEqual(['向抗议者开火']);
    expect(spans('向人群，开火', ['向…开火'])).toEqual([]);
  });
});
