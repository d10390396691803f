/**
 * Casualty figures on sentences written for these tests (none is taken from the sources), one
 * rule each: forms of numbers, modifiers, kinds, who, reporters, parts and the names with numbers
 * that are not counts.
 */
import { describe, expect, it } from 'vitest';
import { loadGazetteer, textContext, withContext } from '../entities/index.ts';
import { findFigures } from './find.ts';
import type { Figure, Lang } from '../../schema/records.ts';

const gazetteer = loadGazetteer(new URL('../../../content/entities', import.meta.url).pathname);
// the sentences are about the Syrian civil war: generic role words ("rebels", "政府军") name its actors
const gaz = withContext(gazetteer, textContext(gazetteer, 'opposition-isil-2014', []));
const figs = (text: string, lang: Lang = 'en') => findFigures(text, lang, gaz);
const brief = (f: Figure) => [f.kind, f.low, f.high, f.who];

describe('English figures', () => {
  it('reads a passive count, its group and its words as written', () => {
    const [f] = figs('On 3 May, 17 Nusra fighters were killed near the mill.');
    expect(brief(f!)).toEqual(['killed', 17, 17, 'al-nusra-front']);
    expect(f!.text).toBe('17 Nusra fighters were killed');
    expect(f!.vague).toBe(false);
  });

  it('reads an active verb before its count, and a bare number right after it', () => {
    expect(figs('A roadside bomb killed nine people and wounded 31 in the market.').map(brief)).toEqual([
      ['killed', 9, 9, 'unknown'],
      ['wounded', 31, 31, 'unknown'],
    ]);
  });

  it('keeps ranges, lower and upper bounds apart', () => {
    expect(figs('Between 1,210–1,480 people had died in the siege, monitors said.').map(brief)).toEqual([['killed', 1210, 1480, 'unknown']]);
    expect(figs('At least 12 civilians were killed in the raid.').map(brief)).toEqual([['killed', 12, null, 'civilians']]);
    expect(figs('Nearly 40 soldiers were captured at the checkpoint.').map(brief)).toEqual([['captured', null, 40, 'fighters']]);
    expect(figs('More than 200 people were wounded overnight.').map(brief)).toEqual([['wounded', 200, null, 'unknown']]);
  });

  it('marks "dozens" as vague, with no bounds', () => {
    const [f] = figs('The shelling left dozens dead in the old city.');
    expect(f).toMatchObject({ kind: 'killed', low: null, high: null, vague: true });
  });

  it('makes two figures of a count on each side', () => {
    const out = figs('In the village, at least 8 fighters on each side were killed.');
    expect(out.map(brief)).toEqual([
      ['killed', 8, null, 'fighters'],
      ['killed', 8, null, 'fighters'],
    ]);
  });

  it('shares one kind word along a list, and names each group', () => {
    expect(figs('Six ISIL fighters and eleven rebels were killed in the clashes.').map(brief)).toEqual([
      ['killed', 6, 6, 'isil'],
      ['killed', 11, 11, 'syrian-opposition'],
    ]);
  });

  it('reads parts of a total, and a mix of civilians and fighters', () => {
    const out = figs('The bombing killed 40 people, including 25 rebels and 9 children.');
    expect(out.map(brief)).toEqual([
      ['killed', 40, 40, 'mixed'],
      ['killed', 25, 25, 'syrian-opposition'],
      ['killed', 9, 9, 'civilians'],
    ]);
    expect(out[1]!.partOf).toBe(0);
    expect(out[2]!.partOf).toBe(0);
  });

  it('names the reporter: a monitor of the gazetteer, or who the sentence says reported', () => {
    expect(figs('According to the SOHR, 14 soldiers were executed in the barracks.')[0]!.reporter).toBe('SOHR');
    expect(figs('Activists said 23 civilians were killed in the airstrike.')[0]!.reporter).toBe('activists');
    expect(figs('Three media activists were killed in the airstrike.')[0]!.reporter).toBeNull();
  });

  it('reads a death toll and another account of the same count', () => {
    const out = figs('The death toll on both sides rose to 64. Another report put the number of dead at 90.');
    expect(out.map(brief)).toEqual([
      ['killed', 64, 64, 'mixed'],
      ['killed', 90, 90, 'unknown'],
    ]);
    expect(out[1]!.alternative).toBe(true);
  });

  it('keeps two kinds counted together', () => {
    expect(figs('Some 70 rebels were dead or missing after the ambush.')[0]).toMatchObject({ kind: 'killed', orKind: 'missing', low: 70, high: 70 });
  });

  it('does not count dates, distances, units, vehicles, ordinals or the subject of an active verb', () => {
    expect(figs('On 12 March, the 17th Division moved 30 tanks 5 km north for 48 hours.')).toEqual([]);
    expect(figs('Division 30 fighters were deployed near the 46th base.')).toEqual([]);
    expect(figs('Two suicide bombers killed a number of guards.')).toEqual([]);
    expect(figs('Rebels took the jail, freeing 80 prisoners.')).toEqual([]);
    expect(figs('The rebels besieged 300 fighters in the town.')).toEqual([]);
  });
});

