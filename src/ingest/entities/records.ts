/** The published entity records (entities.json): every place and group of the gazetteer. */
import { Entity, type EventRecord } from '../../schema/records.ts';
import type { Gazetteer, GazetteerEntity } from './types.ts';

function record(e: GazetteerEntity): Entity {
  const type = e.type === 'place' ? 'place' : 'group';
  const r: Entity = {
    id: e.id,
    type,
    kind: e.kind,
    name: e.name,
    // a dataset locality's names are its region's; a generated country's are read everywhere
    aliases: [...(e.locality ? (e.regionAliases ?? e.aliases) : e.aliases), ...(e.wordAliases ?? [])],
    url: `/${type}/${e.id}/`,
  };
  if (e.coords) r.coords = e.coords;
  if (e.coordsSource) r.coordsSource = e.coordsSource;
  if (e.coords && e.geoPrecision) r.geoPrecision = e.geoPrecision;
  if (e.parent) r.parent = e.parent;
  if (e.members) r.members = e.members;
  return Entity.parse(r);
}

/** What the texts added to the gazetteer: places and groups named with a cue that no file holds,
 * places of the world index they named (world.ts), and spellings of known places met in them (a
 * cued "Tadef" for Tadif), by id. */
export interface FoundInTexts {
  cued?: Map<string, GazetteerEntity>;
  spellings?: Map<string, Set<string>>;
}

/**
 * All places and groups (news agencies and monitors are not published), validated against the
 * Entity schema. Every entity is included, with or without events: the site computes counts.
 * `events` is checked so that no event carries a tag the gazetteer (or `found`) does not define.
 */
export function buildEntityRecords(gaz: Gazetteer, events: Pick<EventRecord, 'id' | 'places' | 'groups'>[] = [], found: FoundInTexts = {}): Entity[] {
  const cued = found.cued ?? new Map<string, GazetteerEntity>();
  const unknown: string[] = [];
  for (const ev of events) {
    for (const id of ev.places) if ((gaz.byId.get(id) ?? cued.get(id))?.type !== 'place') unknown.push(`${ev.id}: place "${id}"`);
    for (const id of ev.groups) if ((gaz.byId.get(id) ?? cued.get(id))?.type !== 'group') unknown.push(`${ev.id}: group "${id}"`);
  }
  if (unknown.length) throw new Error(`events tagged with ids missing from the gazetteer: ${unknown.slice(0, 20).join('; ')}`);
  // dataset localities, cued places and cued groups are published once a text names them, with pages like the others
  const used = new Set(events.flatMap((ev) => [...ev.places, ...ev.groups]));
  const localities = gaz.localities.filter((l) => used.has(l.id));
  const foundOf = (type: 'place' | 'group') =>
    [...cued.values()].filter((c) => c.type === type && used.has(c.id) && (c.world || !gaz.byId.has(c.id))).sort((a, b) => a.id.localeCompare(b.id));
  const places = foundOf('place');
  const withSpellings = (e: GazetteerEntity): GazetteerEntity => {
    const met = found.spellings?.get(e.id);
    if (!met?.size) return e;
    const own = e.locality ? (e.regionAliases ?? e.aliases) : e.aliases;
    const extra = [...met].filter((n) => !own.includes(n) && !Object.values(e.name).includes(n));
    if (!extra.length) return e;
    return e.locality && e.regionAliases ? { ...e, regionAliases: [...own, ...extra] } : { ...e, aliases: [...own, ...extra] };
  };
  return [...gaz.places, ...localities, ...places, ...gaz.groups, ...foundOf('group')].map(withSpellings).map(record);
}
