/**
 * The failures a probe of hostile input found (issue 16), each through the whole ingest: what
 * used to crash, drop a file, lose paragraphs, collide ids or take minutes now builds, and says
 * what it did in the report. (Speed is measured by `npm run bench -- --hostile`, not here; the
 * quadratic versions of these files took minutes and would run out of the test's time.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../src/ingest/pipeline.ts';
import { eventsToCsv } from '../src/ingest/records/csv.ts';
import { ManifestError } from '../src/ingest/sources.ts';

function build(files: Record<string, string | Uint8Array>): IngestResult {
  const dir = mkdtempSync(join(tmpdir(), 'dayline-hostile-input-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return ingest({ sourcesDir: dir, entitiesDir: 'content/entities' });
}

const warningsOf = (result: IngestResult, file: string) => result.report.filter((r) => r.file === file).flatMap((r) => r.warnings);

describe('hostile input through the ingest', () => {
  it('a 1.4 MB file of lines of 1月1日 just under the line guard builds, every line dated', () => {
    const line = '1月1日'.repeat(12_000);
    const text = `叙利亚内战\n\n2014年1月1日，反对派发动进攻。\n\n${Array(15).fill(line).join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_400_000);
    const result = build({ 'days.txt': text });
    const lines = result.events.filter((e) => e.text.startsWith('1月1日1月1日'));
    expect(lines).toHaveLength(15);
    expect(lines.every((e) => e.date.start === '2014-01-01')).toBe(true);
  }, 120_000);

  it('3,000 nested templates followed by a dated paragraph: the paragraph is an event, the report names the line', () => {
    const text = `== Fighting ==\n${'{{a|'.repeat(3_000)}x${'}}'.repeat(3_000)}\n\nOn 5 January 2014, rebels took the town.\n`;
    const result = build({ 'deep.txt': text, 'manifest.json': JSON.stringify([{ file: 'deep.txt', id: 'deep', title: 'Deep', lang: 'en', format: 'wikitext' }]) });
    expect(result.events.map((e) => [e.date.start, e.text, e.source.line])).toContainEqual(['2014-01-05', 'On 5 January 2014, rebels took the town.', 4]);
    expect(warningsOf(result, 'deep.txt')).toContainEqual({ file: 'deep.txt', line: 2, message: expect.stringMatching(/nested more than 64 levels/) });
  });

  it('2,500 nested Markdown list levels (in quotes, or numbered): the text is read, the rest of the file builds', () => {
    // Before: the quoted list lost its paragraph without a word; 3,000 numbered levels overflowed the stack.
    for (const marker of ['> - ', '1. ']) {
      const text = `# Chronicle\n\n## Fighting\n\n${marker.repeat(3_000)}On 4 January 2014, rebels advanced.\n\nOn 5 January 2014, rebels took the town.\n`;
      const result = build({ 'lists.md': text });
      expect(result.events.map((e) => e.date.start), marker).toEqual(['2014-01-04', '2014-01-05']);
      expect(warningsOf(result, 'lists.md')).toContainEqual({ file: 'lists.md', line: 5, message: expect.stringMatching(/nested more than 64 levels/) });
    }
  });

  it('distinct files whose names slug alike get distinct source ids and event ids, with a warning', () => {
    const result = build({
      'a b.txt': 'First chronicle\n\nOn 5 January 2014, rebels took the town.\n',
      'a-b.txt': 'Second chronicle\n\nOn 5 January 2014, rebels took the town.\n',
    });
    expect(result.sources.map((s) => s.id)).toHaveLength(2);
    expect(new Set(result.sources.map((s) => s.id)).size).toBe(2);
    expect(new Set(result.events.map((e) => e.id)).size).toBe(result.events.length);
    expect(result.events).toHaveLength(2);
    expect(warningsOf(result, 'a b.txt')).toContainEqual({ file: 'a b.txt', line: 1, message: expect.stringMatching(/also the id of a-b\.txt/) });
  });

  it('two files with the same text are published once, and the copy is reported', () => {
    const text = 'Chronicle\n\nOn 5 January 2014, rebels took the town.\n';
    const result = build({ 'one.txt': text, 'two.txt': text });
    expect(result.sources.map((s) => s.file)).toEqual(['one.txt']);
    expect(result.events).toHaveLength(1);
    expect(warningsOf(result, 'two.txt')).toEqual([{ file: 'two.txt', line: 1, message: 'the same text as one.txt; published once, as one.txt' }]);
  });

  it('a manifest that does not parse stops the build with its line and column, changing no id silently', () => {
    const manifest = '[\n {"file": "a.txt", "id": "kept-id"},\n {"file": "b.txt", "id": "b"}\n'; // no closing ]
    expect(() => build({ 'manifest.json': manifest, 'a.txt': 'A\n\nOn 5 January 2014, rebels took the town.\n' })).toThrow(ManifestError);
    expect(() => build({ 'manifest.json': manifest, 'a.txt': 'A\n\nText.\n' })).toThrow(/^manifest\.json:4:1: not valid JSON/);
  });

  it('UTF-16 with a byte-order mark is decoded, not dropped as binary', () => {
    const text = 'Chronicle\n\nOn 5 January 2014, rebels took the town.\n';
    const result = build({ 'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) });
    expect(result.events.map((e) => e.text)).toEqual(['On 5 January 2014, rebels took the town.']);
  });

  it('one NUL byte is removed and reported; the file builds', () => {
    const bytes = Buffer.concat([Buffer.from('Chronicle\n\nOn 5 January 2014, rebels'), Buffer.from([0]), Buffer.from(' took the town.\n\nOn 6 January 2014, they left.\n')]);
    const result = build({ 'nul.txt': bytes });
    expect(result.events.map((e) => e.text)).toEqual(['On 5 January 2014, rebels took the town.', 'On 6 January 2014, they left.']);
    expect(warningsOf(result, 'nul.txt')).toContainEqual({ file: 'nul.txt', line: 3, message: expect.stringMatching(/NUL byte removed/) });
  });

  it('a paragraph of thousands of impossible dates gives a capped list of warnings with a count', () => {
    const result = build({ 'bad-dates.txt': `叙利亚内战\n\n${'2014年2月30日，'.repeat(4_000)}\n` });
    const warnings = warningsOf(result, 'bad-dates.txt');
    expect(warnings.length).toBeLessThanOrEqual(11);
    expect(warnings.at(-1)).toEqual({ file: 'bad-dates.txt', line: 3, message: '3990 more warnings about this paragraph, not listed' });
  });

  it('cells a spreadsheet would run are neutralised in events.csv', () => {
    const result = build({ 'formula.txt': 'Chronicle\n\n-5 rebels: On 5 January 2014, rebels took the town.\n\n=1+1 On 6 January 2014, they left.\n' });
    const csv = eventsToCsv(result.events);
    expect(csv).not.toMatch(/,[=+\-@]/);
    expect(csv).toMatch(/,"'=1\+1 On 6 January 2014/);
  });
});
