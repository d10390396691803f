import { describe, expect, it } from 'vitest';
import { readWikitext } from './wikitext.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const FILE = '000_144564388ffd4dde.txt';

/**
 * A line of wikitext as plain text, done by hand for the test: refs and comments taken out, links
 * down to their labels, -{ }- down to its content.
 */
const plain = (wiki: string) =>
  wiki
    .replace(/<ref[^>]*\/>|<ref[^>]*>[\s\S]*?<\/ref>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]/g, '$1')
    .replace(/-\{([^{}]*)\}-/g, '$1')
    .trim();

/** The targets of a line's wiki links, each once, in order. */
const linkTargets = (wiki: string) => [...new Set([...wiki.matchAll(/\[\[([^\]|]*)/g)].map((m) => m[1]!.replace(/_/g, ' ')))];

/** The named parameters of the {{cite ...}} templates of a line's <ref>s, one map per ref. */
const citeParams = (wiki: string) =>
  [...wiki.matchAll(/<ref[^>/]*>\{\{cite [^|]*\|([^}]*)\}\}<\/ref>/g)].map(
    (m) => new Map(m[1]!.split('|').map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()])),
  );

/** A heading line's text without its = marks. */
const headingText = (wiki: string) => wiki.replace(/^=+\s*|\s*=+$/g, '');

