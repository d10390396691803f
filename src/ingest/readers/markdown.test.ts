import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const FILE = '002_05092bd0643b1bd0.txt';

describe('readMarkdown on the converted zh.wikipedia article', () => {
  const result = readMarkdown(sourceText(FILE), FILE);

  it('removes escaped footnote markers and resolves them against the reference list', () => {
    const block = blockAt(result.blocks, 6);
    expect(block.text.startsWith('反对派自2012年7月21日开始在叙利亚人口第一大城市与工商业中心城市阿勒颇市与政府军展开大规模战斗。战役在7月晚些时候逐渐升级。这场战役的范围')).toBe(true);
    expect(block.links).toEqual(['阿勒颇']);
    expect(block.citations).toHaveLength(2);
    expect(block.text.slice(0, block.citations[0].offset).endsWith('逐渐升级。')).toBe(true);
    expect(block.citations[0].citation).toEqual({
      title: 'Syria revolt reaches Aleppo; rebels target cities',
      url: 'https://www.yahoo.com/news/syria-revolt-reaches-aleppo-rebels-target-cities-183627382.html',
    });
    expect(block.citations[1].citation).toMatchObject({ date: '2012-07-21' });
  });

  it('keeps a numbered marker as its own title when the reference list entry is empty', () => {
    const block = blockAt(result.blocks, 10);
    expect(block.citations.map((c) => c.citation.title)).toContain('[3]');
  });

  it('turns link labels into text and wiki article targets into links', () => {
    const block = blockAt(result.blocks, 4);
    expect(block.text).toBe('阿勒颇之战是一场自2012年7月至2016年12月的军事冲突，冲突双方分别是叙利亚自由军及其圣战者同盟与叙利亚政府军。');
    expect(block.links).toEqual(['叙利亚自由军']);
    expect(blockAt(result.blocks, 10).links).toEqual(['阿勒颇省', '土耳其', '大马士革', '班加西', '2011年利比亚革命']);
  });

  it('makes bold and list-item dates date lines', () => {
    expect(blockAt(result.blocks, 34)).toMatchObject({ kind: 'dateLine', text: '7月19日', section: ['2012年', '武装反对派攻占阿勒颇东部'] });
    expect(blockAt(result.blocks, 50)).toMatchObject({ kind: 'dateLine', text: '7月24日至26日' });
    expect(blockAt(result.blocks, 74)).toMatchObject({ kind: 'dateLine', text: '8月3日至8月5日' });
  });

  it('splits a leading bold date off a paragraph and drops image links', () => {
    expect(blockAt(result.blocks, 94, 'dateLine').text).toBe('8月12日');
    expect(blockAt(result.blocks, 94, 'paragraph').text.startsWith('坦克向Sakaheddine附近的一个交通要道推进')).toBe(true);
    expect(blockAt(result.blocks, 580).text.startsWith('2014年1月8日，忠于叙利亚反对派全国联盟')).toBe(true);
  });

  it('resolves -{ }- inside markdown text', () => {
    expect(blockAt(result.blocks, 188).text).toContain('Sakhour、Sha’ar和Hanano');
  });

  it('reads headings with normalised levels and sections', () => {
    expect(blockAt(result.blocks, 16)).toMatchObject({ kind: 'heading', text: '2012年', level: 1, section: [] });
    expect(blockAt(result.blocks, 18)).toMatchObject({ kind: 'heading', text: '开局', level: 2, section: ['2012年'] });
  });

  it('skips the conversion notice, see-also, references and categories', () => {
    expect(result.skipped[0]).toMatchObject({ kind: 'boilerplate', line: 1 });
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'references', line: 629 }));
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'navigation', line: 627 }));
    expect(result.blocks.every((b) => b.line < 614)).toBe(true);
  });

  it('leaves no markup residue in any block', () => {
    expect(residueIn(result.blocks)).toEqual([]);
  });
});

describe('readMarkdown on fixtures', () => {
  it('treats a whole-image paragraph as media', () => {
    const result = readMarkdown('## A\n\n[缩略图](https://zh.wikipedia.org/wiki/File:X.jpg "fig:缩略图")\n\n正文。\n', 'f.md');
    expect(result.skipped).toEqual([{ kind: 'media', line: 3, firstWords: '缩略图' }]);
    expect(result.blocks.map((b) => b.text)).toEqual(['A', '正文。']);
  });

  it('cleans unbalanced markup with a warning', () => {
    const result = readMarkdown('Text with **unclosed bold and [broken](http://x\n', 'bad.md');
    expect(residueIn(result.blocks)).toEqual([]);
  });
});
