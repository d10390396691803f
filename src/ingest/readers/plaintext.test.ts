import { describe, expect, it } from 'vitest';
import { assignSections } from '../sections.ts';
import { readPlaintext } from './plaintext.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const MIRROR = '001_285ae1a0c3e52f84.txt';
const TABLE = '003_0100bfe34d1bbbb8.txt';

/** The source's own line n (from 1), trimmed: what the reader must keep as it is written. */
const lineOf = (text: string) => (n: number) => text.split('\n')[n - 1]!.trim();
/** A scrape's line without its `[n]` footnote markers. */
const withoutMarkers = (line: string) => line.replace(/\[\d+\]/g, '');
/** The numbers of the `[n]` markers in a line, in order. */
const markerNumbers = (line: string) => [...line.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));

describe('readPlaintext on the World Library mirror (written in reverse)', () => {
  const text = sourceText(MIRROR);
  const result = readPlaintext(text, MIRROR);
  const line = lineOf(text);
  /** The reference list entry numbered n, after its `n. ^` (empty when the scrape lost its text). */
  const reference = (n: number) => {
    const entry = text.split('\n').map((l) => new RegExp(`^\\s*${n}\\. \\^ ?(.*)$`).exec(l)).find(Boolean);
    if (!entry) throw new Error(`no reference ${n}`);
    return entry[1]!.trim();
  };

  it('skips site boilerplate at top and bottom, the infobox, reference list and TOC', () => {
    const byKind = (kind: string) => result.skipped.filter((s) => s.kind === kind).map((s) => s.line);
    expect(byKind('boilerplate')).toEqual(expect.arrayContaining([1, 2, 3, 469]));
    expect(byKind('infobox')).toEqual([11]);
    expect(byKind('references')).toEqual([93]);
    expect(byKind('toc')).toEqual([451]);
    expect(result.title).toBe(line(5));
    // Line 27 is the infobox label, line 29 the first name listed under it.
    expect(result.infobox?.[line(27)]).toContain(line(29));
    expect(result.blocks.every((b) => b.line >= 91 && b.line < 469)).toBe(true);
  });

  it('removes [n] markers, anchoring citations titled by the reference list where it has text', () => {
    const block = blockAt(result.blocks, 379);
    const raw = line(379);
    const [titled, untitled] = markerNumbers(raw);
    expect(reference(titled!)).not.toBe('');
    expect(reference(untitled!)).toBe('');
    expect(block.text).toBe(withoutMarkers(raw));
    expect(block.citations[0]).toEqual({ offset: raw.indexOf(`[${titled}]`), citation: { title: reference(titled!) } });
    expect(block.citations[1].citation).toEqual({ title: `[${untitled}]` });
  });

  it('finds headings by the table of contents, with its levels', () => {
    const tocLevel = (heading: string) => {
      const entry = text.split('\n').find((l) => l.trim().startsWith('• ') && l.trim().slice(2).startsWith(`${heading} `))!;
      return entry.trim().split(' ').pop()!.split('.').length;
    };
    expect(blockAt(result.blocks, 300)).toMatchObject({ kind: 'heading', text: line(300), level: 1 });
    expect(blockAt(result.blocks, 314)).toMatchObject({ kind: 'heading', text: line(314), level: 2 });
    expect(blockAt(result.blocks, 445)).toMatchObject({ kind: 'heading', text: line(445), level: 1 });
    expect([300, 314, 445].map((n) => tocLevel(line(n)))).toEqual([1, 2, 1]);
  });

  it('after reversal, assignSections makes each heading govern the paragraphs before it in the file', () => {
    const reversed = assignSections([...result.blocks].reverse());
    expect(blockAt(reversed, 441).section).toEqual([line(445), line(443)]);
    expect(blockAt(reversed, 298).section).toEqual([line(300)]);
    expect(blockAt(reversed, 302).section).toEqual([line(445), line(314)]);
    expect(blockAt(reversed, 316).section).toEqual([line(445), line(318)]);
  });

  it('leaves no markup residue', () => {
    expect(residueIn(result.blocks)).toEqual([]);
    expect(result.blocks.some((b) => /\[\d+\]/.test(b.text))).toBe(false);
  });
});

