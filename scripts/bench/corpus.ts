/**
 * Synthetic corpora for the benchmark, N copies of the real sources in two modes:
 *  - shifted: each copy's years moved on, so its events are distinct days (the corpus grows in time);
 *  - density: every copy about the same days, its dates kept and its wording and counts varied (the
 *    corpus grows the way a real one does: more accounts of the same war).
 * Same formats, same languages, same structure.
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

export type CorpusMode = 'shifted' | 'density';

/** Word pairs a variant may swap, per script: neutral wording, never a date word or a name. */
const SYNONYMS: [string, string][] = [
  ['captured', 'seized'],
  ['retreated', 'withdrew'],
  ['launched', 'began'],
  ['heavy', 'fierce'],
  ['reported', 'said'],
  ['占领', '攻占'],
  ['袭击', '攻击'],
  ['激烈', '猛烈'],
  ['撤出', '撤离'],
  ['夺取', '攻取'],
];

/** A count of people or things: digits followed by a noun or measure word that counts them. */
const COUNT =
  /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?=(?: ?(?:people|persons|civilians|fighters|soldiers|rebels|militants|troops|members|men|women|children|killed|dead|wounded|injured|casualties|prisoners|hostages|tanks|vehicles|villages|towns)\b)|(?:余|多)?(?:名|人|具|辆|座))/g;

/**
 * Variant `copy` of a source text: dates untouched, some wording swapped and every count changed a
 * little, deterministically (the same copy number always gives the same text). Copy 0 is the text.
 */
export function varyText(text: string, copy: number): string {
  if (copy === 0) return text;
  let out = text.replace(COUNT, (count) => {
    const n = Number(count.replace(/,/g, ''));
    const varied = n + 1 + ((copy * 7 + n) % 5);
    return count.includes(',') ? varied.toLocaleString('en-US') : String(varied);
  });
  SYNONYMS.forEach(([a, b], i) => {
    // each copy swaps its own subset of the pairs
    if (((copy >> i % 5) + i) % 2 === 0) return;
    out = out.replace(new RegExp(`${a}|${b}`, 'g'), (w) => (w === a ? b : a));
  });
  return out;
}

/** Writes `scale` shifted copies of every source in `from` into `to`, with a matching manifest. */
export function makeCorpus(from: string, to: string, scale: number, mode: CorpusMode = 'shifted', yearsPerCopy = 6): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const manifest: ManifestEntry[] = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8'));
  const files = readdirSync(from).filter((f) => f !== 'manifest.json' && !f.startsWith('.'));
  const copies: ManifestEntry[] = [];
  const texts = new Map(files.map((file) => [file, readFileSync(join(from, file), 'utf8')]));
  for (let copy = 0; copy < scale; copy++) {
    const shift = copy * yearsPerCopy;
    for (const [file, text] of texts) {
      writeFileSync(join(to, copyName(file, copy)), mode === 'shifted' ? shiftYears(text, shift) : varyText(text, copy));
    }
    for (const entry of manifest) {
      const file = copyName(entry.file, copy);
      if (mode === 'shifted') {
        const shifted = JSON.parse(shiftYears(JSON.stringify(entry), shift)) as ManifestEntry;
        copies.push({ ...shifted, id: copy === 0 ? entry.id : `${entry.id}-x${copy}`, file });
      } else {
        copies.push(copy === 0 ? { ...entry, file } : { ...entry, id: `${entry.id}-d${copy}`, title: `${entry.title} · ${copy + 1}`, file });
      }
    }
  }
  writeFileSync(join(to, 'manifest.json'), `${JSON.stringify(copies, null, 1)}\n`);
}
