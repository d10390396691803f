/**
 * The event taxonomy (taxonomy.json beside this file), typed. One source for the ingest, the
 * record schema and the site: ids, names in the three scripts, ACLED equivalents, search aliases.
 */
import data from './taxonomy.json' with { type: 'json' };

export interface TaxonomyName {
  en: string;
  'zh-Hans': string;
  'zh-Hant': string;
}

export interface Subtype {
  id: string;
  acled: string;
  name: TaxonomyName;
  aliases?: { en?: string[]; 'zh-Hans'?: string[] };
  /** who counts as the government for a rule that leaves the sub-type to the actor */
  actors?: { kinds: string[]; ids: string[] };
}

export interface EventType extends Omit<Subtype, 'actors'> {
  /** 0 violence, 1 protests, 2 developments: the type of a passage is its first act of the lowest tier */
  tier: number;
  subtypes: Subtype[];
}

export interface Taxonomy {
  fallback: string;
  zhHantByHand: string[];
  types: EventType[];
}

export const TAXONOMY = data as unknown as Taxonomy;

export const TYPE_IDS = TAXONOMY.types.map((t) => t.id) as [string, ...string[]];
export const SUBTYPE_IDS = TAXONOMY.types.flatMap((t) => t.subtypes.map((s) => s.id)) as [string, ...string[]];

const typeById = new Map(TAXONOMY.types.map((t) => [t.id, t]));
const subtypeById = new Map(TAXONOMY.types.flatMap((t) => t.subtypes.map((s) => [s.id, { subtype: s, type: t }] as const)));

export function eventType(id: string): EventType | undefined {
  return typeById.get(id);
}

/** A sub-type and the type it belongs to. */
export function subtypeOf(id: string): { subtype: Subtype; type: EventType } | undefined {
  return subtypeById.get(id);
}

/** The name of a type or sub-type id in one script (the id itself when unknown). */
export function taxonomyName(id: string, lang: keyof TaxonomyName): string {
  return (typeById.get(id) ?? subtypeById.get(id)?.subtype)?.name[lang] || id;
}

/** Every way of writing a type or sub-type: its names in the three scripts and its aliases. */
export function taxonomyTerms(id: string): string[] {
  const entry = typeById.get(id) ?? subtypeById.get(id)?.subtype;
  if (!entry) return [id];
  const out = [entry.name.en, entry.name['zh-Hans'], entry.name['zh-Hant'], ...(entry.aliases?.en ?? []), ...(entry.aliases?.['zh-Hans'] ?? [])];
  return [...new Set(out.filter(Boolean))];
}