describe('readPlaintext on the scrape with a flattened infobox table', () => {
  const text = sourceText(TABLE);
  const result = readPlaintext(text, TABLE);
  const line = lineOf(text);
  /** The first cell of a flattened table row. */
  const cell = (n: number) => line(n).split('|')[0]!.trim();

  it('skips the table as infobox and keeps its cells', () => {
    expect(result.skipped).toEqual([expect.objectContaining({ kind: 'infobox', line: 1 })]);
    expect(result.title).toBe(cell(1));
    expect(cell(3).startsWith('Part of ')).toBe(true);
    expect(result.infobox?.['Part of']).toBe(cell(3).slice('Part of '.length));
    // Line 6 is the label, line 7 the first side's cell.
    expect(result.infobox?.[cell(6)]).toContain(cell(7));
  });

  it('reads one paragraph per line from the first prose line', () => {
    expect(result.blocks.map((b) => b.line)).toEqual([17, 18, 19, 20, 21]);
    expect(blockAt(result.blocks, 20).text).toBe(line(20));
  });
});

describe('readPlaintext on a mirror scrape written for the test (newest section first)', () => {
  const text = [
    'Siege of Lower Harbin', // 1
    '',
    'Part of the Valley War', // 3
    'Date 3 May – 9 June 1921',
    'Commanders and leaders',
    '',
    'Colonel Anna Brandt', // 7
    '(garrison commander)',
    '',
    'The siege of Lower Harbin was fought in the spring of 1921 between the garrison of the town and the hill militias.[1]', // 10
    '',
    '  1. ^ a b Diary of the garrison, second volume', // 12
    '  2. ^',
    '  3. ^ Report of the hill militias',
    '',
    'In July the town council was elected again and the market reopened.[3]', // 16
    '',
    'Aftermath', // 18
    '',
    'On 9 June the garrison surrendered,[3] and the militias entered the town the same evening.[2]', // 20
    '',
    'Surrender', // 22
    '',
    'On 20 May the militias cut the road to the coast and stopped the supply carts.[1]', // 24
    '',
    'Road to the coast', // 26
    '',
    'On 3 May the militias took the hills above the town after a night march.[1]', // 28
    '',
    'First assaults', // 30
    '',
    'The siege', // 32
    '',
    '  • The siege 1', // 34
    '    • First assaults 1.1',
    '    • Road to the coast 1.2',
    '    • Surrender 1.3',
    '  • Aftermath 2',
    '  • References 3',
    '',
  ].join('\n');
  const result = readPlaintext(text, 'mirror.txt');

  it('skips the infobox, reference list and TOC, keeping the title and infobox fields', () => {
    const byKind = (kind: string) => result.skipped.filter((s) => s.kind === kind).map((s) => s.line);
    expect(byKind('infobox')).toEqual([3]);
    expect(byKind('references')).toEqual([12]);
    expect(byKind('toc')).toEqual([34]);
    expect(result.title).toBe('Siege of Lower Harbin');
    expect(result.infobox?.['Part of']).toBe('the Valley War');
    expect(result.infobox?.['Commanders and leaders']).toContain('Colonel Anna Brandt');
    expect(result.blocks.map((b) => b.line)).toEqual([10, 16, 18, 20, 22, 24, 26, 28, 30, 32]);
  });

  it('removes [n] markers, anchoring citations titled by the reference list where it has text', () => {
    const block = blockAt(result.blocks, 20);
    expect(block.text).toBe('On 9 June the garrison surrendered, and the militias entered the town the same evening.');
    expect(block.citations).toEqual([
      { offset: block.text.indexOf(' and the militias'), citation: { title: 'Report of the hill militias' } },
      { offset: block.text.length, citation: { title: '[2]' } },
    ]);
    // The back-link letters "a b" before a reference's text are not part of its title.
    expect(blockAt(result.blocks, 28).citations[0].citation).toEqual({ title: 'Diary of the garrison, second volume' });
  });

  it('finds headings by the table of contents, with its levels', () => {
    const headings = result.blocks.filter((b) => b.kind === 'heading').map((b) => [b.line, b.text, b.level]);
    expect(headings).toEqual([
      [18, 'Aftermath', 1],
      [22, 'Surrender', 2],
      [26, 'Road to the coast', 2],
      [30, 'First assaults', 2],
      [32, 'The siege', 1],
    ]);
  });

  it('after reversal, assignSections makes each heading govern the paragraphs before it in the file', () => {
    const reversed = assignSections([...result.blocks].reverse());
    expect(blockAt(reversed, 28).section).toEqual(['The siege', 'First assaults']);
    expect(blockAt(reversed, 24).section).toEqual(['The siege', 'Road to the coast']);
    expect(blockAt(reversed, 20).section).toEqual(['The siege', 'Surrender']);
    expect(blockAt(reversed, 16).section).toEqual(['Aftermath']);
  });

  it('leaves no markup residue', () => {
    expect(residueIn(result.blocks)).toEqual([]);
    expect(result.blocks.some((b) => /\[\d+\]/.test(b.text))).toBe(false);
  });
});

