/** zod schemas for the gazetteer content files in content/entities/. */
import { z } from 'zod';
import { EntityName as PublishedName } from '../../schema/records.ts';

export const EntityName = PublishedName;
export type EntityName = z.infer<typeof EntityName>;

const id = z.string().regex(/^[a-z0-9-]+$/, 'lowercase ascii slug');

export const ContentEntity = z.object({
  id,
  kind: z.string().min(1),
  name: EntityName,
  aliases: z.array(z.string().min(1)),
  parent: id.optional(),
  members: z.array(id).optional(),
  /** State forces: the country (a place id) whose forces these are. A country named as the actor of
   * a military act (rules.json stateActs: 土耳其增派軍隊, Russia's airstrikes) names them. */
  state: id.optional(),
  /** [longitude, latitude], GeoJSON order (as CONTRACT.md). */
  coords: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  coordsSource: z.string().optional(),
  /** ACLED-style: 1 the locality itself, 2 part of / near a locality, 3 a region or governorate centroid. */
  geoPrecision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  /** GeoNames id pinning the coordinates lookup when names alone do not match (scripts/gazetteer-coords.ts). */
  geonameid: z.number().int().positive().optional(),
  /** GeoNames first-level admin code of a governorate (used to disambiguate town names). */
  geonamesAdmin: z.string().optional(),
  /** Where a name typed by hand comes from, by language ("en", "zh-Hans"), for a name not met in the
   * sources (an actor the five sources never name): the generated layer's `nameSources` fill the rest. */
  nameSources: z.partialRecord(z.enum(['en', 'zh-Hans', 'zh-Hant']), z.string()).optional(),
});
export type ContentEntity = z.infer<typeof ContentEntity>;

export const PlacesFile = z.object({ places: z.array(ContentEntity) });
export const GroupsFile = z.object({ groups: z.array(ContentEntity) });
export const AgenciesFile = z.object({ agencies: z.array(ContentEntity) });
export const AmbiguousFile = z.object({
  aliases: z.record(
    z.string(),
    z.object({
      ids: z.array(id).min(2),
      default: id.optional(),
      /** A compound name ("土叙边境", "俄叙联军") that names every one of `ids` at once. */
      all: z.boolean().optional(),
      note: z.string().optional(),
    }),
  ),
});
export const OtherNamesFile = z.object({ names: z.record(z.string(), z.array(z.string().min(1))) });
/** conflicts.json: generic role words and each conflict's own actors for them. */
export const ConflictsFile = z.object({
  note: z.string().optional(),
  roles: z.record(z.string(), z.array(z.string().min(1))),
  /** Groups that fight in several wars: tagged in any text. */
  everywhere: z.array(id).default([]),
  conflicts: z.array(
    z.object({
      id,
      name: EntityName,
      /** ISO 3166 alpha-2 codes of the countries the war is fought in (the texts' region). */
      countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
      /** Countries across its borders whose cities, towns and first-level units its texts are read
       * for where they name the country (generated/localities.json holds them). */
      neighbours: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
      /** Chronology ids (manifest `chronology`) that are about this conflict. */
      chronologies: z.array(z.string()),
      /** Groups that fight in this war only: tagged only in texts about it. */
      groups: z.array(id).default([]),
      /** role -> group id playing it in this conflict. */
      actors: z.record(z.string(), id),
    }),
  ),
});

const coords = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const langName = z.object({ en: z.string().optional(), 'zh-Hans': z.string().optional(), 'zh-Hant': z.string().optional() });

/** generated/entities.json: what scripts/gazetteer.ts found for each hand-written entity. */
export const GeneratedEntitiesFile = z.object({
  note: z.string().optional(),
  datasets: z.array(z.object({ id: z.string(), package: z.string(), version: z.string(), licence: z.string(), what: z.string() })),
  entities: z.record(
    z.string(),
    z.object({
      coords: coords.optional(),
      coordsSource: z.string().optional(),
      geoPrecision: precision.optional(),
      country: z.string().optional(),
      admin1: z.string().optional(),
      name: langName.optional(),
      nameSources: z.record(z.string(), z.string()).optional(),
      /** spellings met in the texts' own evidence (link targets, glosses): matched everywhere */
      aliases: z.array(z.string()).optional(),
      /** the dataset's alternate names: matched only in texts of the place's region */
      regionAliases: z.array(z.string()).optional(),
      /** a country's people as an adjective ("Lebanese"), and where it came from */
      demonym: z.string().optional(),
      demonymSource: z.string().optional(),
    }),
  ),
});

/** generated/localities.json: dataset localities of the conflicts' countries that no hand entry
 * describes; a text of that region that names one tags it, and it is published then. */
