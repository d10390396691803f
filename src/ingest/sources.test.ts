import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from './readers/index.ts';
import { SOURCES_DIR, residueIn } from './readers/testSupport.ts';
import { ManifestError, decodeSource, loadSources, slugFromFileName } from './sources.ts';

function fixtureDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dayline-sources-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe('loadSources on the real sources', () => {
  const { sources, warnings } = loadSources(SOURCES_DIR);

  it('loads all five with manifest metadata and no warnings', () => {
    expect(warnings).toEqual([]);
    expect(sources.map((s) => [s.meta.id, s.meta.format, s.meta.lang])).toEqual([
      ['zh-inter-rebel-2014', 'wikitext', 'zh-Hans'],
      ['en-inter-rebel-conflict', 'plaintext', 'en'],
      ['zh-battle-of-aleppo', 'markdown', 'zh-Hans'],
      ['en-deir-ez-zor-offensive-2014', 'plaintext', 'en'],
      ['ea-syria-daily-2014-01-04', 'blog', 'en'],
    ]);
  });

  it('reads every source into blocks without markup residue', () => {
    for (const source of sources) {
      const result = readSource(source.meta, source.text);
      expect(result.blocks.length).toBeGreaterThan(0);
      expect(residueIn(result.blocks)).toEqual([]);
      expect(result.blocks.every((b) => b.line >= 1 && b.text.length > 0)).toBe(true);
    }
  });
});

describe('loadSources on bad input', () => {
  it('warns about a manifest entry for a missing file, naming manifest.json and the entry line', () => {
    const manifest = JSON.stringify([{ file: 'here.txt', id: 'here' }, { file: 'gone.txt', id: 'gone' }], null, 2);
    const dir = fixtureDir({ 'manifest.json': manifest, 'here.txt': 'Here\n\nSome text here.\n' });
    const { sources, warnings } = loadSources(dir);
    expect(sources.map((s) => s.meta.id)).toEqual(['here']);
    const line = manifest.split('\n').findIndex((l) => l.includes('gone.txt')) + 1;
    expect(warnings).toEqual([{ file: 'manifest.json', line, message: expect.stringContaining('gone.txt') }]);
  });

  it('builds a source with no manifest entry: slug id, title from its first line, detected format and language', () => {
    const dir = fixtureDir({ 'manifest.json': '[]', 'My New_Source.md': '# 阿勒颇战役\n\n**7月19日**\n\n反对派开始进攻阿勒颇城区。\n' });
    const { sources } = loadSources(dir);
    expect(sources[0].meta).toEqual({ id: 'my-new-source', file: 'My New_Source.md', title: '阿勒颇战役', format: 'markdown', lang: 'zh-Hans' });
    expect(slugFromFileName('阿勒颇.txt')).toMatch(/^source-[a-z0-9]+$/);
  });

  it('skips empty, binary and non-UTF-8 files with warnings while other sources still build', () => {
    const latin1 = Uint8Array.from([...Buffer.from('Line one\nCaf'), 0xe9, ...Buffer.from(' au lait\n')]);
    const dir = fixtureDir({
      'empty.txt': '',
      'binary.txt': Uint8Array.from([0x47, 0x49, 0x46, 0x0a, 0x00, 0x01]),
      'latin1.txt': latin1,
      'good.txt': 'Good\n\nA paragraph of text.\n',
      '.hidden': 'ignored',
    });
    const { sources, warnings } = loadSources(dir);
    expect(sources.map((s) => s.meta.file)).toEqual(['good.txt']);
    expect(warnings).toEqual([
      { file: 'binary.txt', line: 2, message: expect.stringContaining('binary') },
      { file: 'empty.txt', line: 1, message: expect.stringContaining('empty') },
      { file: 'latin1.txt', line: 2, message: expect.stringContaining('UTF-8') },
    ]);
  });

  it('truncates a 10 MB single line with a warning naming file:line', () => {
    const huge = `Title\n\n${'word '.repeat(2_000_000)}\n`;
    const dir = fixtureDir({ 'huge.txt': huge });
    const { sources, warnings } = loadSources(dir);
    const result = readSource(sources[0].meta, sources[0].text);
    expect(warnings).toEqual([{ file: 'huge.txt', line: 3, message: expect.stringContaining('truncated') }]);
    expect(result.blocks.length).toBeGreaterThan(0);
  });

  it('reads a 10 MB single line of wikitext and markdown without hanging', () => {
    for (const format of ['wikitext', 'markdown', 'blog'] as const) {
      const result = readSource({ file: `huge.${format}`, format }, `[[${'x'.repeat(10_000_000)}`);
      expect(result.warnings[0]).toMatchObject({ file: `huge.${format}`, line: 1 });
    }
  });

  it('stops at a manifest that is not valid JSON, naming its line and column', () => {
    const manifest = '[\n  {"file": "a.txt", "id": "a"},\n  {"file": "b.txt", "id": "b"\n]\n';
    const dir = fixtureDir({ 'manifest.json': manifest, 'a.txt': 'A\n\nText.\n', 'b.txt': 'B\n\nText.\n' });
    let error: unknown;
    try {
      loadSources(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ManifestError);
    // The object on line 3 is never closed: JSON.parse gives up at the "]" on line 4.
    expect(error).toMatchObject({ file: 'manifest.json', line: 4, column: 1 });
    expect(String((error as Error).message)).toMatch(/^manifest\.json:4:1: not valid JSON/);
  });

  it('stops at a manifest cut off at its end, pointing there', () => {
    const dir = fixtureDir({ 'manifest.json': '[{"file": "a.txt",', 'a.txt': 'A\n\nText.\n' });
    expect(() => loadSources(dir)).toThrow(ManifestError);
    expect(() => loadSources(dir)).toThrow(/^manifest\.json:1:19: /);
  });

  it('stops at a manifest that is JSON but not a list of entries', () => {
    const dir = fixtureDir({ 'manifest.json': '  {"file": "a.txt"}', 'a.txt': 'A\n\nText.\n' });
    expect(() => loadSources(dir)).toThrow(/^manifest\.json:1:3: not an array/);
  });
});

describe('decoding', () => {
  const text = 'Chronicle\n\nOn 5 January 2014, rebels took the town. 反对派攻占了该镇。\n';

  it('reads UTF-16 with a byte-order mark, little- and big-endian', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(decodeSource(le, 'le.txt')).toEqual({ text });
    expect(decodeSource(be, 'be.txt')).toEqual({ text });
  });

  it('removes a stray NUL byte and says on which line, instead of dropping the file', () => {
    const bytes = Buffer.concat([Buffer.from('Chronicle\n\nOn 5 January 2014, rebels'), Buffer.from([0]), Buffer.from(' took the town.\n')]);
    expect(decodeSource(bytes, 'nul.txt')).toEqual({
      text: 'Chronicle\n\nOn 5 January 2014, rebels took the town.\n',
      warning: { file: 'nul.txt', line: 3, message: expect.stringMatching(/NUL byte removed/) },
    });
  });

  it('still skips a file of NUL and control bytes as binary', () => {
    const bytes = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : 0x41 + (i % 26))));
    expect(decodeSource(bytes, 'blob.dat').warning?.message).toMatch(/binary/);
  });
});

