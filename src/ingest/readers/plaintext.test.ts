import { describe, expect, it } from 'vitest';
import { assignSections } from '../sections.ts';
import { readPlaintext } from './plaintext.ts';
import { blockAt, residueIn, sourceText } from './testSupport.ts';

const MIRROR = '001_285ae1a0c3e52f84.txt';
const TABLE = '003_0100bfe34d1bbbb8.txt';

describe('readPlaintext on the World Library mirror (written in reverse)', () => {
  const result = readPlaintext(sourceText(MIRROR), MIRROR);

  it('skips site boilerplate at top and bottom, the infobox, reference list and TOC', () => {
    const byKind = (kind: string) => result.skipped.filter((s) => s.kind === kind).map((s) => s.line);
    expect(byKind('boilerplate')).toEqual(expect.arrayContaining([1, 2, 3, 469]));
    expect(byKind('infobox')).toEqual([11]);
    expect(byKind('references')).toEqual([93]);
    expect(byKind('toc')).toEqual([451]);
    expect(result.title).toBe('Inter-rebel conflict during the Syrian Civil War');
    expect(result.infobox?.['Commanders and leaders']).toContain('Abdul-Ilah al-Bashir');
    expect(result.blocks.every((b) => b.line >= 91 && b.line < 469)).toBe(true);
  });

  it('removes [n] markers, anchoring citations titled by the reference list where it has text', () => {
    const block = blockAt(result.blocks, 379);
    expect(block.text).toContain('SOHR confirmed that the ISIL took hold of these facilities, but were forced to withdraw');
    expect(block.citations[0]).toEqual({ offset: block.text.indexOf(' but were forced'), citation: { title: 'Clashes in Der-Ezzor and Bombardment on areas in Hama' } });
    expect(block.citations[1].citation).toEqual({ title: '[116]' });
  });

  it('finds headings by the table of contents, with its levels', () => {
    expect(blockAt(result.blocks, 300)).toMatchObject({ kind: 'heading', text: 'Attempted mediation', level: 1 });
    expect(blockAt(result.blocks, 314)).toMatchObject({ kind: 'heading', text: 'Northern Advances and siege of Marea', level: 2 });
    expect(blockAt(result.blocks, 445)).toMatchObject({ kind: 'heading', text: 'Open warfare', level: 1 });
  });

  it('after reversal, assignSections makes each heading govern the paragraphs before it in the file', () => {
    const reversed = assignSections([...result.blocks].reverse());
    expect(blockAt(reversed, 441).section).toEqual(['Open warfare', 'Start of the rebel offensive, ISIL counter-offensive, and mutual advances']);
    expect(blockAt(reversed, 298).section).toEqual(['Attempted mediation']);
    expect(blockAt(reversed, 302).section).toEqual(['Open warfare', 'Northern Advances and siege of Marea']);
    expect(blockAt(reversed, 316).section).toEqual(['Open warfare', 'Southern Syria fighting']);
  });

  it('leaves no markup residue', () => {
    expect(residueIn(result.blocks)).toEqual([]);
    expect(result.blocks.some((b) => /\[\d+\]/.test(b.text))).toBe(false);
  });
});

describe('readPlaintext on the scrape with a flattened infobox table', () => {
  const result = readPlaintext(sourceText(TABLE), TABLE);

  it('skips the table as infobox and keeps its cells', () => {
    expect(result.skipped).toEqual([expect.objectContaining({ kind: 'infobox', line: 1 })]);
    expect(result.title).toBe('Deir ez-Zor offensive (April–July 2014)');
    expect(result.infobox?.['Part of']).toBe('the Syrian Civil War and the Inter-rebel conflict during the Syrian Civil War');
    expect(result.infobox?.Belligerents).toContain('Free Syrian Army');
  });

  it('reads one paragraph per line from the first prose line', () => {
    expect(result.blocks.map((b) => b.line)).toEqual([17, 18, 19, 20, 21]);
    expect(blockAt(result.blocks, 20).text.startsWith('On 10 April 2014, ISIS launched a three-pronged assault')).toBe(true);
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
      'Title line\n\nIntro paragraph that is long enough to count as prose in this plain text scrape.\n\nBodmin Borough Police\n' +
      'The Borough of Bodmin was one of the 178 municipal boroughs mandated to create an electable council.\n\n' +
      '战役过程\n' +
      '2012年7月19日，叛军在阿勒颇市西南部发起进攻，占领了萨拉丁区的大部分地区，并向市中心推进，双方在萨拉丁区和周边街区的激烈战斗持续了数日之久。\n\n' +
      'It ended\n' +
      'and nothing more was said about the matter by the council or anyone else that year.\n';
    const { blocks } = readPlaintext(text, 'f.txt');
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.line])).toEqual([
      ['Bodmin Borough Police', 5],
      ['战役过程', 8],
    ]);
    expect(blocks.find((b) => b.line === 6)).toMatchObject({ kind: 'paragraph', section: ['Bodmin Borough Police'] });
    expect(blocks.find((b) => b.line === 9)).toMatchObject({ kind: 'paragraph', section: ['战役过程'] });
    // a line followed by a lower-case continuation is prose, not a heading
    expect(blocks.some((b) => b.kind === 'heading' && b.text === 'It ended')).toBe(false);
  });
});
