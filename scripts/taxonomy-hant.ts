/**
 * Writes the zh-Hant names of the event taxonomy (src/ingest/types/taxonomy.json) from its
 * zh-Hans names with opencc-js (cn → tw). Ids listed in `zhHantByHand` keep their hand-written
 * zh-Hant name. Run after editing a zh-Hans name:
 *
 *   npx tsx scripts/taxonomy-hant.ts          # rewrite the file
 *   npx tsx scripts/taxonomy-hant.ts --check  # exit 1 when a zh-Hant name is not what opencc makes
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { openccConverter } from '../src/lib/opencc.ts';

const FILE = new URL('../src/ingest/types/taxonomy.json', import.meta.url);

interface Named {
  id: string;
  name: { en: string; 'zh-Hans': string; 'zh-Hant': string };
  subtypes?: Named[];
}

/** The zh-Hant name opencc-js makes from a zh-Hans name. */
export function hantOf(hans: string): string {
  return openccConverter('cn', 'tw')(hans);
}

/** Entries whose zh-Hant name differs from what opencc makes (hand-written ones excepted). */
export function staleHant(taxonomy: { zhHantByHand: string[]; types: Named[] }): string[] {
  const out: string[] = [];
  for (const entry of taxonomy.types.flatMap((t) => [t, ...(t.subtypes ?? [])]))
    if (!taxonomy.zhHantByHand.includes(entry.id) && entry.name['zh-Hant'] !== hantOf(entry.name['zh-Hans'])) out.push(entry.id);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const taxonomy = JSON.parse(readFileSync(FILE, 'utf8')) as { zhHantByHand: string[]; types: Named[] };
  const stale = staleHant(taxonomy);
  if (process.argv.includes('--check')) {
    if (stale.length) {
      console.error(`zh-Hant names not made by opencc: ${stale.join(', ')} (run npx tsx scripts/taxonomy-hant.ts)`);
      process.exit(1);
    }
  } else {
    for (const entry of taxonomy.types.flatMap((t) => [t, ...(t.subtypes ?? [])]))
      if (!taxonomy.zhHantByHand.includes(entry.id)) entry.name['zh-Hant'] = hantOf(entry.name['zh-Hans']);
    writeFileSync(FILE, `${JSON.stringify(taxonomy, null, 1)}\n`);
    console.log(`taxonomy: ${stale.length} zh-Hant name(s) written`);
  }
}
