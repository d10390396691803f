import { describe, expect, it } from 'vitest';
import { readSource } from './index.ts';
import { MAX_NESTING, blankRegions, deepMarkdownRegions, deepWikitextRegions } from './nesting.ts';

const DATED = 'On 5 January 2014, rebels took the town.';

describe('markup nested too deep to parse', () => {
  it('3,000 nested templates: the dated paragraph after them is read, and the report names the line', () => {
    const text = `== Fighting ==\nA first paragraph.\n${'{{a|'.repeat(3_000)}x${'}}'.repeat(3_000)}\n\n${DATED}\n`;
    const result = readSource({ file: 'deep.wiki', format: 'wikitext' }, text);
    expect(result.blocks.map((b) => b.text)).toContain(DATED);
    expect(result.blocks.find((b) => b.text === DATED)).toMatchObject({ line: 5, section: ['Fighting'] });
    expect(result.warnings).toEqual([{ file: 'deep.wiki', line: 3, message: expect.stringMatching(/nested more than 64 levels deep at line 3: read as plain text/) }]);
  });

  it('nesting that never closes is read as text to the end of the file', () => {
    const text = `${'{{a|'.repeat(500)}x\n\n${DATED}\n`;
    const result = readSource({ file: 'open.wiki', format: 'wikitext' }, text);
    expect(result.blocks.map((b) => b.text)).toContain(DATED);
    expect(result.warnings[0]).toMatchObject({ line: 1, message: expect.stringMatching(/from line 1 to line 3/) });
  });

  it('markup within the limit parses as before', () => {
    const nested = `${'{{lang|en|'.repeat(3)}Rebels advanced${'}}'.repeat(3)} on the town.`;
    expect(deepWikitextRegions(nested)).toEqual([]);
    expect(readSource({ file: 'ok.wiki', format: 'wikitext' }, `${nested}\n`).warnings).toEqual([]);
  });

  it('2,500 Markdown list levels on one line: its text is read as a paragraph of that line', () => {
    const text = `# Chronicle\n\n${'- '.repeat(2_500)}${DATED}\n\nOn 6 January 2014, rebels left.\n`;
    const result = readSource({ file: 'deep.md', format: 'markdown' }, text);
    expect(result.blocks.filter((b) => b.kind !== 'heading').map((b) => [b.line, b.text])).toEqual([
      [3, DATED],
      [5, 'On 6 January 2014, rebels left.'],
    ]);
    expect(result.warnings).toEqual([{ file: 'deep.md', line: 3, message: expect.stringMatching(/nested more than 64 levels deep at line 3/) }]);
  });

  it('a list indented deeper and deeper: the items past the limit are read as text, one block each', () => {
    const items = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`);
    const result = readSource({ file: 'indent.md', format: 'markdown' }, `${items.join('\n')}\n\n${DATED}\n`);
    const texts = result.blocks.map((b) => b.text);
    for (let i = 0; i < 200; i++) expect(texts).toContain(`item ${i}`);
    expect(texts.at(-1)).toBe(DATED);
    expect(result.warnings).toHaveLength(1);
    // Line i + 1 holds item i: its indentation is i levels, its marker one more.
    expect(result.warnings[0]!.line).toBe(MAX_NESTING + 1);
  });

  it('blanking keeps every offset and line break, so the rest of the file keeps its lines', () => {
    const text = `a\n${'{{x|'.repeat(70)}\nb${'}}'.repeat(70)}\nc`;
    const blanked = blankRegions(text, deepWikitextRegions(text));
    expect(blanked).toHaveLength(text.length);
    expect(blanked.split('\n')).toHaveLength(text.split('\n').length);
    expect(deepMarkdownRegions(`${'> '.repeat(80)}quote\n\nplain\n`)).toEqual([{ start: 0, end: 165, depth: 65 }]);
  });

  it('a reader that fails outright leaves a warning and the file is read as plain text', () => {
    // Not valid for the reader at all: a format the readers do not know falls back to plain text too.
    const result = readSource({ file: 'x.txt', format: 'unknown' as 'plaintext' }, `Chronicle\n\n${DATED}\n`);
    expect(result.blocks.map((b) => b.text)).toContain(DATED);
  });
});
