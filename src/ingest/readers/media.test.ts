import { describe, expect, it } from 'vitest';
import { blankFileLinks, isFileLinkDebris, isMarkupDebris, isMediaBlock, isMediaLine, splitLeadingFileNames } from './media.ts';
import { readMarkdown } from './markdown.ts';
import { readPlaintext } from './plaintext.ts';
import { readWikitext } from './wikitext.ts';
import { residueIn } from './testSupport.ts';

describe('media debris, by shape', () => {
  it('knows lone brackets and flattened file links', () => {
    expect(isMarkupDebris(']]')).toBe(true);
    expect(isMarkupDebris(' }} ')).toBe(true);
    expect(isMarkupDebris('|}')).toBe(true);
    expect(isMarkupDebris('— 1916 —')).toBe(false);
    expect(isFileLinkDebris('thumb|250px|Volunteers at the barricade in North King Street')).toBe(true);
    expect(isFileLinkDebris('File:Barricade on Talbot Street.jpg|upright=1.2|The barricade')).toBe(true);
    expect(isFileLinkDebris('Barricade_on_Talbot_Street.jpg')).toBe(true);
    // Table rows and citation debris are not file links.
    expect(isFileLinkDebris('Date | 24 April 1916 | left')).toBe(false);
    expect(isFileLinkDebris('url=http://example.org/list.pdf|title=List of names')).toBe(false);
  });

  it('knows credit lines and captions', () => {
    expect(isMediaLine('Photo: Irish Volunteers, 1916')).toBe(true);
    expect(isMediaLine('Video from the north of the city:')).toBe(true);
    expect(isMediaLine('The video was posted on the same day by the brigade and shared widely.')).toBe(false);
    // In an article only a caption that ends in a colon counts: a short line without one is a heading.
    expect(isMediaBlock('Photographs of the rising', 'colon')).toBe(false);
    expect(isMediaBlock('Photographs of the rising:', 'colon')).toBe(true);
    expect(isMediaBlock('Photographs of the rising', 'any')).toBe(true);
  });

  it('splits file names off the head of a paragraph', () => {
    expect(splitLeadingFileNames('Barricade_1916.jpg Map-of-Dublin.png On 25 April the barricade went up.')).toEqual({
      text: 'On 25 April the barricade went up.',
      removed: 'Barricade_1916.jpg Map-of-Dublin.png',
    });
    expect(splitLeadingFileNames('On 25 April the barricade went up.').removed).toBe('');
  });
});

describe('every reader keeps media out of its blocks and reports it', () => {
  it('plain text', () => {
    const result = readPlaintext(
      'The rising\n\nThe rising began on 24 April 1916 when the Volunteers seized the General Post Office.\n\nthumb|250px|Volunteers at the barricade\n\n]]\n\nGPO_ruins_1916.jpg On 29 April the leaders surrendered to the British army in Moore Street.[4]\n\nPhoto: the ruins of the GPO\n',
      'rising.txt',
    );
    expect(result.blocks.map((b) => b.text)).toEqual([
      'The rising began on 24 April 1916 when the Volunteers seized the General Post Office.',
      'On 29 April the leaders surrendered to the British army in Moore Street.',
    ]);
    expect(result.blocks[1]!.line).toBe(9);
    expect(result.blocks[1]!.citations[0]!.offset).toBe(result.blocks[1]!.text.length);
    expect(result.skipped.filter((s) => s.kind === 'media').map((s) => [s.line, s.firstWords])).toEqual([
      [5, 'thumb|250px|Volunteers at the barricade'],
      [7, ']]'],
      [9, 'GPO_ruins_1916.jpg'],
      [11, 'Photo: the ruins of the GPO'],
    ]);
  });

  it('wikitext', () => {
    const result = readWikitext(
      "== The rising ==\nThe rising began on 24 April 1916.<ref>{{cite web|title=The rising}}</ref>\n\n]]\n\nthumb|250px|Volunteers at the barricade\n\nGPO_ruins_1916.jpg On 29 April the leaders surrendered.\n",
      'rising.wiki',
    );
    expect(result.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text)).toEqual(['The rising began on 24 April 1916.', 'On 29 April the leaders surrendered.']);
    expect(result.skipped.filter((s) => s.kind === 'media').map((s) => s.line)).toEqual([4, 6, 8]);
    expect(result.warnings).toEqual([]);
    expect(residueIn(result.blocks)).toEqual([]);
  });

  it('Markdown', () => {
    const result = readMarkdown(
      '# The rising\n\nThe rising began on 24 April 1916.\n\nthumb|250px|Volunteers at the barricade\n\nVideo of the ruins:\n\nGPO_ruins_1916.jpg On 29 April the leaders surrendered.\n',
      'rising.md',
    );
    expect(result.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text)).toEqual(['The rising began on 24 April 1916.', 'On 29 April the leaders surrendered.']);
    expect(result.skipped.filter((s) => s.kind === 'media').map((s) => s.line)).toEqual([5, 7, 9]);
  });
});

describe('blankFileLinks', () => {
  it('removes a whole file link whose caption runs over blank lines and holds links, keeping every line', () => {
    const text = 'Before.\n[[File:Harbour.png|thumb|The harbour in [[1890]], legend:\n\n2 May 9 June ]]On 3 June the fleet left.\nAfter.';
    const { text: out, links } = blankFileLinks(text);
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
    expect(out).toContain('On 3 June the fleet left.');
    expect(out).not.toMatch(/2 May|Harbour|\]\]/);
    expect(links).toEqual([{ line: 2, text: expect.stringContaining('[[File:Harbour.png') }]);
  });
  it('leaves a file link that never closes to the block checks', () => {
    expect(blankFileLinks('[[Image:x.jpg|thumb|no end').links).toEqual([]);
  });
});
