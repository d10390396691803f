/**
 * Recognises headings of apparatus sections (references, see-also, external links) from the
 * language resources, so every reader skips them the same way.
 */
import sections from './resources/sections.json' with { type: 'json' };
import type { Skipped } from '../blocks.ts';
import { normalizeForCompare } from './common.ts';

const references = new Set(sections.references.map(normalizeForCompare));
const navigation = new Set(sections.navigation.map(normalizeForCompare));

/** The skip kind for a section with this heading, or undefined when it is narrative. */
export function apparatusKind(heading: string): Skipped['kind'] | undefined {
  const key = normalizeForCompare(heading.replace(/[=#:：]/g, ''));
  if (references.has(key)) return 'references';
  if (navigation.has(key)) return 'navigation';
  return undefined;
}
