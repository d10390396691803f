/**
 * Bad input through the whole pipeline: one good source next to every kind of broken file. Nothing
 * throws, the good source still builds, each bad file gets a warning naming it and a line, and a
 * 10 MB single line is handled in bounded time.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../src/ingest/pipeline.ts';
import type { Warning } from '../src/schema/records.ts';

const GOOD = '003_0100bfe34d1bbbb8.txt';
let dir: string;
let result: IngestResult;
let goodAlone: number;

const allWarnings = (): Warning[] => [...result.warnings, ...result.report.flatMap((r) => r.warnings)];
const warningsFor = (file: string) => allWarnings().filter((w) => w.file === file && Number.isInteger(w.line) && w.line >= 1);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dayline-bad-'));
  copyFileSync(join('content/sources', GOOD), join(dir, GOOD));
  const realManifest = JSON.parse(readFileSync('content/sources/manifest.json', 'utf8')) as { file: string }[];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify([...realManifest.filter((e) => e.file === GOOD), { file: 'missing_source.txt', title: 'Gone' }], null, 1));
  writeFileSync(join(dir, 'b01_empty.txt'), '');
  writeFileSync(join(dir, 'b02_binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]));
  // Latin-1 bytes on line 3: é = 0xE9 is not UTF-8 on its own.
  writeFileSync(join(dir, 'b03_latin1.txt'), Buffer.concat([Buffer.from('Title\n\nOn 5 January 2014 the caf'), Buffer.from([0xe9]), Buffer.from(' was shelled.\n')]));
  writeFileSync(
    join(dir, 'b04_cut-template.txt'),
    "'''Test battle''' was fought in 2014.\n\n== Battle ==\nOn 5 January 2014, rebels attacked the [[Aleppo|city]].<ref>{{cite web|title=x}}</ref>\n{{Infobox military conflict\n| conflict = Test\n| date = 2014\n| combatant1 = [[Free Syrian Army",
  );
  writeFileSync(join(dir, 'b05_unbalanced.txt'), "== Fighting ==\nOn 6 January 2014, '''clashes [[broke out <ref>unclosed {{cite web|x\n\n]] }} </ref> On 7 January 2014, the town fell.\n");
  writeFileSync(join(dir, 'b06_huge.txt'), `On 8 January 2014 the siege began. ${'x'.repeat(10 * 1024 * 1024)}\n`);
  writeFileSync(join(dir, 'b07_zh-impossible.txt'), '== 2014年 ==\n2014年2月1日，反对派在阿勒颇集结。\n\n2月30日，反对派在阿勒颇发动进攻。\n');
  writeFileSync(join(dir, 'b08_en-impossible.txt'), 'Fighting\n\nOn 1 April 2014, rebels gathered near the town.\n\nOn 31 April 2014, rebels captured the town.\n');
  goodAlone = ingest({ sourcesDir: 'content/sources', entitiesDir: 'content/entities' }).events.filter((e) => e.source.file === GOOD).length;
  result = ingest({ sourcesDir: dir, entitiesDir: 'content/entities' });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('bad input', () => {
  it('does not stop the good source from building', () => {
    const good = result.events.filter((e) => e.source.file === GOOD).length;
    expect(good).toBeGreaterThan(0);
    expect(good).toBe(goodAlone);
  });

  it('an empty file', () => {
    expect(warningsFor('b01_empty.txt').map((w) => w.message).join(' ')).toMatch(/empty/);
  });

  it('a binary file', () => {
    expect(warningsFor('b02_binary.bin').map((w) => w.message).join(' ')).toMatch(/binary/);
  });

  it('a file that is not UTF-8, pointing at the bad line', () => {
    const w = warningsFor('b03_latin1.txt');
    expect(w.map((x) => x.message).join(' ')).toMatch(/UTF-8/);
    expect(w[0]!.line).toBe(3);
  });

  it('wikitext cut off inside a template still builds what comes before, with a warning', () => {
    expect(warningsFor('b04_cut-template.txt').length).toBeGreaterThan(0);
    expect(result.events.some((e) => e.source.file === 'b04_cut-template.txt' && e.date.start === '2014-01-05')).toBe(true);
  });

  it('unbalanced markup', () => {
    expect(warningsFor('b05_unbalanced.txt').length).toBeGreaterThan(0);
    expect(result.events.filter((e) => e.source.file === 'b05_unbalanced.txt').every((e) => !/\[\[|\]\]|\{\{|\}\}|<ref|<\/ref>/.test(e.text))).toBe(true);
  });

  it('a 10 MB single line is truncated with a warning', () => {
    const w = warningsFor('b06_huge.txt');
    expect(w.some((x) => x.line === 1 && /truncated/.test(x.message))).toBe(true);
  });

  it('an impossible date in a Chinese paragraph (2月30日)', () => {
    const w = warningsFor('b07_zh-impossible.txt').filter((x) => /2月30日/.test(x.message));
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]!.line).toBe(4);
    expect(result.events.some((e) => e.source.file === 'b07_zh-impossible.txt' && e.date.start.endsWith('-02-30'))).toBe(false);
  });

  it('an impossible date in an English paragraph (31 April 2014)', () => {
    const w = warningsFor('b08_en-impossible.txt').filter((x) => /31 April 2014/.test(x.message));
    expect(w.length).toBeGreaterThan(0);
    expect(w[0]!.line).toBe(5);
  });

  it('a manifest entry for a missing file', () => {
    const w = result.warnings.filter((x) => x.file === 'manifest.json' && /missing_source\.txt/.test(x.message));
    expect(w.length).toBe(1);
    expect(w[0]!.line).toBeGreaterThan(1);
  });
});
