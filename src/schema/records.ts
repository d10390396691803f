/**
 * The published record shapes (see ../shared/CONTRACT.md). One zod schema, used by the ingest to
 * validate what it writes and by the Astro content collections to type what pages read.
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO day YYYY-MM-DD');

export const PRECISIONS = ['day', 'month', 'season', 'year'] as const;
export const Precision = z.enum(PRECISIONS);

/**
 * How a date was obtained: stated (the passage writes it in full), heading (from a heading or date
 * line above it), inherited (continues the previous passage's date), relative (computed from
 * another date: "the next day", "on Friday" in a dated post), context (completed from the
 * document's period, title, lead, infobox or dateline, e.g. its year).
 */
export const DATE_BASES = ['stated', 'heading', 'inherited', 'relative', 'context'] as const;
export const DateBasis = z.enum(DATE_BASES);

export const EventDate = z
  .object({
    start: isoDay,
    end: isoDay,
    precision: Precision,
    expression: z.string().min(1),
    basis: DateBasis,
  })
  .refine((d) => d.start <= d.end, { message: 'date.end is before date.start' });

export const Citation = z.object({
  title: z.string().optional(),
  url: z.string().optional(),
  archiveUrl: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
});

export const SourceRef = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string(),
  section: z.array(z.string()),
  line: z.number().int().positive(),
});

export const Lang = z.enum(['en', 'zh-Hans', 'zh-Hant']);

export const EventRecord = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'URL-safe id'),
  date: EventDate,
  text: z.string().min(1),
  lang: Lang,
  source: SourceRef,
  places: z.array(z.string()),
  groups: z.array(z.string()),
  citations: z.array(Citation),
  url: z.string(),
});

export const EntityName = z.object({
  en: z.string(),
  'zh-Hans': z.string().optional(),
  'zh-Hant': z.string().optional(),
});

export const Entity = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  type: z.enum(['place', 'group']),
  kind: z.string(),
  name: EntityName,
  aliases: z.array(z.string()),
  coords: z.tuple([z.number(), z.number()]).optional(), // [longitude, latitude], GeoJSON order
  coordsSource: z.string().optional(),
  /** ACLED-style: 1 the locality itself, 2 part of or near a locality, 3 a region or governorate centroid */
  geoPrecision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  parent: z.string().optional(),
  members: z.array(z.string()).optional(),
  url: z.string(),
});

export const UndatedParagraph = z.object({ line: z.number().int(), firstWords: z.string(), reason: z.string() });
export const Warning = z.object({ file: z.string(), line: z.number().int(), message: z.string() });

export const SourceReport = z.object({
  id: z.string(),
  file: z.string(),
  title: z.string(),
  format: z.string(),
  lang: z.string(),
  paragraphsRead: z.number().int(),
  eventsMade: z.number().int(),
  undated: z.array(UndatedParagraph),
  skipped: z.array(z.object({ line: z.number().int(), kind: z.string(), firstWords: z.string() })),
  warnings: z.array(Warning),
  unknownNames: z.array(z.object({ name: z.string(), count: z.number().int() })).optional(),
});

export const SourceMeta = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  file: z.string(),
  title: z.string(),
  lang: Lang,
  format: z.enum(['wikitext', 'markdown', 'plaintext', 'blog']),
  origin: z.string().optional(),
  url: z.string().optional(),
  licence: z.string().optional(),
  licenceUrl: z.string().optional(),
  published: isoDay.optional(),
  period: z.object({ start: isoDay, end: isoDay }).optional(),
  chronology: z.string().optional(),
  summary: z.string().optional(),
});

export type EventDate = z.infer<typeof EventDate>;
export type Citation = z.infer<typeof Citation>;
export type EventRecord = z.infer<typeof EventRecord>;
export type Entity = z.infer<typeof Entity>;
export type SourceReport = z.infer<typeof SourceReport>;
export type SourceMeta = z.infer<typeof SourceMeta>;
export type Lang = z.infer<typeof Lang>;
export type Precision = z.infer<typeof Precision>;
export type DateBasis = z.infer<typeof DateBasis>;
export type Warning = z.infer<typeof Warning>;
