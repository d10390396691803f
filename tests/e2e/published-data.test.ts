/**
 * The published surface of CONTRACT.md, checked on the real build that `npm test` makes first
 * (`npm run build` into dist/): data files, their order and shape, and that every event's url and
 * every covered day lead to a page holding the event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { getIssues } from '@placemarkio/check-geojson';
import { Entity, EventRecord, SourceReport } from '../../src/schema/records.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
let events: EventRecord[];

const readJson = (name: string) => JSON.parse(readFileSync(join(DIST, 'data', name), 'utf8')) as unknown[];
const pageOf = (url: string) => join(DIST, url.split('#')[0]!, 'index.html');

function* days(start: string, end: string): Generator<string> {
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1))
    yield d.toISOString().slice(0, 10);
}

beforeAll(() => {
  if (!existsSync(join(DIST, 'data', 'events.json'))) throw new Error(`${DIST}/data/events.json is missing: run \`npm run build\` first (npm test does)`);
  events = readJson('events.json').map((e) => EventRecord.parse(e));
});

describe('dist/data', () => {
  it('events.json is sorted by date, then source order', () => {
    const sources = (readJson('sources.json') as { id: string }[]).map((s) => s.id);
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1]!, events[i]!];
      expect(a.date.start <= b.date.start, `${a.id} before ${b.id}`).toBe(true);
      if (a.date.start === b.date.start && a.date.end === b.date.end)
        expect(sources.indexOf(a.source.id) <= sources.indexOf(b.source.id), `${a.id} before ${b.id}`).toBe(true);
    }
  });

  it('entities.json and report.json match their schemas, and every tag names an entity', () => {
    const entities = readJson('entities.json').map((e) => Entity.parse(e));
    readJson('report.json').forEach((r) => SourceReport.parse(r));
    const ids = new Set(entities.map((e) => e.id));
    for (const e of events) for (const tag of [...e.places, ...e.groups]) expect(ids.has(tag), `${e.id}: ${tag}`).toBe(true);
    const manbij = entities.find((e) => e.id === 'manbij')!;
    expect(manbij.coords![0]).toBeCloseTo(37.95, 1); // longitude first, as CONTRACT.md shows
    expect(manbij.coords![1]).toBeCloseTo(36.53, 1);
  });

  it('events.csv has one row per event with the contract columns, and parses with a standard CSV reader', () => {
    const csv = readFileSync(join(DIST, 'data', 'events.csv'), 'utf8');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'start', 'end', 'precision', 'basis', 'lang', 'source', 'section', 'type', 'subtype',
      'fatalities_low', 'fatalities_high', 'places', 'groups', 'citations', 'text', 'url',
    ]);
    expect(rows.map((r) => r.id)).toEqual(events.map((e) => e.id));
    rows.forEach((r, i) => {
      const e = events[i]!;
      expect([r.start, r.end, r.precision, r.lang, r.type, r.subtype, r.text], e.id).toEqual([e.date.start, e.date.end, e.date.precision, e.lang, e.type, e.subtype ?? '', e.text]);
      expect(r.places.split(';').filter(Boolean).map((p) => p.split('@')[0]), e.id).toEqual(e.places);
    });
  });

  it('events.geojson is valid GeoJSON with one Point per event and place with coordinates', () => {
    const text = readFileSync(join(DIST, 'data', 'events.geojson'), 'utf8');
    expect(getIssues(text)).toEqual([]);
    const collection = JSON.parse(text) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    const entities = new Map((readJson('entities.json') as { id: string; coords?: number[] }[]).map((e) => [e.id, e]));
    const expected = events.flatMap((e) => e.places.filter((p) => entities.get(p)?.coords).map((p) => `${e.id} ${p}`));
    expect(collection.features.map((f) => `${f.properties.id} ${f.properties.place}`)).toEqual(expected);
    for (const f of collection.features) {
      expect(f.geometry.coordinates).toEqual(entities.get(f.properties.place as string)!.coords);
      for (const key of ['id', 'start', 'end', 'precision', 'type', 'subtype', 'fatalities_low', 'fatalities_high', 'source', 'place', 'geoPrecision', 'url']) expect(f.properties).toHaveProperty(key);
    }
  });

  it('every event has a type, and every figure quotes its passage', () => {
    for (const e of events) {
      expect(e.type, e.id).toBeTruthy();
      for (const f of e.figures) expect(e.text, e.id).toContain(f.text);
      for (const a of e.acts) expect(e.text, e.id).toContain(a.text);
    }
  });
});

describe('links into the site', () => {
  it('every event url is a built page that holds the event', () => {
    for (const e of events) {
      const page = pageOf(e.url);
      expect(existsSync(page), e.url).toBe(true);
      expect(readFileSync(page, 'utf8'), e.url).toContain(`id="${e.id}"`);
    }
  });

  it('a day page exists for every day of a day-precision event of at most 7 days, and for the first day of a longer one', () => {
    for (const e of events.filter((x) => x.date.precision === 'day')) {
      const covered = [...days(e.date.start, e.date.end)];
      for (const [i, day] of covered.entries()) {
        const page = join(DIST, 'day', day, 'index.html');
        if (covered.length > 7 && i > 0) {
          // a period makes no day page by itself; where another event makes one, it is not listed there
          if (existsSync(page)) expect(readFileSync(page, 'utf8'), `${e.id} on ${day}`).not.toContain(`id="${e.id}"`);
          continue;
        }
        expect(existsSync(page), `${e.id} ${day}`).toBe(true);
        expect(readFileSync(page, 'utf8'), `${e.id} on ${day}`).toContain(`id="${e.id}"`);
      }
    }
  });

  it('every event with a source address links to its section of the original', () => {
    const sources = readJson('sources.json') as { id: string; url?: string }[];
    for (const e of events) {
      const address = sources.find((s) => s.id === e.source.id)?.url;
      if (!address) {
        expect(e.source.url, e.id).toBeUndefined();
        continue;
      }
      expect(e.source.url?.startsWith(address), e.id).toBe(true);
      if (/\/wiki\//.test(address) && e.source.section.some((s) => s.trim())) expect(e.source.url, e.id).toMatch(/#.+/);
      const page = readFileSync(pageOf(e.url), 'utf8');
      const article = page.slice(page.indexOf(`id="${e.id}"`));
      expect(article.slice(0, article.indexOf('</article>')), e.id).toContain(`href="${e.source.url!.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
    }
  });

  it('every place and group has its page, and /group/isil/ gathers all five sources', () => {
    for (const e of events) for (const p of e.places) expect(existsSync(join(DIST, 'place', p, 'index.html')), p).toBe(true);
    const isil = readFileSync(join(DIST, 'group', 'isil', 'index.html'), 'utf8');
    const files = new Set(events.filter((e) => e.groups.includes('isil')).map((e) => e.source.file.slice(0, 3)));
    expect([...files].sort()).toEqual(['000', '001', '002', '003', '004']);
    for (const e of events.filter((x) => x.groups.includes('isil')).slice(0, 40)) expect(isil).toContain(e.id);
  });
});
