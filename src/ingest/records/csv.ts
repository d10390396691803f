/** events.csv: one flat row per event, UTF-8, RFC 4180 quoting. */
import type { EventRecord } from '../../schema/records.ts';

const COLUMNS = ['id', 'start', 'end', 'precision', 'lang', 'source', 'section', 'places', 'groups', 'text', 'url'] as const;

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function eventsToCsv(events: EventRecord[]): string {
  const rows = events.map((e) =>
    [
      e.id,
      e.date.start,
      e.date.end,
      e.date.precision,
      e.lang,
      e.source.id,
      e.source.section.join(' > '),
      e.places.join(';'),
      e.groups.join(';'),
      e.text,
      e.url,
    ].map(quote).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
