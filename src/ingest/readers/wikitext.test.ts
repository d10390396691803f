import { describe, expect, it } from 'vitest';
import { readWikitext } from './wikitext.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const FILE = '000_144564388ffd4dde.txt';

describe('readWikitext on the zh.wikipedia wikitext source', () => {
  const result = readWikitext(sourceText(FILE), FILE);

  it('keeps original characters and removes refs, links and comments', () => {
    const block = blockAt(result.blocks, 36);
    expect(block.kind).toBe('paragraph');
    expect(block.section).toEqual(['背景']);
    expect(block.text).toBe(
      '敘利亞反对派与伊斯蘭國之间的关系自从伊斯蘭國在2013年9月18日攻占边境城镇阿扎茲之后日趋紧张。2013年10月初，在阿扎茲再次爆发冲突。在2013年11月後期，伊斯蘭國从叙利亚自由军手中夺取了边境城镇Atme。',
    );
    expect(block.links).toEqual(['阿扎茲']);
  });

  it('turns {{cite}} inside <ref> into citations anchored where the ref stood', () => {
    const block = blockAt(result.blocks, 36);
    expect(block.citations).toHaveLength(2);
    const [first, second] = block.citations;
    expect(block.text.slice(0, first.offset).endsWith('再次爆发冲突。')).toBe(true);
    expect(first.citation).toMatchObject({
      title: 'Syrian rebel factions tell al Qaeda groups to withdraw',
      url: 'http://www.france24.com/en/20131003-syrian-rebels-tell-qaeda-groups-withdraw-homs-isil-azaz/',
      archiveUrl: 'https://web.archive.org/web/20180902151802/https://www.france24.com/en/20131003-syrian-rebels-tell-qaeda-groups-withdraw-homs-isil-azaz',
      date: '2013-10-03',
    });
    expect(second.citation).toMatchObject({ publisher: 'World Bulletin', date: '2013-11-22' });
  });

  it('resolves -{}- conversion markup to its content', () => {
    expect(blockAt(result.blocks, 39).text).toContain('遭受拷打并最终身亡。');
    expect(blockAt(result.blocks, 58).text).toContain('在Tamani’a镇');
  });

  it('reads == headings == with levels and section paths', () => {
    const headings = result.blocks.filter((b) => b.kind === 'heading');
    expect(headings[0]).toMatchObject({ text: '背景', level: 1, line: 35, section: [] });
    expect(blockAt(result.blocks, 40)).toMatchObject({ kind: 'heading', text: '伊斯蘭國改變立場', level: 2, section: ['交战'] });
    expect(blockAt(result.blocks, 47).section).toEqual(['交战', '阿勒颇戰鬥']);
  });

  it('reports the infobox as skipped and keeps its fields as plain text', () => {
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'infobox', line: 2 }));
    expect(result.infobox?.date).toBe('2014年1月4日至今');
    expect(result.infobox?.place).toBe('叙利亚东部和北部地区');
    expect(result.title).toBe('叙利亚反对派與伊斯蘭國的武裝冲突');
    expect(result.blocks.every((b) => b.line >= 33)).toBe(true);
  });

  it('skips the references section and drops categories', () => {
    expect(result.skipped.filter((s) => s.kind === 'references').map((s) => s.line)).toEqual([114, 115]);
    expect(result.skipped.filter((s) => s.kind === 'navigation').map((s) => s.line)).toEqual([117, 118]);
    expect(result.blocks.some((b) => /Category/.test(b.text))).toBe(false);
  });

  it('leaves no markup residue in any block', () => {
    expect(residueIn(result.blocks)).toEqual([]);
  });
});

describe('readWikitext on small fixtures', () => {
  it('resolves a reused named ref to the same citation, even when defined later', () => {
    const text = 'First use.<ref name=x/> Again.<ref name="x">{{cite news|title=T|url=http://u|publisher=P|date=1 May 2014}}</ref>\n';
    const [block] = readWikitext(text, 'f.wiki').blocks;
    expect(block.text).toBe('First use. Again.');
    expect(block.citations.map((c) => c.offset)).toEqual([10, 17]);
    expect(block.citations[0].citation).toEqual(block.citations[1].citation);
    expect(block.citations[0].citation).toEqual({ title: 'T', url: 'http://u', publisher: 'P', date: '1 May 2014' });
  });

  it('picks the zh-cn variant of -{zh-cn:...;zh-tw:...}-', () => {
    const [block] = readWikitext('同-{zh-cn:基地组织;zh-tw:蓋達組織;}-有关。\n', 'f.wiki').blocks;
    expect(block.text).toBe('同基地组织有关。');
  });

  it('keeps link labels, records targets without fragments, drops files', () => {
    const [block] = readWikitext('[[File:x.jpg|thumb|Caption]]在[[Al-Tawhid_Brigade#History|Tawhid]]和[[拉卡]]。<!-- hidden -->\n', 'f.wiki').blocks;
    expect(block.text).toBe('在Tawhid和拉卡。');
    expect(block.links).toEqual(['Al-Tawhid Brigade', '拉卡']);
  });

  it('reads list items and date lines', () => {
    const { blocks } = readWikitext('== 2012 ==\n* 7月19日\n* 反对派攻入城区。\n', 'f.wiki');
    expect(blocks.map((b) => [b.kind, b.text, b.line])).toEqual([
      ['heading', '2012', 1],
      ['dateLine', '7月19日', 2],
      ['listItem', '反对派攻入城区。', 3],
    ]);
  });

  it('survives text cut off inside a template, with a warning and no residue', () => {
    const text = '== A ==\nBefore the cut.\n\nFighting began.<ref>{{cite web|url=http://x|title=Unfinished';
    const result = readWikitext(text, 'cut.wiki');
    expect(result.blocks[1].text.startsWith('Before the cut.')).toBe(true);
    expect(residueIn(result.blocks)).toEqual([]);
  });

  it('survives unbalanced brackets and braces', () => {
    const text = 'Start [[Broken link and {{half template\n\nNext paragraph ]] }} ok.\n';
    const result = readWikitext(text, 'bad.wiki');
    expect(residueIn(result.blocks)).toEqual([]);
    expect(result.blocks.map((b) => b.text).join(' ')).toContain('Start');
    expect(result.warnings.length).toBeGreaterThan(0);
    expect(result.warnings[0]).toMatchObject({ file: 'bad.wiki', line: 1 });
  });
});
