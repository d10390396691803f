/**
 * Synthetic corpora for the benchmark: N copies of the real sources, each copy's years shifted so
 * its events are distinct days with distinct ids. Same formats, same languages, same structure.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Years of this era written as four digits, not part of a longer number. */
const YEAR = /(?<![\d.,])(19[5-9]\d|20[0-4]\d)(?![\d])/g;

export function shiftYears(text: string, years: number): string {
  if (years === 0) return text;
  return text.replace(YEAR, (year) => String(Number(year) + years));
}

interface ManifestEntry {
  id: string;
  file: string;
  published?: string;
  period?: { start: string; end: string };
  [key: string]: unknown;
}

export function copyName(file: string, copy: number): string {
  return `${String(copy).padStart(3, '0')}${file}`;
}

/** Writes `scale` shifted copies of every source in `from` into `to`, with a matching manifest. */
export function makeCorpus(from: string, to: string, scale: number, yearsPerCopy = 6): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const manifest: ManifestEntry[] = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8'));
  const files = readdirSync(from).filter((f) => f !== 'manifest.json' && !f.startsWith('.'));
  const copies: ManifestEntry[] = [];
  for (let copy = 0; copy < scale; copy++) {
    const shift = copy * yearsPerCopy;
    for (const file of files) {
      writeFileSync(join(to, copyName(file, copy)), shiftYears(readFileSync(join(from, file), 'utf8'), shift));
    }
    for (const entry of manifest) {
      const shifted = JSON.parse(shiftYears(JSON.stringify(entry), shift)) as ManifestEntry;
      copies.push({ ...shifted, id: copy === 0 ? entry.id : `${entry.id}-x${copy}`, file: copyName(entry.file, copy) });
    }
  }
  writeFileSync(join(to, 'manifest.json'), `${JSON.stringify(copies, null, 1)}\n`);
}
