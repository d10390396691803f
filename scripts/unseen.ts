/**
 * `npx tsx scripts/unseen.ts [dir]`: the generalisation check (default tests/unseen; tests/fresh is the
 * second set). Builds the real wiki-style texts of
 * tests/unseen/sources/ (other wars, other centuries, Chinese and English; wikitext, Markdown and
 * plain text; never tuned on) and scores them against the hand annotation in tests/unseen/.
 * Prints the share of annotated passages with exactly the right dates, per file and overall, and
 * every miss.
 */
import { readdirSync } from 'node:fs';
import { ingest } from '../src/ingest/pipeline.ts';
import { loadAnnotations, scoreDates } from '../src/quality/annotation.ts';

export const UNSEEN_DIR = 'tests/unseen';
export const UNSEEN_SOURCES = `${UNSEEN_DIR}/sources`;

/** Builds `dir`/sources (no manifest: language and format are detected) and scores it against `dir`'s annotation. */
export function scoreUnseen(dir = UNSEEN_DIR) {
  const sources = `${dir}/sources`;
  const result = ingest({ sourcesDir: sources, entitiesDir: 'content/entities' });
  const passages = loadAnnotations(dir, readdirSync(sources));
  return { result, passages, dates: scoreDates(result.events, passages) };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!);
if (isMain) {
  const { result, passages, dates } = scoreUnseen(process.argv[2] ?? UNSEEN_DIR);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  for (const report of result.report) {
    const mine = passages.filter((p) => p.file === report.file);
    const missed = dates.misses.filter((m) => m.passage.file === report.file).length;
    const exact = mine.length - missed;
    console.log(
      `${report.file} (${report.lang}, ${report.format}): ${report.eventsMade} events, ${report.warnings.length} warnings; dates exactly right ${exact}/${mine.length} = ${pct(exact, mine.length)}`,
    );
  }
  for (const miss of dates.misses)
    console.log(
      `miss ${miss.passage.file.split('_')[0]}:${miss.passage.line} «${miss.passage.snippet}» want ${miss.passage.start}..${miss.passage.end} got ${miss.got ? `${miss.got.start}..${miss.got.end} (${miss.got.expression})` : 'no event'}`,
    );
  console.log(`unseen dates exactly right: ${dates.exact}/${dates.total} = ${pct(dates.exact, dates.total)} (passages found in an event: ${dates.found})`);
}