export const GeneratedLocalitiesFile = z.object({
  note: z.string().optional(),
  localities: z.array(
    z.object({
      id,
      kind: z.string(),
      name: EntityName,
      aliases: z.array(z.string()),
      /** names read only where the passage's word segmentation makes them one word (a generated
       * country's two-character Chinese name, 埃及) */
      wordAliases: z.array(z.string()).optional(),
      parent: id.optional(),
      country: z.string(),
      admin1: z.string().optional(),
      population: z.number().optional(),
      coords,
      coordsSource: z.string(),
      geoPrecision: precision,
      nameSources: z.record(z.string(), z.string()).optional(),
    }),
  ),
});

export const RulesFile = z.object({
  /** Words after which a Han-script name glossed in brackets starts ("的", "在", "和"). */
  glossBoundaries: z.array(z.string()).optional(),
  governorate: z
    .object({
      note: z.string().optional(),
      before: z.array(z.string()),
      after: z.array(z.string()),
      anaphora: z.array(z.string()),
      joiners: z.array(z.string()),
      locatives: z.array(z.string()),
    })
    .optional(),
  placeCues: z
    .object({
      note: z.string().optional(),
      before: z.array(
        z.object({
          kind: z.string().min(1),
          one: z.array(z.string().min(1)),
          many: z.array(z.string().min(1)).default([]),
          // a verb whose object is the name: the name must stand as the object, not as an adjective
          verb: z.boolean().default(false),
          // a cue too loose to make a place of its own ("in X"): the name is read only as a known place spelled another way
          knownOnly: z.boolean().default(false),
          // a cue only where one of these words stands earlier in its sentence, at most `within` characters
          // before it ("several villages, including Tall Fanus and Qarmuta")
          requires: z.array(z.string().min(1)).default([]),
          within: z.number().int().min(0).default(0),
        }),
      ),
      /** lower-case words that may follow a verb's object ("captured Qarmuta on 3 May") */
      afterObject: z.array(z.string().min(1)).default([]),
      /** the words a Latin name closed by a Latin cue word must follow ("at Qirat village") */
      prepositions: z.array(z.string().min(1)).default([]),
      // `many`: a Latin cue word that closes a list ("the Baghiliya and Ayyash neighborhoods")
      after: z.array(
        z.object({
          kind: z.string().min(1),
          words: z.array(z.string().min(1)),
          unless: z.array(z.string().min(1)).default([]),
          many: z.boolean().default(false),
          // the cue word is part of the name ("the Jabisah oil field"), as a village's is not ("Qirat village")
          named: z.boolean().default(false),
        }),
      ),
      /** capitalised words that end a place's name and belong to it ("Tharda Mountain", "the Thayyem Oil Fields") */
      heads: z.array(z.object({ kind: z.string().min(1), words: z.array(z.string().min(1)) })).default([]),
      /** capitalised words that open a place's name and belong to it ("Wadi Khaled", "Jabal Bishri") */
      leads: z.array(z.object({ kind: z.string().min(1), words: z.array(z.string().min(1)) })).default([]),
      joiners: z.array(z.string().min(1)),
      /** words that name a place only with the number after them ("Hill 800", "Point 939") */
      numbered: z.array(z.string().min(1)).default([]),
      /** spellings of one word that a loose key folds together, each group to its first (Tall, Tal, Tell) */
      spellings: z.array(z.array(z.string().min(1)).min(2)).default([]),
    })
    .optional(),
  groupCues: z
    .object({
      note: z.string().optional(),
      // a head with `branch` names a state's military branch: the state's forces where the gazetteer has them
      heads: z.array(z.object({ kind: z.string().min(1), words: z.array(z.string().min(1)), branch: z.boolean().default(false) })),
      /** capitalised words that open a group's name ("Liwa al-Quds", "Jabhat Thuwar al-Raqqa") */
      leads: z.array(z.object({ kind: z.string().min(1), words: z.array(z.string().min(1)) })).default([]),
      stops: z.array(z.string().min(1)),
      numbers: z.array(z.string().min(1)).default([]),
      /** possessives that stand inside a group's name ("People's" of the People's Liberation Army) */
      possessives: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  stateActs: z
    .object({
      note: z.string().optional(),
      words: z.array(z.string().min(1)),
      within: z.number().int().min(0),
      // a country right after one of these is where the act goes, not its actor (到叙利亚执行轰炸任务)
      placeAfter: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  namedInside: z.object({ note: z.string().optional(), kinds: z.array(z.string()) }).optional(),
  demonym: z.object({ kinds: z.array(z.string()), suffixes: z.array(z.string()), places: z.array(z.string()).default([]) }),
  unknownNames: z.object({
    particles: z.array(z.string()),
    notNames: z.array(z.string()),
    linkNamespaces: z.array(z.string()),
    hanNameSuffixes: z.array(z.string()),
  }),
});
