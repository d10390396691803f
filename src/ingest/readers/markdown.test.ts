import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const FILE = '002_05092bd0643b1bd0.txt';

/** `[label](url "title")` in converted Markdown; the url may hold escaped brackets. */
const LINK = /\[([^\]]*)\]\(((?:\\.|[^)\\\s])*)(?: "([^"]*)")?\)/g;

/**
 * A line of the converted Markdown as plain text, done by hand for the test: image links dropped,
 * other links down to their labels, bold marks, escaped footnote markers and -{ }- taken out.
 */
const plain = (md: string) =>
  md
    .replace(LINK, (_all, label: string, _url: string, title?: string) => (title?.startsWith('fig:') ? '' : label))
    .replace(/\*\*/g, '')
    .replace(/\\\[\d+\\\]/g, '')
    .replace(/-\{([^{}]*)\}-/g, '$1')
    .trim();

/** The articles a line's wiki links point at, in order. */
const wikiTargets = (md: string) =>
  [...md.matchAll(LINK)]
    .filter((m) => m[3] === 'wikilink')
    .map((m) => m[2]!.replace(/^https:\/\/zh\.wikipedia\.org\/wiki\/|^\.\.\/Page\//, '').replace(/\.md$/, ''));

/** The numbers of a line's escaped footnote markers `\[n\]`, in order. */
const markerNumbers = (md: string) => [...md.matchAll(/\\\[(\d+)\\\]/g)].map((m) => Number(m[1]));

describe('readMarkdown on the converted zh.wikipedia article', () => {
  const text = sourceText(FILE);
  const lines = text.split('\n');
  const result = readMarkdown(text, FILE);
  /** The source's own line n (from 1). */
  const line = (n: number) => lines[n - 1]!;
  /** Entry n of the numbered reference list at the end (the last list numbered so). */
  const reference = (n: number) => lines.findLast((l) => new RegExp(`^${n}\\.(\\s|$)`).test(l))!;
  /** The heading text of the nearest heading of this depth above line n. */
  const headingAbove = (n: number, depth: number) => {
    const marks = `${'#'.repeat(depth)} `;
    return lines.slice(0, n - 1).findLast((l) => l.startsWith(marks))!.slice(marks.length).trim();
  };

  it('removes escaped footnote markers and resolves them against the reference list', () => {
    const block = blockAt(result.blocks, 6);
    const raw = line(6);
    const [first, second] = markerNumbers(raw);
    expect(block.text).toBe(plain(raw));
    expect(block.links).toEqual(wikiTargets(raw));
    expect(block.links).toHaveLength(1);
    expect(block.citations).toHaveLength(2);
    expect(block.text.slice(0, block.citations[0].offset)).toBe(plain(raw.slice(0, raw.indexOf(`\\[${first}\\]`))));
    const [, title, url] = /^\d+\.\s+\[([^\]]+)\]\(([^)\s]+)\)$/.exec(reference(first!))!;
    expect(block.citations[0].citation).toEqual({ title, url });
    const [, date] = /, (\d{4}-\d{2}-\d{2})\.$/.exec(reference(second!))!;
    expect(block.citations[1].citation).toMatchObject({ date });
  });

  it('keeps a numbered marker as its own title when the reference list entry is empty', () => {
    const block = blockAt(result.blocks, 10);
    const empty = markerNumbers(line(10)).find((n) => reference(n) === `${n}.`);
    expect(empty).toBeDefined();
    expect(block.citations.map((c) => c.citation.title)).toContain(`[${empty}]`);
  });

  it('turns link labels into text and wiki article targets into links', () => {
    const block = blockAt(result.blocks, 4);
    expect(line(4)).toMatch(LINK);
    expect(block.text).toBe(plain(line(4)));
    expect(block.links).toEqual(wikiTargets(line(4)));
    expect(block.links).toHaveLength(1);
    expect(blockAt(result.blocks, 10).links).toEqual(wikiTargets(line(10)));
    expect(blockAt(result.blocks, 10).links).toHaveLength(5);
  });

  it('makes bold and list-item dates date lines', () => {
    expect(line(34)).toMatch(/^\*\*.+\*\*$/);
    expect(blockAt(result.blocks, 34)).toMatchObject({ kind: 'dateLine', text: plain(line(34)), section: [headingAbove(34, 2), headingAbove(34, 3)] });
    expect(line(50)).toMatch(/^\s+- /);
    expect(blockAt(result.blocks, 50)).toMatchObject({ kind: 'dateLine', text: line(50).replace(/^\s+- /, '') });
    expect(blockAt(result.blocks, 74)).toMatchObject({ kind: 'dateLine', text: plain(line(74)) });
  });

  it('splits a leading bold date off a paragraph and drops image links', () => {
    const [, date, rest] = /^\*\*(.+?)\*\*(.*)$/.exec(line(94))!;
    expect(rest).toContain('"fig:');
    expect(blockAt(result.blocks, 94, 'dateLine').text).toBe(date);
    expect(blockAt(result.blocks, 94, 'paragraph').text).toBe(plain(rest!));
    expect(line(580)).toMatch(/^\[[^\]]+\]\([^)]+ "fig:/);
    expect(blockAt(result.blocks, 580).text).toBe(plain(line(580)));
  });

  it('resolves -{ }- inside markdown text', () => {
    expect(line(188)).toContain('-{');
    expect(blockAt(result.blocks, 188).text).toBe(line(188).replace(/-\{([^{}]*)\}-/g, '$1'));
  });

  it('reads headings with normalised levels and sections', () => {
    expect(line(16)).toMatch(/^## /);
    expect(line(18)).toMatch(/^### /);
    expect(blockAt(result.blocks, 16)).toMatchObject({ kind: 'heading', text: line(16).slice(3), level: 1, section: [] });
    expect(blockAt(result.blocks, 18)).toMatchObject({ kind: 'heading', text: line(18).slice(4), level: 2, section: [line(16).slice(3)] });
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

describe('readMarkdown on an article converted from a wiki, written for the test', () => {
  const text = [
    '> 本文内容由[山城战役](https://zh.wikipedia.org/wiki/山城战役)转换而来。', // 1
    '',
    '**山城战役**是一场发生在1921年春季的战役，交战双方是[北方民兵与山城守军](https://zh.wikipedia.org/wiki/北方民兵 "wikilink")。', // 3
    '',
    '民兵自1921年5月3日开始进攻[山城](../Page/山城.md "wikilink")。战斗在5月中旬逐渐升级。\\[1\\]\\[2\\]守军坚守了一个多月，最后在6月9日投降。', // 5
    '',
    '## 起因', // 7
    '',
    '山城是[河谷省的集市](https://zh.wikipedia.org/wiki/河谷省 "wikilink")，靠近[海岸](../Page/海岸.md "wikilink")。\\[3\\]民兵要把山城变为“河谷的门户”。\\[2\\]', // 9
    '',
    '## 1921年', // 11
    '',
    '### 渡河', // 13
    '',
    '**5月3日**', // 15
    '',
    '民兵在夜间渡河，占领了城外的两座山丘。', // 17
    '',
    '  - 5月10日至12日', // 19
    '',
    '**5月20日** [缩略图](https://zh.wikipedia.org/wiki/File:Mill_\\(1921\\).jpg "fig:缩略图") 民兵切断了通往海岸的道路，守军的补给中断了。', // 21
    '',
    '[Mill.svg](https://zh.wikipedia.org/wiki/File:Mill.svg "fig:Mill.svg") 守军在-{Fenwick}-磨坊附近设防，等待援军。', // 23
    '',
    '## 参见', // 25
    '',
    '  - [河谷战争](../Page/河谷战争.md "wikilink")', // 27
    '',
    '## 外部链接', // 29
    '',
    '[Category:1921年战役](https://zh.wikipedia.org/wiki/Category:1921年战役 "wikilink")', // 31
    '',
    '1.  [Diary of the garrison](https://example.org/garrison-diary.html)', // 33
    '2.  [Report of the hill militias](http://example.org/militia-report), 1921-05-20.',
    '3.',
    '',
  ].join('\n');
  const result = readMarkdown(text, 'siege.md');

  it('removes escaped footnote markers and resolves them against the reference list', () => {
    const block = blockAt(result.blocks, 5);
    expect(block.text).toBe('民兵自1921年5月3日开始进攻山城。战斗在5月中旬逐渐升级。守军坚守了一个多月，最后在6月9日投降。');
    expect(block.links).toEqual(['山城']);
    expect(block.citations).toEqual([
      { offset: '民兵自1921年5月3日开始进攻山城。战斗在5月中旬逐渐升级。'.length, citation: { title: 'Diary of the garrison', url: 'https://example.org/garrison-diary.html' } },
      {
        offset: '民兵自1921年5月3日开始进攻山城。战斗在5月中旬逐渐升级。'.length,
        citation: { title: 'Report of the hill militias', url: 'http://example.org/militia-report', date: '1921-05-20' },
      },
    ]);
  });

  it('keeps a numbered marker as its own title when the reference list entry is empty', () => {
    const block = blockAt(result.blocks, 9);
    expect(block.citations.map((c) => c.citation.title)).toEqual(['[3]', 'Report of the hill militias']);
  });

  it('turns link labels into text and wiki article targets into links', () => {
    expect(blockAt(result.blocks, 3)).toMatchObject({ text: '山城战役是一场发生在1921年春季的战役，交战双方是北方民兵与山城守军。', links: ['北方民兵'] });
    expect(blockAt(result.blocks, 9).text).toBe('山城是河谷省的集市，靠近海岸。民兵要把山城变为“河谷的门户”。');
    expect(blockAt(result.blocks, 9).links).toEqual(['河谷省', '海岸']);
    expect(result.title).toBe('山城战役');
  });

  it('makes bold and list-item dates date lines', () => {
    expect(blockAt(result.blocks, 15)).toMatchObject({ kind: 'dateLine', text: '5月3日', section: ['1921年', '渡河'] });
    expect(blockAt(result.blocks, 19)).toMatchObject({ kind: 'dateLine', text: '5月10日至12日' });
  });

  it('splits a leading bold date off a paragraph and drops image links', () => {
    expect(blockAt(result.blocks, 21, 'dateLine').text).toBe('5月20日');
    expect(blockAt(result.blocks, 21, 'paragraph').text).toBe('民兵切断了通往海岸的道路，守军的补给中断了。');
    expect(blockAt(result.blocks, 23).text).toBe('守军在Fenwick磨坊附近设防，等待援军。');
  });

  it('reads headings with normalised levels and sections', () => {
    expect(blockAt(result.blocks, 11)).toMatchObject({ kind: 'heading', text: '1921年', level: 1, section: [] });
    expect(blockAt(result.blocks, 13)).toMatchObject({ kind: 'heading', text: '渡河', level: 2, section: ['1921年'] });
  });

  it('skips the conversion notice, see-also, references and categories', () => {
    expect(result.skipped[0]).toMatchObject({ kind: 'boilerplate', line: 1 });
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'navigation', line: 25 }));
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'navigation', line: 31 }));
    expect(result.skipped).toContainEqual(expect.objectContaining({ kind: 'references', line: 33 }));
    expect(result.blocks.every((b) => b.line < 25)).toBe(true);
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
