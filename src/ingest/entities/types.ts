import type { z } from 'zod';
import type { EntityName, RulesFile } from './content.ts';

/** Pseudo-id of names listed in other-names.json: they claim their text but tag nothing. */
export const OTHER = '#other';

export type EntityType = 'place' | 'group' | 'agency';

/** One gazetteer entry as loaded from content/entities. */
export interface GazetteerEntity {
  id: string;
  type: EntityType;
  kind: string;
  name: EntityName;
  aliases: string[];
  parent?: string;
  members?: string[];
  /** State forces: the country whose forces these are (see content.ts). */
  state?: string;
  coords?: [number, number];
  coordsSource?: string;
  /** 1 the locality itself, 2 part of / near a locality, 3 a region or governorate centroid. */
  geoPrecision?: 1 | 2 | 3;
  /** ISO 3166 alpha-2 country the place lies in (generated). */
  country?: string;
  /** GeoNames first-level admin code (the governorate) the place lies in (generated). */
  admin1?: string;
  /** Dataset alternate names, matched only in texts of the place's region. */
  regionAliases?: string[];
  /** Names matched only as a whole word of the passage's word segmentation (埃及; matcher.ts). */
  wordAliases?: string[];
  /** a country's people as adjectives ("Lebanese"; "Iranian", "Persian"), from the dataset */
  demonyms?: string[];
  /** A dataset locality no hand entry describes: published only when some event is tagged with it. */
  locality?: boolean;
  population?: number;
  /** Where each generated name came from, by language. */
  nameSources?: Record<string, string>;
  /** A place or group no gazetteer file holds, found in a text by a cue (cued.ts): published once tagged. */
  cued?: boolean;
  /** A place of the world index (world.ts), loaded for a text about its country: published once tagged. */
  world?: boolean;
}

/** Prefix of the pseudo-ids of generic role words in the matcher ("#role:insurgents"). */
export const ROLE = '#role:';

export interface Conflict {
  id: string;
  name: EntityName;
  countries: string[];
  /** Countries across its borders whose cities and towns its texts are read for, where they name them. */
  neighbours: string[];
  chronologies: string[];
  /** Groups that fight in this war only. */
  groups: string[];
  /** role -> group id */
  actors: Record<string, string>;
}

/** What a text is about, for the tagger: its conflict (for role words) and region (for localities). */
export interface TagContext {
  conflict?: Conflict;
  /** ISO countries whose dataset localities may be tagged. */
  countries?: string[];
  /** GeoNames admin-1 codes named in the whole text, with counts (to choose between same-named localities). */
  admins?: Map<string, number>;
  /** The middle of the places the text names without doubt (computed when first asked), to choose
   * between same-named towns. */
  centre?: () => [number, number] | undefined;
  /** Latin words the whole text writes in lower case (computed when first asked): a world place's
   * one-word name among them is a word here ("east", "line", "fleet"), not the place. */
  lowerCaseWords?: () => Set<string>;
}

export interface AmbiguousAlias {
  /** Entities the alias can name. */
  ids: string[];
  /** Used when no wiki link in the passage picks one of `ids`; none = leave untagged. */
  default?: string;
  /** A compound name ("土叙边境" = the Turkish-Syrian border, "俄叙联军" = the Russian and Syrian
   * forces together): it names every one of `ids`, so all are tagged. */
  all?: boolean;
  note?: string;
}

/** Language knowledge used by the tagger, as data (content/entities/rules.json). */
/** rules.json as the loader validates it: the one schema (content.ts RulesFile) types it, so a
 * field added there is read here without a second, hand-kept interface. */
export type Rules = z.infer<typeof RulesFile>;

export interface Match {
  start: number;
  end: number;
  /** Entities the matched alias can name (more than one only for deliberately ambiguous aliases). */
  ids: string[];
}

export interface Matcher {
  /** Leftmost-longest, non-overlapping alias occurrences in `text`. */
  scan(text: string): { matches: Match[]; folded: import('./fold.ts').Folded };
  /** Entity ids whose alias equals `name` exactly (after folding), or []. */
  lookup(name: string): string[];
}

/** What one scan of a passage found: its matches and the folded text they index. */
export type Scan = ReturnType<Matcher['scan']>;

export interface Gazetteer {
  places: GazetteerEntity[];
  groups: GazetteerEntity[];
  /** News agencies, monitors and other non-parties: matched (so they are not mistaken for places or
   * parties) but never returned as tags nor published as entities. */
  agencies: GazetteerEntity[];
  /** Known names that are neither places nor groups (people, events): only silence findUnknownNames. */
  otherNames: string[];
  /** Dataset localities of the conflicts' countries that no hand entry describes. */
  localities: GazetteerEntity[];
  conflicts: Conflict[];
  /** role -> its generic words */
  roles: Map<string, string[]>;
  byId: Map<string, GazetteerEntity>;
  ambiguous: Map<string, AmbiguousAlias>;
  rules: Rules;
  matcher: Matcher;
  /** The matcher plus the dataset names of the given countries' places (built once per region). */
  matcherFor(countries: string[] | undefined): Matcher;
}
