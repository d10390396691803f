/**
 * Resolves the plain English names of the hand annotation ("Aleppo (city)", "ISIL") to gazetteer
 * ids, so the annotation stays independent of the ids the gazetteer happens to use.
 */
import type { Gazetteer, GazetteerEntity } from '../ingest/entities/index.ts';

const QUALIFIER = /\s*\((city|town|village|governorate|province|country|neighbourhood|district)\)\s*$/i;

export function nameResolver(gazetteer: Gazetteer) {
  return (name: string, type: 'place' | 'group'): string | undefined => {
    const pool: GazetteerEntity[] = type === 'place' ? gazetteer.places : gazetteer.groups;
    const qualifier = QUALIFIER.exec(name)?.[1]?.toLowerCase();
    const bare = name.replace(QUALIFIER, '').trim().toLowerCase();
    const candidates = pool.filter(
      (e) => e.name.en.toLowerCase() === bare || e.aliases.some((a) => a.toLowerCase() === bare),
    );
    // a generic role word ("Republican Guard") names its conflict's actor for it
    if (!candidates.length)
      for (const c of gazetteer.conflicts)
        for (const [role, actor] of Object.entries(c.actors))
          if ((gazetteer.roles.get(role) ?? []).some((w) => w.toLowerCase() === bare)) {
            const e = gazetteer.byId.get(actor);
            if (e && e.type === type) candidates.push(e);
          }
    const fitting = qualifier ? candidates.filter((e) => e.kind === qualifier || (qualifier === 'province' && e.kind === 'governorate')) : candidates;
    return (fitting[0] ?? candidates[0])?.id;
  };
}
