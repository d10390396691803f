/** Event types on sentences written for these tests, one rule each. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadGazetteer, textContext, withContext } from '../entities/index.ts';
import { classify } from './classify.ts';
import { TAXONOMY, taxonomyTerms } from './taxonomy.ts';
import { staleHant } from '../../../scripts/taxonomy-hant.ts';
import type { Lang } from '../../schema/records.ts';

const gazetteer = loadGazetteer(new URL('../../../content/entities', import.meta.url).pathname);
// the sentences are about the Syrian civil war: generic role words ("rebels", "政府军") name its actors
const gaz = withContext(gazetteer, textContext(gazetteer, 'opposition-isil-2014', []));
const kind = (text: string, lang: Lang = 'en') => {
  const c = classify(text, lang, gaz);
  return c.subtype ? `${c.type}/${c.subtype}` : c.type;
};

describe('classify', () => {
  it('names a battle in which territory changed hands by who took it', () => {
    expect(kind('Rebels captured the town of Manbij after a night of clashes.')).toBe('battles/non-state-actor-takes-territory');
    expect(kind('Government forces recaptured the village near the airport.')).toBe('battles/government-regains-territory');
    expect(kind('叙政府军夺回了机场附近的村庄。', 'zh-Hans')).toBe('battles/government-regains-territory');
    expect(kind('反对派攻占了该镇的警察局。', 'zh-Hans')).toBe('battles/non-state-actor-takes-territory');
  });

  it('does not take "captured 25 fighters" for territory', () => {
    expect(kind('ISIL fighters captured 25 of their rivals and clashed with the rest.')).toBe('battles/armed-clash');
  });

  it('reads explosions, their sub-types, and two sub-types in one phrase', () => {
    expect(kind('A car bomb went off at the checkpoint.')).toBe('explosions-remote-violence/car-bomb');
    expect(kind('在检查站发生了一起汽车炸弹袭击。', 'zh-Hans')).toBe('explosions-remote-violence/car-bomb');
    expect(kind('在檢查站發生了一起汽車炸彈襲擊。', 'zh-Hant')).toBe('explosions-remote-violence/car-bomb');
    const both = classify('A suicide car bomb struck the base.', 'en', gaz);
    expect(both.acts.map((a) => a.subtype)).toEqual(['car-bomb', 'suicide-bomb']);
    expect(kind('Warplanes carried out airstrikes on the market.')).toBe('explosions-remote-violence/air-strike');
    expect(kind('政府军炮击了该社区。', 'zh-Hans')).toBe('explosions-remote-violence/shelling');
  });

  it('reads violence against civilians', () => {
    expect(kind('The militants executed 12 prisoners in the square.')).toBe('violence-against-civilians/execution');
    expect(kind('两名神职人员被绑架。', 'zh-Hans')).toBe('violence-against-civilians/abduction');
  });

  it('reads protests, and force used against them', () => {
    expect(kind('Hundreds of protesters rallied in the main square.')).toBe('protests');
    expect(kind('Gunmen opened fire on the protesters.')).toBe('protests/excessive-force-against-protesters');
  });

  it('reads strategic developments, and violence first when a passage reports both', () => {
    expect(kind('The two factions signed a truce in the province.')).toBe('strategic-developments/agreement');
    expect(kind('The front issued a statement giving its rivals a three-day ultimatum.')).toBe('strategic-developments/statement');
    expect(kind('双方达成停火协议。', 'zh-Hans')).toBe('strategic-developments/agreement');
    expect(kind('The group announced a truce. Fighting broke out the next day.')).toBe('battles/armed-clash');
    expect(kind('Nusra withdrew from the frontline in protest over the plans.')).toBe('strategic-developments/withdrawal');
  });

  it('gives every passage a type: the fallback, with no acts, when nothing is reported', () => {
    const c = classify('An analyst weighs the meaning of the week.', 'en', gaz);
    expect(c).toEqual({ type: TAXONOMY.fallback, acts: [] });
  });

  it('grounds every act in the words of the passage', () => {
    const text = 'On the same day, rebels stormed the base and shelled the airport.';
    for (const a of classify(text, 'en', gaz).acts) expect(text).toContain(a.text);
  });
});

describe('taxonomy', () => {
  it('has unique ids across types and sub-types, each with three names', () => {
    const ids = TAXONOMY.types.flatMap((t) => [t.id, ...t.subtypes.map((s) => s.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of TAXONOMY.types.flatMap((t) => [t, ...t.subtypes])) for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) expect(e.name[l], `${e.id} ${l}`).toBeTruthy();
  });

  it('has zh-Hant names made by opencc-js from zh-Hans (scripts/taxonomy-hant.ts)', () => {
    const file = JSON.parse(readFileSync(new URL('./taxonomy.json', import.meta.url), 'utf8'));
    expect(staleHant(file)).toEqual([]);
  });

  it('indexes a sub-type under its names in the three scripts', () => {
    expect(taxonomyTerms('car-bomb')).toEqual(expect.arrayContaining(['Car bomb', '汽车炸弹', '汽車炸彈']));
  });
});
