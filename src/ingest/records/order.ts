/** The published order: by date, then by source order (manifest order, then line). */
import type { EventRecord } from '../../schema/records.ts';

export function sortEvents<T extends Pick<EventRecord, 'date' | 'source'>>(events: T[], sourceRank: Map<string, number>): T[] {
  const position = new Map(events.map((e, i) => [e, i]));
  return [...events].sort(
    (a, b) =>
      a.date.start.localeCompare(b.date.start) ||
      a.date.end.localeCompare(b.date.end) ||
      (sourceRank.get(a.source.id) ?? 0) - (sourceRank.get(b.source.id) ?? 0) ||
      a.source.line - b.source.line ||
      position.get(a)! - position.get(b)!,
  );
}
