/**
 * Sources in a language Dayline does not read, through the whole pipeline: each builds with a
 * warning naming its file and language, makes no event (nothing is read as English), lists every
 * paragraph in the report, and the English source beside them still builds. The texts are written
 * for the test.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../src/ingest/pipeline.ts';

const FRENCH = "== Combats ==\nLe 4 janvier 2014, les rebelles ont attaqué les positions du groupe dans la ville frontalière.<ref>{{cite web|title=Rebels attack jihadist positions|url=https://news.example.org/a}}</ref>\n\nSelon les habitants, les combats ont duré toute la nuit et au moins dix personnes ont été tuées.\n\n== Suites ==\nLe lendemain, le groupe s'est retiré vers le nord de la province.\n";
const JAPANESE = '国境の戦闘\n\n2014年1月4日、反政府勢力は国境の町で過激派組織の拠点を攻撃した。\n\n住民によると、戦闘は夜まで続き、少なくとも十人が死亡したという。\n';
const ENGLISH = 'Border fighting\n\nOn 4 January 2014, rebels attacked the positions of the group in the border town.\n\nThe next day, the group withdrew to the north of the province.\n';

let dir: string;
let result: IngestResult;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dayline-lang-'));
  writeFileSync(join(dir, 'l01_french.txt'), FRENCH);
  writeFileSync(join(dir, 'l02_japanese.txt'), JAPANESE);
  writeFileSync(join(dir, 'l03_english.txt'), ENGLISH);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ file: 'l04_german.txt', title: 'Kämpfe', lang: 'de', format: 'plaintext' }]));
  writeFileSync(join(dir, 'l04_german.txt'), 'Kämpfe\n\nAm 4. Januar 2014 griffen die Rebellen die Stellungen der Gruppe in der Grenzstadt an.\n');
  result = ingest({ sourcesDir: dir, entitiesDir: 'content/entities' });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const reportOf = (file: string) => result.report.find((r) => r.file === file)!;
const sourceOf = (file: string) => result.sources.find((s) => s.file === file)!;

describe('a source in a language Dayline does not read', () => {
  it.each([
    ['l01_french.txt', 'fr', 'French'],
    ['l02_japanese.txt', 'ja', 'Japanese'],
    ['l04_german.txt', 'de', 'German'],
  ])('%s: warned by name and language, not read as English', (file, tag, name) => {
    const report = reportOf(file);
    expect(report.lang).toBe(tag);
    expect(sourceOf(file)).toMatchObject({ lang: tag, read: false });
    const warning = report.warnings.find((w) => w.file === file && w.line === 1)!;
    expect(warning.message).toContain(`${name} (${tag})`);
    expect(report.eventsMade).toBe(0);
    expect(result.events.filter((e) => e.source.file === file)).toEqual([]);
  });

  it('lists every paragraph it read in the report, with its line', () => {
    const french = reportOf('l01_french.txt');
    expect(french.paragraphsRead).toBe(3);
    expect(french.skipped.filter((s) => s.kind === 'language').map((s) => s.line)).toEqual([2, 4, 7]);
    const japanese = reportOf('l02_japanese.txt');
    expect(japanese.skipped.filter((s) => s.kind === 'language').map((s) => s.line)).toEqual([3, 5]);
  });

  it('does not stop the English source beside it', () => {
    const english = result.events.filter((e) => e.source.file === 'l03_english.txt');
    expect(english.map((e) => e.date.start)).toEqual(['2014-01-04', '2014-01-05']);
    expect(sourceOf('l03_english.txt').read).toBeUndefined();
  });
});
