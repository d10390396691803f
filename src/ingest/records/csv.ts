/** events.csv: one flat row per event, UTF-8, RFC 4180 quoting. */
import type { EventRecord } from '../../schema/records.ts';

const COLUMNS = ['id', 'start', 'end', 'precision', 'lang', 'source', 'section', 'places', 'groups', 'text', 'url'] as const;

/**
 * One cell, RFC 4180 quoted. A cell a spreadsheet would run as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) is neutralised as OWASP advises for CSV injection: a single quote
 * before it, and the cell quoted.
 */
function quote(value: string): string {
  if (/^[=+\-@\t\r]/.test(value)) return `"'${value.replace(/"/g, '""')}"`;
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
