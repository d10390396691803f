/**
 * events.geojson (RFC 7946): one Point Feature per event and place with coordinates, for GIS
 * tools. Properties are flat scalars so that QGIS reads every feature with the same attributes.
 */
import type { Entity, EventRecord } from '../../schema/records.ts';
import { fatalities } from '../figures/fatalities.ts';

export interface EventFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    id: string;
    start: string;
    end: string;
    precision: string;
    type: string;
    subtype: string | null;
    fatalities_low: number | null;
    fatalities_high: number | null;
    source: string;
    place: string;
    geoPrecision: number | null;
    url: string;
  };
}

export interface EventFeatureCollection {
  type: 'FeatureCollection';
  features: EventFeature[];
}

export function eventsToGeoJson(events: EventRecord[], entities: Entity[]): EventFeatureCollection {
  const places = new Map(entities.filter((e) => e.type === 'place' && e.coords).map((e) => [e.id, e]));
  const features: EventFeature[] = [];
  for (const e of events) {
    const dead = fatalities(e.figures ?? []);
    for (const id of e.places) {
      const place = places.get(id);
      if (!place) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [place.coords![0], place.coords![1]] },
        properties: {
          id: e.id,
          start: e.date.start,
          end: e.date.end,
          precision: e.date.precision,
          type: e.type,
          subtype: e.subtype ?? null,
          fatalities_low: dead?.low ?? null,
          fatalities_high: dead?.high ?? null,
          source: e.source.id,
          place: id,
          geoPrecision: (place as { geoPrecision?: number }).geoPrecision ?? null,
          url: e.url,
        },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
