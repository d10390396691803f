/**
 * `npx tsx scripts/gazetteer-report.ts [--verbose]`: the gazetteer's figures.
 *  - on the built data of the five sources: share of place tags with coordinates and a precision,
 *    every country and governorate located, share of entities named in en, zh-Hans and zh-Hant
 *    (the rest listed), where the coordinates come from;
 *  - on the held-back texts (tests/unseen, tests/fresh): Syrian actor tags on texts about other wars
 *    (must be none), and places and groups found on the hand check tests/fresh/entities-check.json.
 */
import { readFileSync } from 'node:fs';
import { ingest } from '../src/ingest/pipeline.ts';
import { loadGazetteer } from '../src/ingest/entities/index.ts';
import { asciiKey } from '../src/ingest/entities/generate/geocode.ts';
import { eventFor } from '../src/quality/annotation.ts';
import { nameResolver } from '../src/quality/names.ts';
import { entitiesDir, sourcesDir } from '../src/lib/data-dir.ts';
import type { Entity, EventRecord } from '../src/schema/records.ts';

const verbose = process.argv.includes('--verbose');
const pct = (a: number, b: number) => `${a}/${b} = ${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const gaz = loadGazetteer(entitiesDir());

export function coverage(events: EventRecord[], entities: Entity[]) {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const tags = events.flatMap((e) => e.places);
  const located = tags.filter((id) => byId.get(id)?.coords && byId.get(id)?.geoPrecision);
  const admin = entities.filter((e) => e.kind === 'country' || e.kind === 'governorate');
  const named = entities.filter((e) => e.name.en && e.name['zh-Hans'] && e.name['zh-Hant']);
  return { tags, located, admin, adminLocated: admin.filter((e) => e.coords && e.geoPrecision), named };
}

// --- the five sources
const built = ingest({ sourcesDir: sourcesDir(), entitiesDir: entitiesDir() });
const c = coverage(built.events, built.entities);
console.log(`place tags with coordinates and a precision: ${pct(c.located.length, c.tags.length)}`);
const precisionOfTags = [1, 2, 3].map((p) => c.tags.filter((id) => built.entities.find((e) => e.id === id)?.geoPrecision === p).length);
console.log(`  by precision: 1 (the locality) ${precisionOfTags[0]}, 2 (part of / near one) ${precisionOfTags[1]}, 3 (region centroid) ${precisionOfTags[2]}`);
console.log(`countries and governorates with coordinates: ${pct(c.adminLocated.length, c.admin.length)}`);
const unlocated = [...new Set(c.tags.filter((id) => !c.located.includes(id)))];
if (unlocated.length) console.log(`  tagged places without coordinates: ${unlocated.join(', ')}`);
const sources = new Map<string, number>();
for (const e of built.entities) if (e.coordsSource) {
  const k = e.coordsSource.replace(/^placed at [^:]+: /, '').replace(/^near /, '').split(/,| \(/)[0]!;
  sources.set(k, (sources.get(k) ?? 0) + 1);
}
console.log(`coordinate sources: ${[...sources].map(([k, n]) => `${k} ${n}`).join('; ')}`);
console.log(`entities named in en, zh-Hans and zh-Hant: ${pct(c.named.length, built.entities.length)}`);
const lacking = (lang: 'en' | 'zh-Hans' | 'zh-Hant') => built.entities.filter((e) => !e.name[lang]).map((e) => e.id);
for (const lang of ['en', 'zh-Hans', 'zh-Hant'] as const) {
  const l = lacking(lang);
  console.log(`  lacking ${lang}: ${l.length}${verbose || l.length <= 40 ? `${l.length ? ': ' : ''}${l.join(', ')}` : ' (--verbose lists them)'}`);
}
const promoted = built.entities.filter((e) => gaz.byId.get(e.id)?.locality);
console.log(`dataset localities tagged in the five sources: ${promoted.length}${promoted.length ? `: ${promoted.map((e) => e.id).join(', ')}` : ''}`);

// --- held-back texts
const check = JSON.parse(readFileSync('tests/fresh/entities-check.json', 'utf8')) as {
  aboutSyria: string[];
  passages: { file: string; snippet: string; places: string[]; groups: string[] }[];
};
// the groups that fight in the Syrian war only (conflicts.json); ISIL or al-Qaeda may rightly appear elsewhere
const syrianActors = new Set(gaz.conflicts.filter((c) => c.countries.includes('SY')).flatMap((c) => [...c.groups, ...Object.values(c.actors)]));
const resolveAnnotated = nameResolver(gaz);
const resolve = (name: string, kind: 'place' | 'group') => {
  const id = resolveAnnotated(name, kind);
  if (id || kind === 'group') return id;
  const key = asciiKey(name.replace(/\s*\([^)]*\)$/, ''));
  return gaz.localities.find((l) => [l.name.en, ...(l.regionAliases ?? [])].some((n) => asciiKey(n) === key))?.id;
};
let otherWarTags = 0;
let named = { places: 0, groups: 0 };
let found = { places: 0, groups: 0 };
for (const dir of ['tests/unseen', 'tests/fresh']) {
  const result = ingest({ sourcesDir: `${dir}/sources`, entitiesDir: entitiesDir() });
  for (const r of result.report) {
    const prefix = r.file.split('_')[0]!;
    const events = result.events.filter((e) => e.source.file === r.file);
    const groups = events.flatMap((e) => e.groups);
    if (!check.aboutSyria.includes(prefix)) {
      const syrian = groups.filter((g) => syrianActors.has(g));
      otherWarTags += syrian.length;
      const elsewhere = [...new Set(groups.filter((g) => !syrianActors.has(g)))];
      if (syrian.length || verbose)
        console.log(`  ${r.file} (another war): ${events.length} events, Syrian actor tags: ${syrian.length ? [...new Set(syrian)].join(', ') : 'none'}; groups of several wars: ${elsewhere.join(', ') || 'none'}`);
    }
  }
  for (const p of check.passages) {
    const file = result.report.find((r) => r.file.startsWith(`${p.file}_`))?.file;
    if (!file) continue;
    const ev = eventFor(result.events, { file, snippet: p.snippet });
    for (const kind of ['places', 'groups'] as const) {
      for (const name of p[kind]) {
        named[kind]++;
        const id = resolve(name, kind === 'places' ? 'place' : 'group');
        if (id && ev?.[kind].includes(id)) found[kind]++;
        else console.log(`  held-back miss ${p.file} «${p.snippet.slice(0, 30)}» ${kind === 'places' ? 'place' : 'group'} ${name} -> ${id ?? 'not in gazetteer'}${ev ? ` (tagged: ${ev[kind].join(', ') || 'nothing'})` : ' (no event)'}`);
      }
    }
  }
}
console.log(`Syrian actor tags on texts about other wars: ${otherWarTags}`);
console.log(`held-back hand check: places ${pct(found.places, named.places)}, groups ${pct(found.groups, named.groups)}`);