describe('source ids', () => {
  it('gives distinct files distinct ids, with a warning where their names collide', () => {
    const dir = fixtureDir({ 'a b.txt': 'First\n\nOn 5 January 2014, rebels took the town.\n', 'a-b.txt': 'Second\n\nOn 6 January 2014, rebels left the town.\n' });
    const { sources, warnings } = loadSources(dir);
    const ids = sources.map((s) => s.meta.id);
    expect(new Set(ids).size).toBe(2);
    // The file whose own name is the id keeps it; the other gets a stable suffix.
    expect(sources.find((s) => s.meta.file === 'a-b.txt')!.meta.id).toBe('a-b');
    expect(sources.find((s) => s.meta.file === 'a b.txt')!.meta.id).toMatch(/^a-b-[0-9a-f]{6}$/);
    expect(warnings).toEqual([{ file: 'a b.txt', line: 1, message: expect.stringMatching(/also the id of a-b\.txt/) }]);
  });

  it('keeps the suffixed id the same whatever else is in the folder', () => {
    const one = loadSources(fixtureDir({ 'a b.txt': 'One\n\nText one.\n', 'a-b.txt': 'Two\n\nText two.\n' })).sources;
    const two = loadSources(fixtureDir({ 'a b.txt': 'One\n\nText one.\n', 'a-b.txt': 'Two\n\nText two.\n', 'c.txt': 'Three\n\nText three.\n' })).sources;
    const id = (list: typeof one) => list.find((s) => s.meta.file === 'a b.txt')!.meta.id;
    expect(id(two)).toBe(id(one));
  });

  it('publishes identical texts once and reports the copy', () => {
    const same = 'Chronicle\n\nOn 5 January 2014, rebels took the town.\n';
    const { sources, warnings } = loadSources(fixtureDir({ 'copy-1.txt': same, 'copy-2.txt': same }));
    expect(sources.map((s) => s.meta.file)).toEqual(['copy-1.txt']);
    expect(warnings).toEqual([{ file: 'copy-2.txt', line: 1, message: 'the same text as copy-1.txt; published once, as copy-1.txt' }]);
  });
});