describe('readWikitext on the zh.wikipedia wikitext source', () => {
  const text = sourceText(FILE);
  const result = readWikitext(text, FILE);
  /** The source's own line n (from 1). */
  const line = (n: number) => text.split('\n')[n - 1]!;
  /** The value of an infobox line `|name= value`. */
  const field = (n: number) => plain(line(n).replace(/^\|[\w-]+=/, ''));

  it('keeps original characters and removes refs, links and comments', () => {
    const block = blockAt(result.blocks, 36);
    expect(line(36)).toContain('<ref>');
    expect(line(36)).toContain('[[');
    expect(block.kind).toBe('paragraph');
    expect(block.section).toEqual([headingText(line(35))]);
    expect(block.text).toBe(plain(line(36)));
    expect(block.links).toEqual(linkTargets(line(36)));
    expect(block.links).toHaveLength(1);
  });

  it('turns {{cite}} inside <ref> into citations anchored where the ref stood', () => {
    const block = blockAt(result.blocks, 36);
    const raw = line(36);
    const [firstParams, secondParams] = citeParams(raw);
    expect(block.citations).toHaveLength(2);
    const [first, second] = block.citations;
    expect(block.text.slice(0, first.offset)).toBe(plain(raw.slice(0, raw.indexOf('<ref'))));
    expect(first.citation).toMatchObject({
      title: firstParams!.get('title'),
      url: firstParams!.get('url'),
      archiveUrl: firstParams!.get('archive-url'),
      date: firstParams!.get('date'),
    });
    expect(second.citation).toMatchObject({ publisher: secondParams!.get('publisher'), date: secondParams!.get('date') });
    // Each of these is in the source, so none of the expectations above is an undefined that matches anything.
    for (const key of ['title', 'url', 'archive-url', 'date']) expect(firstParams!.get(key)).toBeTruthy();
    for (const key of ['publisher', 'date']) expect(secondParams!.get(key)).toBeTruthy();
  });

  it('resolves -{}- conversion markup to its content', () => {
    expect(line(39)).toContain('-{}-');
    expect(blockAt(result.blocks, 39).text).toBe(plain(line(39)));
    expect(line(58)).toMatch(/-\{[^{}]+\}-/);
    expect(blockAt(result.blocks, 58).text).toBe(plain(line(58)));
  });

  it('reads == headings == with levels and section paths', () => {
    const headings = result.blocks.filter((b) => b.kind === 'heading');
    expect(line(35)).toMatch(/^== .+ ==$/);
    expect(headings[0]).toMatchObject({ text: headingText(line(35)), level: 1, line: 35, section: [] });
    expect(line(40)).toMatch(/^===[^=]+===$/);
    expect(blockAt(result.blocks, 40)).toMatchObject({ kind: 'heading', text: headingText(line(40)), level: 2, section: [headingText(line(38))] });
    expect(blockAt(result.blocks, 47).section).toEqual([headingText(line(38)), headingText(line(46))]);
  });

  it('reports the infobox as skipped and keeps its fields as plain text', () => {
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'infobox', line: 2 }));
    expect(line(6)).toMatch(/^\|date=/);
    expect(result.infobox?.date).toBe(field(6));
    expect(line(7)).toMatch(/^\|place=.*\[\[/);
    expect(result.infobox?.place).toBe(field(7));
    expect(line(5)).toMatch(/^\|conflict=/);
    expect(result.title).toBe(field(5));
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

describe('readWikitext on an article written for the test', () => {
  const text = [
    '{{Infobox siege', // 1
    '|partof= [[河谷战争|河谷战争]]',
    '|image=[[File:Mill_in_the_valley.jpg|280px]]',
    '|conflict=山城围城战', // 4
    '|date= 1921年5月3日至6月9日',
    '|place= [[河谷省|河谷省]]北部的山城',
    '|result=守军投降',
    '}}',
    '',
    '[[山城|山城]]围城战是[[河谷战争|河谷战争]]期间在1921年春季发生的一场战斗。', // 10
    '',
    '== 起因 ==', // 12
    '山城是[[河谷省|河谷省]]北部的集市，民兵早已在城外的山丘上扎营。1921年5月初，民兵开始进攻。<ref>{{cite news|url=http://example.org/valley/militia-attack|title=Militias attack the hill town|date=1921-05-04|accessdate=1921-06-01|archive-url=https://archive.example.org/1921/http://example.org/valley/militia-attack|archive-date=1921-07-01}}</ref>守军在-{zh-cn:磨坊;zh-tw:磨坊區;}-附近设防。<ref>{{cite web|url=http://example.org/valley/mill|title=Guards hold the mill|publisher=Valley Courier|date=1921-05-10 }}</ref><!-- 注释 -->', // 13
    '',
    '== 围城 ==', // 15
    '5月10日守军击退了第一次进攻<ref name=courier>{{cite news|url=http://example.org/valley/first|title=First assault beaten back|publisher=Valley Courier|date=1921-05-11}}</ref>，-{}-但伤亡惨重。', // 16
    '===海岸道路===', // 17
    '5月20日民兵切断了通往[[海岸|海岸]]的道路，在-{Fenwick}-磨坊附近与守军交火。', // 18
    '',
    '===投降===', // 20
    '6月9日守军投降，民兵当晚进城。<ref name=courier/>', // 21
    '',
    '==参考文献==', // 23
    '{{reflist}}',
    '',
    '[[Category:虚构战役|Category:虚构战役]]', // 26
    '[[Category:1921年|Category:1921年]]',
  ].join('\n');
  const result = readWikitext(text, 'siege.wiki');

  it('keeps original characters and removes refs, links and comments', () => {
    const block = blockAt(result.blocks, 13);
    expect(block).toMatchObject({ kind: 'paragraph', section: ['起因'], links: ['河谷省'] });
    expect(block.text).toBe('山城是河谷省北部的集市，民兵早已在城外的山丘上扎营。1921年5月初，民兵开始进攻。守军在磨坊附近设防。');
    expect(blockAt(result.blocks, 10)).toMatchObject({ text: '山城围城战是河谷战争期间在1921年春季发生的一场战斗。', links: ['山城', '河谷战争'] });
  });

  it('turns {{cite}} inside <ref> into citations anchored where the ref stood', () => {
    const block = blockAt(result.blocks, 13);
    expect(block.citations).toHaveLength(2);
    const [first, second] = block.citations;
    expect(block.text.slice(0, first.offset)).toBe('山城是河谷省北部的集市，民兵早已在城外的山丘上扎营。1921年5月初，民兵开始进攻。');
    expect(first.citation).toMatchObject({
      title: 'Militias attack the hill town',
      url: 'http://example.org/valley/militia-attack',
      archiveUrl: 'https://archive.example.org/1921/http://example.org/valley/militia-attack',
      date: '1921-05-04',
    });
    expect(second.offset).toBe(block.text.length);
    expect(second.citation).toMatchObject({ title: 'Guards hold the mill', publisher: 'Valley Courier', date: '1921-05-10' });
    expect(blockAt(result.blocks, 21).citations.map((c) => c.citation.title)).toEqual(['First assault beaten back']);
  });

  it('resolves -{}- conversion markup to its content', () => {
    expect(blockAt(result.blocks, 16).text).toBe('5月10日守军击退了第一次进攻，但伤亡惨重。');
    expect(blockAt(result.blocks, 18).text).toBe('5月20日民兵切断了通往海岸的道路，在Fenwick磨坊附近与守军交火。');
  });

  it('reads == headings == with levels and section paths', () => {
    const headings = result.blocks.filter((b) => b.kind === 'heading').map((b) => [b.line, b.text, b.level, b.section]);
    expect(headings).toEqual([
      [12, '起因', 1, []],
      [15, '围城', 1, []],
      [17, '海岸道路', 2, ['围城']],
      [20, '投降', 2, ['围城']],
    ]);
    expect(blockAt(result.blocks, 18).section).toEqual(['围城', '海岸道路']);
    expect(blockAt(result.blocks, 21).section).toEqual(['围城', '投降']);
  });

  it('reports the infobox as skipped and keeps its fields as plain text', () => {
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'infobox', line: 1 }));
    expect(result.infobox?.date).toBe('1921年5月3日至6月9日');
    expect(result.infobox?.place).toBe('河谷省北部的山城');
    expect(result.title).toBe('山城围城战');
    expect(result.blocks.every((b) => b.line >= 10)).toBe(true);
  });

  it('skips the references section and drops categories', () => {
    expect(result.skipped.filter((s) => s.kind === 'references').map((s) => s.line)).toEqual([23, 24]);
    expect(result.skipped.filter((s) => s.kind === 'navigation').map((s) => s.line)).toEqual([26, 27]);
    expect(result.blocks.some((b) => /Category/.test(b.text))).toBe(false);
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
    const [block] = readWikitext('这套-{zh-cn:软件;zh-tw:軟體;}-很好用。\n', 'f.wiki').blocks;
    expect(block.text).toBe('这套软件很好用。');
  });

  it('keeps link labels, records targets without fragments, drops files', () => {
    const [block] = readWikitext('[[File:x.jpg|thumb|Caption]]在[[North_River_Brigade#History|North River]]和[[山城]]。<!-- hidden -->\n', 'f.wiki').blocks;
    expect(block.text).toBe('在North River和山城。');
    expect(block.links).toEqual(['North River Brigade', '山城']);
  });

  it('reads list items and date lines', () => {
    const { blocks } = readWikitext('== 1921 ==\n* 5月3日\n* 民兵进入村庄。\n', 'f.wiki');
    expect(blocks.map((b) => [b.kind, b.text, b.line])).toEqual([
      ['heading', '1921', 1],
      ['dateLine', '5月3日', 2],
      ['listItem', '民兵进入村庄。', 3],
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