describe('readPlaintext on a scrape with a flattened infobox table written for the test', () => {
  const text = [
    'Raid on Fenwick Mill (June 1921) | |||||', // 1
    '---|---|---|---|---|---|',
    'Part of the Valley War and the Mill Dispute | |||||||', // 3
    '|',
    'Belligerents | |||||||', // 5
    'Hill militias Coast volunteers |',
    'Mill guards | ||||||',
    'Losses of each side | |||||', // 8
    '12 killed | 9 killed | ||||||',
    'Decisive militia victory', // 10
    'The raid on Fenwick Mill was carried out by the hill militias against the guards of the mill in June 1921.', // 11
    "On 2 June the militias crossed the river at night and set fire to the mill's storehouse before dawn.", // 12
    'By the end of the week the guards had left the valley and the mill stood empty.', // 13
  ].join('\n');
  const result = readPlaintext(text, 'table.txt');

  it('skips the table as infobox and keeps its cells', () => {
    expect(result.skipped).toEqual([expect.objectContaining({ kind: 'infobox', line: 1 })]);
    expect(result.title).toBe('Raid on Fenwick Mill (June 1921)');
    expect(result.infobox?.['Part of']).toBe('the Valley War and the Mill Dispute');
    expect(result.infobox?.Belligerents).toContain('Hill militias Coast volunteers');
  });

  it('reads one paragraph per line from the first prose line', () => {
    expect(result.blocks.map((b) => b.line)).toEqual([11, 12, 13]);
    expect(blockAt(result.blocks, 12).text).toBe("On 2 June the militias crossed the river at night and set fire to the mill's storehouse before dawn.");
  });
});

describe('readPlaintext on fixtures', () => {
  it('finds stand-alone short lines as headings when there is no TOC, and joins hard-wrapped lines', () => {
    const text = 'Title line\n\nBackground\n\nThe war began in March 2011 when protesters took to the streets of\nseveral cities across the country.\n\nAftermath\n\nIt ended.\n';
    const { blocks } = readPlaintext(text, 'f.txt');
    expect(blocks.map((b) => [b.kind, b.text, b.line, b.section])).toEqual([
      ['heading', 'Background', 3, []],
      ['paragraph', 'The war began in March 2011 when protesters took to the streets of several cities across the country.', 5, ['Background']],
      ['heading', 'Aftermath', 8, []],
      ['paragraph', 'It ended.', 10, ['Aftermath']],
    ]);
  });

  it('takes a short line right above a paragraph for its heading, but not a short line of prose', () => {
    const text =
      'Title line\n\nIntro paragraph that is long enough to count as prose in this plain text scrape.\n\nHarbour Town Watch\n' +
      'The town of Westhaven was one of the small ports required to keep a night watch of its own.\n\n' +
      '战斗经过\n' +
      '1921年5月3日，民兵在河谷北岸的一座小村庄附近发起进攻，占领了村外的两座山丘，并向公路推进，双方在山丘和周边农田的战斗持续了数日之久。\n\n' +
      'It ended\n' +
      'and nothing more was said about the matter by the council or anyone else that year.\n';
    const { blocks } = readPlaintext(text, 'f.txt');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.line])).toEqual([
      ['Harbour Town Watch', 5],
      ['战斗经过', 8],
    ]);
    expect(blocks.find((b) => b.line === 6)).toMatchObject({ kind: 'paragraph', section: ['Harbour Town Watch'] });
    expect(blocks.find((b) => b.line === 9)).toMatchObject({ kind: 'paragraph', section: ['战斗经过'] });
    // a line followed by a lower-case continuation is prose, not a heading
    expect(blocks.some((b) => b.kind === 'heading' && b.text === 'It ended')).toBe(false);
  });
});
