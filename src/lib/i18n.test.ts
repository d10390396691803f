import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import zh from '../i18n/zh.json';
import rules from '../../content/entities/rules.json';
import { infoboxLabel, kindLabel, reasonLabel, skippedKindLabel } from './i18n.ts';

describe('UI strings', () => {
  it('exist in both languages, key for key, and the Chinese ones are not left in English', () => {
    expect(Object.keys(zh)).toEqual(Object.keys(en));
    for (const [key, value] of Object.entries(zh)) {
      if (typeof value !== 'string') continue;
      // every Chinese UI string holds Chinese, except names that are written the same in both
      const words = value.replace(/\{\w+\}/g, '');
      if (/[A-Za-z]/.test(words) && !/\p{Script=Han}/u.test(words)) expect(['nav.otherLanguage', 'nav.otherLanguageLabel'], key).toContain(key);
    }
  });
});

describe('labels of data values', () => {
  it('names infobox fields in the UI language, whether the source writes parameters or printed labels', () => {
    expect(infoboxLabel('partof', 'zh', 'zh-Hans')).toEqual({ text: '所属战争' });
    expect(infoboxLabel('Part of', 'zh', 'en')).toEqual({ text: '所属战争' });
    expect(infoboxLabel('combatant2', 'en', 'zh-Hans')).toEqual({ text: 'Belligerents (side 2)' });
    expect(infoboxLabel('Casualties and losses', 'zh', 'en')).toEqual({ text: '伤亡与损失' });
    // a field the UI has no name for is shown as the source writes it, in its language
    expect(infoboxLabel('motto', 'zh', 'en')).toEqual({ text: 'motto', lang: 'en' });
  });
  it('names kinds, skipped stretches and undated reasons, else shows the data as written', () => {
    expect(kindLabel('neighbourhood', 'zh')).toEqual({ text: '街区' });
    expect(kindLabel('armed group', 'en')).toEqual({ text: 'armed group' });
    expect(kindLabel('ferry port', 'zh')).toEqual({ text: 'ferry port', lang: 'en' });
    expect(skippedKindLabel('references', 'zh')).toEqual({ text: '参考文献' });
    expect(reasonLabel('a question, not a reported event', 'zh').lang).toBeUndefined();
    expect(reasonLabel('some new reason', 'zh')).toEqual({ text: 'some new reason', lang: 'en' });
  });
  it('names every kind a place cue or a group head gives, in both languages', () => {
    const { placeCues, groupCues } = rules;
    const kinds = new Set([...placeCues.before, ...placeCues.after, ...placeCues.heads, ...placeCues.leads, ...groupCues.heads].map((c) => c.kind));
    for (const kind of kinds) for (const locale of ['en', 'zh'] as const) expect(kindLabel(kind, locale), `${kind} ${locale}`).not.toHaveProperty('lang');
  });
});
