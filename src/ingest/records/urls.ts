/** Site-relative URLs of the published pages (see CONTRACT.md); the base path is added by the site. */
import type { EventDate } from '../../schema/records.ts';

export function eventUrl(date: EventDate, id: string): string {
  if (date.precision === 'day') return `/day/${date.start}/#${id}`;
  if (date.precision === 'year') return `/year/${date.start.slice(0, 4)}/#${id}`;
  return `/month/${date.start.slice(0, 7)}/#${id}`;
}

export function entityUrl(type: 'place' | 'group', id: string): string {
  return `/${type}/${id}/`;
}
