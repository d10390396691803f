import { describe, expect, it } from 'vitest';
import { linkName, passageLinker } from './passageLinks.ts';

describe('linkName', () => {
  it('reads underscores as spaces, drops a trailing parenthesis and lower-cases', () => {
    expect(linkName('Upper_Ferry (river crossing)')).toBe('upper ferry');
    expect(linkName('North Quarry')).toBe('north quarry');
    expect(linkName('(only a parenthesis)')).toBe('');
  });
});

describe('passageLinker', () => {
  const text = 'Scouts reached North Quarry at dawn. Later the column crossed at Upper Ferry. The mill at north quarry burned.';
  const [first, second, third] = ['Scouts reached North Quarry at dawn.', 'Later the column crossed at Upper Ferry.', 'The mill at north quarry burned.'];

  it('gives a passage the links whose title it writes, in the block order, and unwritten ones everywhere', () => {
    const linksOf = passageLinker(text, ['Upper_Ferry (river crossing)', 'Hill Road', 'North Quarry']);
    expect(linksOf(first)).toEqual(['Hill Road', 'North Quarry']);
    expect(linksOf(second)).toEqual(['Upper_Ferry (river crossing)', 'Hill Road']);
    expect(linksOf(third)).toEqual(['Hill Road', 'North Quarry']);
  });

  it('keeps repeated links and links without a title', () => {
    const linksOf = passageLinker(text, ['North Quarry', '(none)', 'North Quarry', 'Upper Ferry']);
    expect(linksOf(first)).toEqual(['North Quarry', '(none)', 'North Quarry']);
    expect(linksOf(second)).toEqual(['(none)', 'Upper Ferry']);
  });

  it('finds a title inside a longer one, and a longer one only where it is written whole', () => {
    const block = 'Shelling hit Camp 1. Shelling hit Camp 12. Shelling hit Camp 123.';
    const linksOf = passageLinker(block, ['Camp 123', 'Camp 12', 'Camp 1']);
    expect(linksOf('Shelling hit Camp 1.')).toEqual(['Camp 1']);
    expect(linksOf('Shelling hit Camp 12.')).toEqual(['Camp 12', 'Camp 1']);
    expect(linksOf('Shelling hit Camp 123.')).toEqual(['Camp 123', 'Camp 12', 'Camp 1']);
  });

  it('gives nothing for a block without links, and every link to every passage when no title is written', () => {
    expect(passageLinker(text, [])(first)).toEqual([]);
    const linksOf = passageLinker(text, ['Hill Road', 'Old Bridge']);
    expect(linksOf(first)).toEqual(['Hill Road', 'Old Bridge']);
    expect(linksOf(third)).toEqual(['Hill Road', 'Old Bridge']);
  });

  it('matches Chinese titles as written', () => {
    const block = '部队进入北山村。随后撤往东河镇。';
    const linksOf = passageLinker(block, ['东河镇', '北山村']);
    expect(linksOf('部队进入北山村。')).toEqual(['北山村']);
    expect(linksOf('随后撤往东河镇。')).toEqual(['东河镇']);
  });

  it('agrees with testing every title against the block and the passage, on generated text', () => {
    // The plain definition, one includes() per link and passage, as the reference.
    const reference = (block: string, links: string[], passage: string) =>
      links.filter((link) => {
        const name = linkName(link);
        return !name || !block.toLowerCase().includes(name) || passage.toLowerCase().includes(name);
      });
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a', 'B', 'b', ' ', '_', '(', ')', 'Σ', 'σ', 'İ', 'i', '北', '.'];
    const word = (length: number) => Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const block = word(5 + random(60));
      const links = Array.from({ length: random(6) }, () => (random(2) ? word(1 + random(4)) : block.slice(random(block.length), random(block.length) + 1 + random(4))));
      const linksOf = passageLinker(block, links);
      for (let k = 0; k < 4; k++) {
        const from = random(block.length);
        const passage = block.slice(from, from + 1 + random(30));
        expect(linksOf(passage)).toEqual(reference(block, links, passage));
      }
    }
  });
});
