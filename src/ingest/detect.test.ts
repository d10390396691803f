import { describe, expect, it } from 'vitest';
import { canonicalLang, detectFormat, detectLang, readableLang } from './detect.ts';
import { proseOf } from './prose.ts';
import { sourceText } from './readers/testSupport.ts';

describe('detectFormat', () => {
  it('recognises each source format from its text', () => {
    expect(detectFormat(sourceText('000_144564388ffd4dde.txt'))).toBe('wikitext');
    expect(detectFormat(sourceText('001_285ae1a0c3e52f84.txt'))).toBe('plaintext');
    expect(detectFormat(sourceText('002_05092bd0643b1bd0.txt'))).toBe('markdown');
    expect(detectFormat(sourceText('003_0100bfe34d1bbbb8.txt'))).toBe('plaintext');
    expect(detectFormat(sourceText('004_356500fd48192b0e.txt'))).toBe('blog');
  });

  it('works on small new texts', () => {
    expect(detectFormat('== A ==\nText [[Link]].<ref>x</ref>\n')).toBe('wikitext');
    expect(detectFormat('## A\n\n**7月1日**\n\nText [a](http://x).\n')).toBe('markdown');
    expect(detectFormat('Post title\n\nBody text.\n\nRelated Posts\n\n  1. A comment\n\nLeave a Comment\n')).toBe('blog');
    expect(detectFormat('Just some text.\n\nAnother paragraph.\n')).toBe('plaintext');
  });
});

describe('detectFormat wants real evidence of a comment thread', () => {
  const article =
    'Siege of the hill fort\n\nThe siege of the hill fort began on 3 May 1648 when the garrison refused to surrender.\n\nResponses\n\n  • The council sent a relief force that was turned back at the river.\n\nAftermath\n\nOn 9 May the garrison surrendered and the fort was slighted the following summer.\n';

  it('does not take a "Responses" or "Comments" heading with one bullet for a blog', () => {
    expect(detectFormat(article)).toBe('plaintext');
    expect(detectFormat(article.replace('Responses', 'Comments'))).toBe('plaintext');
    expect(detectFormat(article.replace('Responses', 'Discussion'))).toBe('plaintext');
  });

  it('takes several comments, or comments with their authors and times, for a blog', () => {
    const withComments = `${article}\nComments\n\n  1. A fine account of the siege.\n\n  2. The relief force was larger than this says.\n\n  3. Thank you.\n`;
    expect(detectFormat(withComments)).toBe('blog');
    const signed = `${article}\n2 comments\n\nMaria Keane says:\n12 May 2014 at 10:04 pm\nA fine account of the siege.\n`;
    expect(detectFormat(signed)).toBe('blog');
  });
});

describe('detectLang', () => {
  it('tells English, simplified and traditional Chinese apart', () => {
    expect(detectLang(sourceText('001_285ae1a0c3e52f84.txt'))).toBe('en');
    expect(detectLang(sourceText('000_144564388ffd4dde.txt'))).toBe('zh-Hans');
    expect(detectLang(sourceText('002_05092bd0643b1bd0.txt'))).toBe('zh-Hans');
    expect(detectLang('反對派武裝人員撤離阿勒頗東部，政府軍宣佈收復全境。')).toBe('zh-Hant');
    expect(detectLang('反对派武装人员撤离阿勒颇东部，政府军宣布收复全境。')).toBe('zh-Hans');
    expect(detectLang('ISIS captured 阿勒颇 in a long English sentence with many words.')).toBe('en');
  });
});

/** A sentence of Chinese prose followed by an English citation template, as zh.wikipedia writes them. */
const citedZh = (sentence: string, n: number) =>
  `${sentence}<ref name="r${n}">{{cite web|url=https://www.example-news.com/world/middle-east/story-${n}.html|title=Rebel factions clash with jihadist group over control of northern border town|publisher=Example News Agency|date=January ${n}, 2014|accessdate=February ${n}, 2014|language=en}}</ref>`;