describe('Chinese figures', () => {
  it('reads 名 and 人 counts with the kind after them', () => {
    expect(figs('在冲突中有18名政府军士兵丧生，另有7人受伤。', 'zh-Hans').map(brief)).toEqual([
      ['killed', 18, 18, 'syrian-government'],
      ['wounded', 7, 7, 'unknown'],
    ]);
  });

  it('reads a kind verb before its count (打死, 击毙, 俘虏)', () => {
    expect(figs('叛军在夜间伏击中打死了12名士兵，俘虏了3人。', 'zh-Hans').map(brief)).toEqual([
      ['killed', 12, 12, 'fighters'],
      ['captured', 3, 3, 'unknown'],
    ]);
  });

  it('reads Chinese numerals, 余 and 至少', () => {
    expect(figs('十余名平民在炮击中身亡。', 'zh-Hans').map(brief)).toEqual([['killed', 10, null, 'civilians']]);
    expect(figs('空袭造成至少二十三人死亡。', 'zh-Hans').map(brief)).toEqual([['killed', 23, null, 'unknown']]);
    expect(figs('两名记者被绑架。', 'zh-Hans').map(brief)).toEqual([['captured', 2, 2, 'civilians']]);
  });

  it('reads digits with 千 in them and ranges with 至 / 到', () => {
    expect(figs('这一周有大约2千140至3千005人丧生。', 'zh-Hans').map(brief)).toEqual([['killed', 2140, 3005, 'unknown']]);
    expect(figs('据报道有45到52具尸体被送到医院。', 'zh-Hans').map(brief)).toEqual([['killed', 45, 52, 'unknown']]);
  });

  it('counts bodies as dead, or as executed when their words say so', () => {
    expect(figs('河边发现了20具尸体。', 'zh-Hans')[0]).toMatchObject({ kind: 'killed', low: 20 });
    expect(figs('医院里有12具遭到处决的尸体。', 'zh-Hans')[0]).toMatchObject({ kind: 'executed', low: 12 });
  });

  it('marks 数十 as vague', () => {
    expect(figs('政府军在战斗中俘虏数十人。', 'zh-Hans')[0]).toMatchObject({ kind: 'captured', vague: true, low: null, high: null });
  });

  it('reads 伤亡 as killed or wounded', () => {
    expect(figs('有55人在汽车炸弹袭击中伤亡。', 'zh-Hans')[0]).toMatchObject({ kind: 'killed', orKind: 'wounded', low: 55, high: 55 });
  });

  it('reads parts after 其中包括 and before 在内的', () => {
    const a = figs('空袭导致61人丧生，其中包括14名儿童和8名妇女。', 'zh-Hans');
    expect(a.map(brief)).toEqual([
      ['killed', 61, 61, 'unknown'],
      ['killed', 14, 14, 'civilians'],
      ['killed', 8, 8, 'civilians'],
    ]);
    expect(a.slice(1).map((f) => f.partOf)).toEqual([0, 0]);
    const b = figs('爆炸造成包括3名警察在内的19人死亡。', 'zh-Hans');
    expect(b.map(brief)).toEqual([
      ['killed', 3, 3, 'fighters'],
      ['killed', 19, 19, 'unknown'],
    ]);
    expect(b[0]!.partOf).toBe(1);
  });

  it('finds the group named before 有', () => {
    expect(figs('而伊斯蘭國有6人丧生。', 'zh-Hant')[0]!.who).toBe('isil');
  });

  it('names the reporter only where it reports', () => {
    expect(figs('据活动人士称，有9名平民丧生。', 'zh-Hans')[0]!.reporter).toBe('activists');
    expect(figs('叙利亚人权观察组织报道有4名儿童丧生。', 'zh-Hans')[0]!.reporter).toBe('SOHR');
  });

  it('takes the kind that ends the next clause when the count has none of its own', () => {
    expect(figs('9名民兵以及一名指挥官，该旅的副旅长Ali在当晚的战斗中丧生。', 'zh-Hans').map(brief)).toEqual([
      ['killed', 9, 9, 'fighters'],
      ['killed', 1, 1, 'fighters'],
    ]);
  });

  it('marks running totals', () => {
    expect(figs('截至3月2日，已有1,200人在轰炸中丧生。', 'zh-Hans')[0]).toMatchObject({ kind: 'killed', low: 1200, cumulative: true });
    expect(figs('Since the siege began, 340 civilians have been killed.')[0]).toMatchObject({ kind: 'killed', low: 340, cumulative: true });
    expect(figs('On Monday 12 civilians were killed.')[0]!.cumulative).toBeUndefined();
  });

  it('does not count names with numbers, dates or things', () => {
    expect(figs('反对派攻占了52号基地和第17师的阵地，缴获了3辆坦克。', 'zh-Hans')).toEqual([]);
    expect(figs('5月3日起的6天里，4个村庄遭到炮击。', 'zh-Hans')).toEqual([]);
    expect(figs('反对派释放了被关押的60名囚犯。', 'zh-Hans')).toEqual([]);
  });
});

describe('every figure is grounded', () => {
  it('quotes words that are in the passage', () => {
    const text = '伊斯兰国的武装分子向检查站开火，打死了9名反对派武装分子，打伤11人。';
    for (const f of figs(text, 'zh-Hans')) expect(text).toContain(f.text);
  });
});
