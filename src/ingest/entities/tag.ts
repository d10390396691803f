/** Tagging a passage with the places and armed groups it names. */
import { foldName } from './fold.ts';
import { namesOf } from './load.ts';
import { resolveLink } from './links.ts';
import { aliasOccurs } from './matcher.ts';
import { OTHER, type Gazetteer, type GazetteerEntity } from './types.ts';
import type { Lang } from '../../schema/records.ts';

export interface Tags {
  places: string[];
  groups: string[];
}

/**
 * Places and groups named in `text`. Every tag is grounded: it comes from a name or alias found in
 * the text itself. Wiki-link targets (`links`) only help: they choose between the readings of a
 * deliberately ambiguous alias, and they keep an entity whose name occurs in the text even where
 * a longer name would otherwise have hidden it (a demonym such as 比利时籍 stays a nationality, linked or not). News agencies and monitors are
 * recognised but never returned. `lang` is accepted for symmetry with findUnknownNames; matching
 * itself is script-aware rather than language-specific.
 */
export function tagText(gaz: Gazetteer, text: string, links: string[] = [], _lang?: Lang | string): Tags {
  const { matches, folded } = gaz.matcher.scan(text);
  const linked = new Set<string>();
  for (const l of links) for (const id of resolveLink(gaz, l)) linked.add(id);

  const suffixes = gaz.rules.demonym.suffixes.map((s) => foldName(s).lower).filter(Boolean);
  const demonymKinds = new Set(gaz.rules.demonym.kinds);

  const found: string[] = [];
  const demonymOnly = new Set<string>();
  const add = (id: string) => {
    if (!found.includes(id)) found.push(id);
  };

  for (const m of matches) {
    let ids = m.ids.filter((id) => id !== OTHER);
    if (!ids.length) continue;
    if (ids.length > 1) {
      const key = folded.lower.slice(m.start, m.end).replace(/ {2,}/g, ' ');
      const amb = gaz.ambiguous.get(key);
      const picked = ids.filter((id) => linked.has(id));
      ids = picked.length ? picked : amb?.default ? [amb.default] : [];
    }
    for (const id of ids) {
      const e = gaz.byId.get(id)!;
      if (e.type === 'agency') continue;
      if (demonymKinds.has(e.kind)) {
        const after = folded.lower.slice(m.end);
        if (suffixes.some((s) => after.startsWith(s))) {
          demonymOnly.add(id);
          continue;
        }
      }
      add(id);
    }
  }

  // linked entities whose own names occur in the text, though hidden by a longer match
  for (const id of linked) {
    if (found.includes(id) || demonymOnly.has(id)) continue;
    const e: GazetteerEntity | undefined = gaz.byId.get(id);
    if (!e || e.type === 'agency') continue;
    if (namesOf(e).some((n) => aliasOccurs(folded, n))) add(id);
  }

  const places: string[] = [];
  const groups: string[] = [];
  for (const id of found) (gaz.byId.get(id)!.type === 'place' ? places : groups).push(id);
  return { places, groups };
}