describe('detectLang reads the prose, not the markup', () => {
  const zhParagraph = [
    citedZh('2014年1月3日，反对派武装在北部边境城镇与极端组织发生激烈交火。', 1),
    citedZh('次日，数百名居民走上街头，要求武装人员撤出城镇。', 2),
    citedZh('当地活动人士表示，冲突造成至少十五人死亡。', 3),
    citedZh('[[叙利亚自由军|自由军]]随后宣布收复镇中心的清真寺。', 4),
  ].join('');
  const zhWikitext = `{{Infobox military conflict|conflict=北部边境冲突|date=2014年1月|place=[[File:Border town map.svg|thumb|map]]}}\n${zhParagraph}\n\n== 参考资料 ==\n{{reflist}}\n* [https://www.example-news.com/a Rebels and jihadists fight for the north] Example News, 2014\n[[Category:2014年冲突]]\n`;

  it('counts a Chinese article full of English citation titles as Chinese', () => {
    const han = zhWikitext.match(/\p{Script=Han}/gu)!.length;
    const letters = zhWikitext.match(/\p{L}/gu)!.length;
    // Counted over the raw file, Han characters are a small minority of the letters ...
    expect(han / letters).toBeLessThan(0.3);
    // ... but the prose is Chinese.
    expect(detectLang(zhWikitext)).toBe('zh-Hans');
    expect(proseOf(zhWikitext)).not.toMatch(/cite web|example-news|Rebel factions|Infobox|thumb|Category/);
  });

  it('keeps simplified and traditional apart once the markup is gone', () => {
    const hant = zhWikitext.replace('反对派武装在北部边境城镇与极端组织发生激烈交火', '反對派武裝在北部邊境城鎮與極端組織發生激烈交火').replace('数百名居民走上街头', '數百名居民走上街頭').replace('当地活动人士表示，冲突造成', '當地活動人士表示，衝突造成');
    expect(detectLang(hant)).toBe('zh-Hant');
  });

  it('ignores Markdown link targets, footnote markers and an English reference list', () => {
    const md = `# 北部边境冲突\n\n2014年1月3日，[反对派](https://zh.wikipedia.org/wiki/Syrian_opposition_forces_in_the_north "wikilink")与极端组织交火。\\[1\\] 次日，居民[上街抗议](https://zh.wikipedia.org/wiki/Protests_against_the_jihadist_group "wikilink")。\\[2\\]\n\n## 参考文献\n\n1. [Rebels and jihadists fight for control of the northern border town](https://news.example.org/rebels-and-jihadists)\n2. [Residents protest against the occupation of their town by fighters](https://news.example.org/residents-protest)\n`;
    expect(detectLang(md)).toBe('zh-Hans');
  });

  it('names a Japanese text as Japanese (kana), not traditional Chinese', () => {
    const ja = '1月4日、反政府勢力は北部の国境の町で過激派組織の拠点を攻撃した。住民によると、戦闘は夜まで続き、少なくとも十人が死亡したという。';
    expect(detectLang(ja)).toBe('ja');
    expect(readableLang(detectLang(ja))).toBeUndefined();
  });

  it('names French, German, Spanish, Russian, Arabic and Korean texts, and reads none of them as English', () => {
    const texts: [string, string][] = [
      ['fr', "Le 4 janvier, les rebelles ont attaqué les positions du groupe dans la ville frontalière. Selon les habitants, les combats ont duré toute la nuit et au moins dix personnes ont été tuées."],
      ['de', 'Am 4. Januar griffen die Rebellen die Stellungen der Gruppe in der Grenzstadt an. Nach Angaben der Einwohner dauerten die Kämpfe die ganze Nacht, mindestens zehn Menschen wurden getötet.'],
      ['es', 'El 4 de enero, los rebeldes atacaron las posiciones del grupo en la ciudad fronteriza. Según los vecinos, los combates duraron toda la noche y murieron al menos diez personas.'],
      ['ru', '4 января повстанцы атаковали позиции группировки в приграничном городе. По словам жителей, бои продолжались всю ночь, погибли не менее десяти человек.'],
      ['ar', 'في الرابع من يناير هاجم المتمردون مواقع الجماعة في المدينة الحدودية، وقال السكان إن القتال استمر طوال الليل وقتل عشرة أشخاص على الأقل.'],
      ['ko', '1월 4일 반군은 국경 도시에 있는 조직의 진지를 공격했다. 주민들에 따르면 전투는 밤새 계속되었고 적어도 열 명이 사망했다.'],
    ];
    for (const [tag, text] of texts) expect(detectLang(text), tag).toBe(tag);
  });

  it('reads English full of foreign names as English', () => {
    const names =
      'On 5 January, Jabhat al-Nusra and Ahrar ash-Sham fighters entered Kafr Takharim and Maarrat Misrin.\n\nAbu Mohammad al-Julani met Zahran Alloush near Atarib, while Liwa al-Tawhid held Tal Rifaat and Mare.\n\nThe next day, the Mujahideen Shura Council said it had taken al-Dana and Sarmada from the group.';
    expect(detectLang(names)).toBe('en');
    expect(detectLang('Rebels took the town.')).toBe('en');
  });
});

describe('canonicalLang (a manifest\'s language tag)', () => {
  it('reads regional English as English and Chinese by its script or region', () => {
    expect(canonicalLang('en-GB', 'en')).toBe('en');
    expect(canonicalLang('EN', 'fr')).toBe('en');
    expect(canonicalLang('zh-TW', 'zh-Hans')).toBe('zh-Hant');
    expect(canonicalLang('zh-Hans-HK', 'zh-Hant')).toBe('zh-Hans');
    expect(canonicalLang('zh-CN', 'zh-Hant')).toBe('zh-Hans');
    expect(canonicalLang('zh', 'zh-Hant')).toBe('zh-Hant');
  });

  it('keeps any other language, which Dayline then does not read', () => {
    expect(canonicalLang('fr', 'en')).toBe('fr');
    expect(canonicalLang('ja-JP', 'zh-Hant')).toBe('ja-JP');
    expect(readableLang(canonicalLang('ja-JP', 'zh-Hant'))).toBeUndefined();
  });
});
