import { describe, expect, it } from 'vitest';
import { getIssues } from '@placemarkio/check-geojson';
import { eventsToGeoJson } from './geojson.ts';
import type { Entity, EventRecord } from '../../schema/records.ts';

const base = {
  date: { start: '2014-01-05', end: '2014-01-06', precision: 'day', expression: '5–6 January' },
  text: 't',
  lang: 'en',
  source: { id: 's', file: 'f.txt', title: 'T', section: [], line: 3 },
  groups: [],
  citations: [],
  acts: [],
  url: '/day/2014-01-05/#e',
} as const;
const events = [
  { ...base, id: 'e-1', places: ['manbij', 'nowhere', 'aleppo'], type: 'explosions-remote-violence', subtype: 'car-bomb', figures: [{ kind: 'killed', low: 20, high: 20, who: 'unknown', reporter: null, vague: false, text: 'killed 20' }] },
  { ...base, id: 'e-2', places: ['aleppo'], type: 'strategic-developments', figures: [] },
] as unknown as EventRecord[];
const entities = [
  { id: 'manbij', type: 'place', kind: 'town', name: { en: 'Manbij' }, aliases: [], coords: [37.95, 36.53], url: '/place/manbij/' },
  { id: 'aleppo', type: 'place', kind: 'city', name: { en: 'Aleppo' }, aliases: [], coords: [37.16, 36.2], url: '/place/aleppo/' },
  { id: 'nowhere', type: 'place', kind: 'area', name: { en: 'Nowhere' }, aliases: [], url: '/place/nowhere/' },
] as Entity[];

describe('eventsToGeoJson', () => {
  const collection = eventsToGeoJson(events, entities);

  it('is valid GeoJSON to a GeoJSON validator', () => {
    expect(getIssues(JSON.stringify(collection))).toEqual([]);
  });

  it('has one Point per event and place with coordinates, [longitude, latitude]', () => {
    expect(collection.features.map((f) => [f.properties.id, f.properties.place])).toEqual([
      ['e-1', 'manbij'],
      ['e-1', 'aleppo'],
      ['e-2', 'aleppo'],
    ]);
    expect(collection.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [37.95, 36.53] });
  });

  it('carries the contract properties on every feature', () => {
    const [first, , last] = collection.features;
    expect(first!.properties).toEqual({
      id: 'e-1', start: '2014-01-05', end: '2014-01-06', precision: 'day', type: 'explosions-remote-violence', subtype: 'car-bomb',
      fatalities_low: 20, fatalities_high: 20, source: 's', place: 'manbij', geoPrecision: null, url: '/day/2014-01-05/#e',
    });
    expect(Object.keys(last!.properties)).toEqual(Object.keys(first!.properties));
    expect([last!.properties.subtype, last!.properties.fatalities_low]).toEqual([null, null]);
  });
});
