/**
 * Happening ids: `h-YYYY-MM-DD-xxxxxx`, from the happening's first account (earliest start, then
 * lowest event id): its start day and a digest of its event id. Stable across rebuilds of the same
 * sources; a lone event's happening is named after the event itself, and adding an account of a
 * later day or another source does not rename a happening.
 */
import { createHash } from 'node:crypto';

export interface Account {
  id: string;
  start: string;
}

export function anchorOf(accounts: Account[]): Account {
  return accounts.reduce((best, e) => (e.start < best.start || (e.start === best.start && e.id < best.id) ? e : best));
}

export function happeningId(accounts: Account[]): string {
  const anchor = anchorOf(accounts);
  return `h-${anchor.start}-${createHash('sha256').update(anchor.id).digest('hex').slice(0, 6)}`;
}

/** A repeated id (two anchors with one digest) gets a counter, as event ids do. */
export function uniqueHappeningIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}-${n + 1}`;
  });
}
