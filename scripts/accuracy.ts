/**
 * `npx tsx scripts/accuracy.ts`: measures the ingest against the independent hand annotation in
 * tests/expectations/ (dates exactly right; places and groups found; tags grounded) and prints the
 * figures with every miss.
 */
import { readdirSync } from 'node:fs';
import { ingest } from '../src/ingest/pipeline.ts';
import { loadGazetteer } from '../src/ingest/entities/index.ts';
import { loadAnnotations, scoreDates, scoreEntities } from '../src/quality/annotation.ts';
import { nameResolver } from '../src/quality/names.ts';
import { groundedShare } from '../src/quality/grounding.ts';
import { entitiesDir, sourcesDir } from '../src/lib/data-dir.ts';

const result = ingest({ sourcesDir: sourcesDir(), entitiesDir: entitiesDir() });
const gazetteer = loadGazetteer(entitiesDir());
const passages = loadAnnotations('tests/expectations', readdirSync(sourcesDir()));
const dates = scoreDates(result.events, passages);
const entities = scoreEntities(result.events, passages, nameResolver(gazetteer));
const grounded = groundedShare(result.events, gazetteer, result.entities);
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

const verbose = process.argv.includes('--verbose');
if (verbose) {
  for (const miss of dates.misses)
    console.log(
      `date miss ${miss.passage.file.slice(0, 3)}:${miss.passage.line} «${miss.passage.snippet}» want ${miss.passage.start}..${miss.passage.end} got ${miss.got ? `${miss.got.start}..${miss.got.end} (${miss.got.expression})` : 'no event'}`,
    );
  for (const miss of [...entities.places.misses, ...entities.groups.misses])
    console.log(`${miss.kind} miss ${miss.file.slice(0, 3)}:${miss.line} «${miss.snippet}» ${miss.name} -> ${miss.id ?? 'not in gazetteer'}`);
}
const outside = result.events.filter((e) => e.date.start < '2011-01-01' || e.date.end > '2017-12-31').length;
console.log(`dates exactly right: ${dates.exact}/${dates.total} = ${pct(dates.exact, dates.total)} (passages found in an event: ${dates.found})`);
console.log(`places named and tagged: ${entities.places.tagged}/${entities.places.named} = ${pct(entities.places.tagged, entities.places.named)}`);
console.log(`groups named and tagged: ${entities.groups.tagged}/${entities.groups.named} = ${pct(entities.groups.tagged, entities.groups.named)}`);
console.log(`tags grounded in event text: ${grounded.grounded}/${grounded.tags} = ${pct(grounded.grounded, grounded.tags)}`);
console.log(`events dated outside 2011-2017: ${outside} of ${result.events.length}`);
