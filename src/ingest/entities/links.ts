/** Wiki-link targets to gazetteer entities. */
import type { Gazetteer } from './types.ts';
import { OTHER, ROLE } from './types.ts';

/** Article title of a link target: no fragment, underscores as spaces, no namespace prefix, or
 * undefined for namespaces that never name entities (files, categories). */
export function linkTitle(gaz: Gazetteer, target: string): string | undefined {
  let t = target.split('#')[0]!.replace(/_/g, ' ').trim().replace(/^:/, '');
  try {
    t = decodeURIComponent(t);
  } catch {
    /* keep as is */
  }
  const ns = t.match(/^([^:：]{1,20})[:：]/);
  if (ns && gaz.rules.unknownNames.linkNamespaces.some((n) => n.toLowerCase() === ns[1]!.toLowerCase())) return undefined;
  return t || undefined;
}

/** Entity ids a link target names, trying the title as is and without a trailing "(disambiguator)". */
export function resolveLink(gaz: Gazetteer, target: string): string[] {
  const title = linkTitle(gaz, target);
  if (!title) return [];
  let ids = gaz.matcher.lookup(title);
  if (!ids.length) {
    const bare = title.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
    if (bare !== title) ids = gaz.matcher.lookup(bare);
  }
  return ids.filter((id) => id !== OTHER && !id.startsWith(ROLE));
}
