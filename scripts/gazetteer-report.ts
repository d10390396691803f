/**
 * `npx tsx scripts/gazetteer-report.ts [--verbose]`: the gazetteer's figures.
 *  - on the built data of the five sources: share of place tags with coordinates and a precision,
 *    every country and governorate located, share of entities named in en, zh-Hans and zh-Hant
 *    (the rest listed), where the coordinates come from;
 *  - on the held-back texts (tests/unseen, tests/fresh): Syrian actor tags on texts about other wars
 *    (must be none), and places and groups found on the hand check tests/fresh/entities-check.json.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/pipeline.ts';
import { loadGazetteer } from '../src/ingest/entities/index.ts';
import { asciiKey } from '../src/ingest/entities/generate/geocode.ts';
import { eventFor } from '../src/quality/annotation.ts';
import { nameResolver } from '../src/quality/names.ts';
import { entitiesDir, sourcesDir } from '../src/lib/data-dir.ts';
import { gazetteerReport } from '../src/lib/gazetteer-report.ts';
import type { Entity, EventRecord } from '../src/schema/records.ts';

const verbose = process.argv.includes('--verbose');
const pct = (a: number, b: number) => `${a}/${b} = ${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const gaz = loadGazetteer(entitiesDir());

// --- the five sources
const built = ingest({ sourcesDir: sourcesDir(), entitiesDir: entitiesDir() });
const g = gazetteerReport(built.events, built.entities);
const p = g.placeTagsByPrecision;
console.log(`place tags with coordinates and a precision: ${pct(g.placeTagsLocated, g.placeTags)} (precision 1, the locality: ${p['1']}; 2, part of or near one: ${p['2']}; 3, a region centroid: ${p['3']})`);
if (g.tagsWithoutCoordinates.length) console.log(`  tagged places without coordinates: ${g.tagsWithoutCoordinates.join(', ')}`);
console.log(`countries and governorates with coordinates: ${pct(g.countriesAndGovernorates.located, g.countriesAndGovernorates.total)}${g.countriesAndGovernorates.unlocated.length ? ` (not: ${g.countriesAndGovernorates.unlocated.join(', ')})` : ''}`);
console.log(`coordinate sources (entities): ${Object.entries(g.coordinateSources).map(([k, n]) => `${k} ${n}`).join('; ')}`);
console.log(`entities named in en, zh-Hans and zh-Hant: ${pct(g.names.complete, g.names.entities)}`);
for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
  const l = g.names.lacking[lang];
  console.log(`  lacking ${lang}: ${l.length}${verbose || l.length <= 40 ? `${l.length ? ': ' : ''}${l.join(', ')}` : ' (--verbose lists them; /data/gazetteer.json too)'}`);
}
// Why a Chinese name is missing: an entity tagged in a Chinese text without a Chinese name was
// matched by a Latin name, i.e. the Chinese source itself writes it in Latin letters (Hanano地区),
// so no text of the corpus gives it a Chinese form; the others appear only in English texts.
const inChinese = new Set(built.events.filter((e) => e.lang.startsWith('zh')).flatMap((e) => [...e.places, ...e.groups]));
const noZh = g.names.lacking['zh-Hans'];
const tagged = new Set(built.events.flatMap((e) => [...e.places, ...e.groups]));
const latinInZh = noZh.filter((id) => inChinese.has(id)).length;
const otherOnly = noZh.filter((id) => tagged.has(id) && !inChinese.has(id)).length;
console.log(`  of those lacking zh-Hans: ${latinInZh} are written in Latin letters by the Chinese sources themselves; ${otherOnly} appear only in other languages' texts; ${noZh.length - latinInZh - otherOnly} on no event`);
const promoted = built.entities.filter((e) => gaz.byId.get(e.id)?.locality);
console.log(`dataset localities tagged in the five sources: ${promoted.length}${promoted.length ? `: ${promoted.map((e) => e.id).join(', ')}` : ''}`);
// places a text named with a place cue ("the village of X") that no gazetteer file holds
const cued = built.entities.filter((e) => !gaz.byId.has(e.id));
console.log(`places found by a place cue in the five sources: ${cued.length}${cued.length ? `: ${cued.map((e) => e.id).join(', ')}` : ''}`);

// --- held-back texts
const check = JSON.parse(readFileSync('tests/fresh/entities-check.json', 'utf8')) as {
  aboutSyria: string[];
  /** the language of each checked text, for building it when detection (another stage) fails on it */
  languages: Record<string, string>;
  passages: { file: string; snippet: string; places: string[]; groups: string[] }[];
};
// the groups that fight in the Syrian war only (conflicts.json); ISIL or al-Qaeda may rightly appear elsewhere
// the armed parties of the Syrian war (a role may also be a place's: the capital)
const syrianActors = new Set(gaz.conflicts.filter((c) => c.countries.includes('SY')).flatMap((c) => [...c.groups, ...Object.values(c.actors)]).filter((id) => gaz.byId.get(id)?.type === 'group'));
const resolveAnnotated = nameResolver(gaz);
const neighbours = new Set(gaz.conflicts.flatMap((c) => c.neighbours));
// a place no gazetteer file holds may be a dataset locality, a place of the world index, or a
// place the texts named with a place or group cue ("the village of Robey", "the Northern Sun Battalion"), published with the built entities
const resolve = (name: string, kind: 'place' | 'group', built: Entity[]) => {
  const id = resolveAnnotated(name, kind);
  if (id) return id;
  const key = asciiKey(name.replace(/\s*\([^)]*\)$/, ''));
  // a locality of the war's countries, a place the texts named (a cue, the world index), else a town of a neighbour
  const locality = (neighbour: boolean) =>
    kind === 'place' ? gaz.localities.find((l) => neighbours.has(l.country ?? '') === neighbour && [l.name.en, ...(l.regionAliases ?? [])].some((n) => asciiKey(n) === key))?.id : undefined;
  return (
    locality(false) ??
    built.find((e) => e.type === kind && (!gaz.byId.has(e.id) || gaz.byId.get(e.id)?.world) && [e.name.en, ...e.aliases].some((n) => asciiKey(n) === key))?.id ??
    locality(true)
  );
};
const rebuilt = new Map<string, { events: EventRecord[]; entities: Entity[] }>();
const noted = new Set<string>();
function rebuildWithLanguage(dir: string, file: string, lang: string): { events: EventRecord[]; entities: Entity[] } {
  const tmp = mkdtempSync(join(tmpdir(), 'dayline-check-'));
  try {
    copyFileSync(join(dir, file), join(tmp, file));
    const format = /\.md$|_md|markdown/i.test(file) ? 'markdown' : /wikitext|\{\{/.test(readFileSync(join(dir, file), 'utf8').slice(0, 2000)) ? 'wikitext' : 'plaintext';
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify([{ id: file.split('_')[0], file, title: file, lang, format }]));
    const { events, entities } = ingest({ sourcesDir: tmp, entitiesDir: entitiesDir() });
    return { events, entities };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
let otherWarTags = 0;
// per kind of text: the gazetteer is the Syrian war's, so texts about other wars are counted apart
const tally = () => ({ named: { places: 0, groups: 0 }, found: { places: 0, groups: 0 }, onLine: { places: 0, groups: 0 } });
const tallies = { syria: tally(), other: tally() };
for (const dir of ['tests/unseen', 'tests/fresh']) {
  const result = ingest({ sourcesDir: `${dir}/sources`, entitiesDir: entitiesDir() });
  for (const r of result.report) {
    const prefix = r.file.split('_')[0]!;
    const events = result.events.filter((e) => e.source.file === r.file);
    const groups = events.flatMap((e) => e.groups);
    if (verbose) {
      // a place no file holds: found by a cue (no coordinates), or read from the world index (GeoNames, countries-states-cities)
      const found = result.entities.filter((e) => !gaz.byId.has(e.id) && events.some((ev) => ev.places.includes(e.id)));
      const [world, byCue] = [found.filter((e) => e.coordsSource), found.filter((e) => !e.coordsSource)];
      if (byCue.length) console.log(`  ${r.file}: places found by a place cue: ${byCue.map((e) => `${e.name.en} (${e.kind})`).join(', ')}`);
      if (world.length) console.log(`  ${r.file}: places of the world index: ${world.map((e) => `${e.name.en} (${e.kind})`).join(', ')}`);
    }
    if (!check.aboutSyria.includes(prefix)) {
      const syrian = groups.filter((g) => syrianActors.has(g));
      otherWarTags += syrian.length;
      const elsewhere = [...new Set(groups.filter((g) => !syrianActors.has(g)))];
      if (syrian.length || verbose)
        console.log(`  ${r.file} (another war): ${events.length} events, Syrian actor tags: ${syrian.length ? [...new Set(syrian)].join(', ') : 'none'}; groups of several wars: ${elsewhere.join(', ') || 'none'}`);
    }
  }
  for (const p of check.passages) {
    let file = result.report.find((r) => r.file.startsWith(`${p.file}_`))?.file;
    if (!file) continue;
    let events = result.events;
    let entities = result.entities;
    if (!events.some((e) => e.source.file === file)) {
      // no event at all: language detection or dates failed on the text (other stages); build it
      // again with its language stated, still without a chronology, so the tagger is measured
      const lang = check.languages[p.file];
      if (!lang) continue;
      const again = rebuilt.get(file) ?? rebuildWithLanguage(`${dir}/sources`, file, lang);
      rebuilt.set(file, again);
      ({ events, entities } = again);
      if (!noted.has(file)) console.log(`  ${file}: no events as detected; measured with its language stated (${lang}): ${events.length} events`);
      noted.add(file);
    }
    const ev = eventFor(events, { file, snippet: p.snippet });
    // a date inside an annotated line starts another event: the events of the same line, together
    const sameLine = ev ? events.filter((e) => e.source.file === file && e.source.line === ev.source.line) : [];
    const { named, found, onLine } = check.aboutSyria.includes(p.file) ? tallies.syria : tallies.other;
    for (const kind of ['places', 'groups'] as const) {
      for (const name of p[kind]) {
        named[kind]++;
        const id = resolve(name, kind === 'places' ? 'place' : 'group', entities);
        const lineHit = id !== undefined && sameLine.some((e) => e[kind].includes(id));
        if (lineHit) onLine[kind]++;
        if (id && ev?.[kind].includes(id)) found[kind]++;
        else
          console.log(
            `  held-back miss ${p.file} «${p.snippet.slice(0, 30)}» ${kind === 'places' ? 'place' : 'group'} ${name} -> ${id ?? 'not in gazetteer'}${ev ? ` (tagged: ${ev[kind].join(', ') || 'nothing'})` : ' (no event)'}${lineHit ? ' [on another event of its line]' : ''}`,
          );
      }
    }
  }
}
console.log(`Syrian actor tags on texts about other wars: ${otherWarTags}`);
for (const [which, { named, found, onLine }] of [['texts about the Syrian war', tallies.syria], ['texts about other wars', tallies.other]] as const)
  console.log(
    `held-back hand check, ${which}: places ${pct(found.places, named.places)}, groups ${pct(found.groups, named.groups)} on the passage's event; on the events of its line: places ${pct(onLine.places, named.places)}, groups ${pct(onLine.groups, named.groups)}`,
  );
