import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorpus, shiftYears, varyText } from './corpus.ts';

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

describe('varyText', () => {
  const text = 'On 3 March 2015, 40 fighters and 1,200 civilians fled; 12 killed. 2015年3月3日，打死15名武装分子，8人受伤。Rebels captured the town.';

  it('keeps every date and changes the counts, the same way each time', () => {
    const varied = varyText(text, 5);
    expect(varied).toBe(varyText(text, 5));
    for (const date of ['On 3 March 2015', '2015年3月3日']) expect(varied).toContain(date);
    expect(varied).not.toContain('40 fighters');
    expect(varied).not.toContain('1,200 civilians');
    expect(varied).not.toContain('15名');
    expect(varied).toMatch(/1,20\d civilians/);
  });

  it('leaves copy 0 as written and makes different copies differ', () => {
    expect(varyText(text, 0)).toBe(text);
    expect(varyText(text, 1)).not.toBe(varyText(text, 2));
  });
});

describe('makeCorpus density', () => {
  it('writes accounts of the same days with their own ids and titles', () => {
    const from = mkdtempSync(join(tmpdir(), 'corpus-from-'));
    const to = join(mkdtempSync(join(tmpdir(), 'corpus-to-')), 'out');
    writeFileSync(join(from, '001_a.txt'), 'On 5 January 2014, 30 rebels captured a hill.');
    writeFileSync(join(from, 'manifest.json'), JSON.stringify([{ id: 'a', file: '001_a.txt', title: 'A', published: '2014-01-04' }]));
    makeCorpus(from, to, 3, 'density');
    const manifest = JSON.parse(readFileSync(join(to, 'manifest.json'), 'utf8'));
    expect(manifest.map((m: { id: string }) => m.id)).toEqual(['a', 'a-d1', 'a-d2']);
    expect(manifest.map((m: { title: string }) => m.title)).toEqual(['A', 'A · 2', 'A · 3']);
    expect(manifest[2].published).toBe('2014-01-04');
    expect(readFileSync(join(to, '002001_a.txt'), 'utf8')).toContain('On 5 January 2014');
  });
});
