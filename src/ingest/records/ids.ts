/**
 * Event ids: stable across rebuilds, URL-safe, unique. An id depends only on its own source, date
 * and text, so editing or adding one source never changes the ids of another source's events.
 */
import { createHash } from 'node:crypto';

export function sourceKey(file: string, sourceId: string): string {
  const leadingNumber = /^(\d+)[_-]/.exec(file)?.[1];
  if (leadingNumber) return leadingNumber;
  return sourceId.replace(/[^a-z0-9]/g, '').slice(0, 8) || 'src';
}

export function eventId(key: string, sourceId: string, start: string, text: string): string {
  const digest = createHash('sha256').update(`${sourceId}\n${start}\n${text}`).digest('hex');
  return `e-${key}-${start}-${digest.slice(0, 6)}`;
}

/** Makes ids unique in one source: a repeated id (same date, same text) gets a counter. */
export function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = seen.get(id) ?? 0;
    seen.set(id, count + 1);
    return count === 0 ? id : `${id}-${count + 1}`;
  });
}
