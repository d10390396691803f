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
  /** [longitude, latitude], GeoJSON order (as CONTRACT.md). */
  coords: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
  coordsSource: z.string().optional(),
  /** GeoNames id pinning the coordinates lookup when names alone do not match (scripts/gazetteer-coords.ts). */
  geonameid: z.number().int().positive().optional(),
  /** GeoNames first-level admin code of a governorate (used to disambiguate town names). */
  geonamesAdmin: z.string().optional(),
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
export const RulesFile = z.object({
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
  namedInside: z.object({ note: z.string().optional(), kinds: z.array(z.string()) }).optional(),
  demonym: z.object({ kinds: z.array(z.string()), suffixes: z.array(z.string()) }),
  unknownNames: z.object({
    particles: z.array(z.string()),
    notNames: z.array(z.string()),
    linkNamespaces: z.array(z.string()),
    hanNameSuffixes: z.array(z.string()),
  }),
});
