/** events.csv: one flat row per event, UTF-8, RFC 4180 quoting. */
import type { Entity, EventRecord } from '../../schema/records.ts';
import { fatalities } from '../figures/fatalities.ts';

export const COLUMNS = [
  'id', 'start', 'end', 'precision', 'basis', 'lang', 'source', 'section', 'type', 'subtype',
  'fatalities_low', 'fatalities_high', 'places', 'groups', 'citations', 'text', 'url',
] as const;

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line from its cells (the search page's download writes its rows with it too). */
export function csvLine(cells: string[]): string {
  return cells.map(quote).join(',');
}

const coord = (n: number) => String(Math.round(n * 1e4) / 1e4);

/** A place as `id@latitude,longitude` when it has coordinates (entities.json holds [longitude, latitude]). */
export function placeCell(id: string, coords: [number, number] | undefined): string {
  return coords ? `${id}@${coord(coords[1])},${coord(coords[0])}` : id;
}

export function citationCell(c: EventRecord['citations'][number]): string {
  const url = c.url ?? c.archiveUrl;
  const title = c.title?.trim();
  return url ? (title ? `${title} <${url}>` : url) : (title ?? '');
}

/** The cells of one event, in COLUMNS order. */
export function eventCells(e: EventRecord, coordsOf: (id: string) => [number, number] | undefined = () => undefined): string[] {
  const dead = fatalities(e.figures ?? []);
  return [
    e.id,
    e.date.start,
    e.date.end,
    e.date.precision,
    (e.date as { basis?: string }).basis ?? '',
    e.lang,
    e.source.id,
    e.source.section.join(' > '),
    e.type ?? '',
    e.subtype ?? '',
    dead ? String(dead.low) : '',
    dead ? String(dead.high) : '',
    e.places.map((id) => placeCell(id, coordsOf(id))).join(';'),
    e.groups.join(';'),
    e.citations.map(citationCell).filter(Boolean).join(' | '),
    e.text,
    e.url,
  ];
}

export function eventsToCsv(events: EventRecord[], entities: Entity[] = []): string {
  const coords = new Map(entities.filter((x) => x.coords).map((x) => [x.id, x.coords!]));
  const rows = events.map((e) => csvLine(eventCells(e, (id) => coords.get(id))));
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
