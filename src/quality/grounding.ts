/**
 * Share of entity tags whose entity is named in the event text: some name or alias of it occurs in
 * the text (case-insensitive, either Chinese script). Deliberately a plain substring check, not the
 * tagger, so it checks the tagger rather than repeating it.
 */
import type { Entity, EventRecord } from '../schema/records.ts';
import { foldText, namesOf, roleWordsOf, type Gazetteer } from '../ingest/entities/index.ts';

export function groundedShare(
  events: EventRecord[],
  gazetteer: Gazetteer,
  /** The published entities: a place the texts named with a place cue, and the spellings of known
   * places met in the texts, are in these, not in the gazetteer files. */
  entities: Entity[] = [],
): { tags: number; grounded: number; ungrounded: { id: string; tag: string }[] } {
  const names = new Map<string, string[]>();
  // a role word ("rebels", "政府军") grounds the actor its text's conflict gives it; a country's
  // people's adjective grounds it ("the Lebanese town of …")
  for (const entity of gazetteer.byId.values())
    names.set(entity.id, [...namesOf(entity), ...roleWordsOf(gazetteer, entity.id), ...(entity.demonyms ?? [])].map((n) => foldText(n).lower));
  for (const e of entities) {
    const own = names.get(e.id) ?? [];
    names.set(e.id, [...new Set([...own, ...[...Object.values(e.name), ...e.aliases].filter((n): n is string => Boolean(n)).map((n) => foldText(n).lower)])]);
  }
  let tags = 0;
  let grounded = 0;
  const ungrounded: { id: string; tag: string }[] = [];
  for (const event of events) {
    const text = foldText(event.text).lower;
    for (const tag of [...event.places, ...event.groups]) {
      tags++;
      if ((names.get(tag) ?? []).some((n) => text.includes(n))) grounded++;
      else ungrounded.push({ id: event.id, tag });
    }
  }
  return { tags, grounded, ungrounded };
}
