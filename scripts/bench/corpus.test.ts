import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus, shiftYears } from './corpus.ts';

describe('shiftYears', () => {
  it('moves four-digit years and leaves counts and other numbers alone', () => {
    expect(shiftYears('On 2 January 2014, 1,565 people; 2014年1月4日; 26人', 6)).toBe(
      'On 2 January 2020, 1,565 people; 2020年1月4日; 26人',
    );
  });
});

describe('makeCorpus', () => {
  it('writes scale copies with distinct ids and file names, and a manifest for them', () => {
    const from = mkdtempSync(join(tmpdir(), 'corpus-from-'));
    const to = join(mkdtempSync(join(tmpdir(), 'corpus-to-')), 'out');
    writeFileSync(join(from, '001_a.txt'), 'On 5 January 2014, rebels.');
    writeFileSync(join(from, 'manifest.json'), JSON.stringify([{ id: 'a', file: '001_a.txt', published: '2014-01-04' }]));
    makeCorpus(from, to, 3);
    expect(readdirSync(to).sort()).toEqual(['000001_a.txt', '001001_a.txt', '002001_a.txt', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(to, 'manifest.json'), 'utf8'));
    expect(manifest.map((m: { id: string }) => m.id)).toEqual(['a', 'a-x1', 'a-x2']);
    expect(manifest[2].published).toBe('2026-01-04');
    expect(readFileSync(join(to, '002001_a.txt'), 'utf8')).toBe('On 5 January 2026, rebels.');
  });
});
