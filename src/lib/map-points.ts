/** The places of a list of events as map points: one per place with coordinates, counted by events. */
import type { Entity, EventRecord } from '../schema/records.ts';
import type { MapPoint } from './map.ts';

export interface PlaceTally {
  points: MapPoint[];
  /** Places named by the events that have no coordinates (listed, not drawn). */
  unlocated: Entity[];
}

export function tallyPlaces(
  events: EventRecord[],
  entityById: Map<string, Entity>,
  label: (e: Entity) => string,
  link: (e: Entity) => string,
): PlaceTally {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (const ev of events) {
    if (seen.has(ev.id)) continue;
    seen.add(ev.id);
    for (const id of new Set(ev.places)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const points: MapPoint[] = [];
  const unlocated: Entity[] = [];
  for (const [id, count] of counts) {
    const e = entityById.get(id);
    if (!e) continue;
    if (!e.coords) {
      unlocated.push(e);
      continue;
    }
    points.push({ id, label: label(e), coords: e.coords, ...(e.geoPrecision ? { precision: e.geoPrecision } : {}), count, href: link(e) });
  }
  points.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { points, unlocated };
}
