/**
 * The published record shapes (see ../shared/CONTRACT.md). One zod schema, used by the ingest to
 * validate what it writes and by the Astro content collections to type what pages read.
 */
import { z } from 'zod';
import { SUBTYPE_IDS, TYPE_IDS, subtypeOf } from '../ingest/types/taxonomy.ts';

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
  /** the passage's section in the original (article address + section anchor), when the source has an address */
  url: z.string().optional(),
});

/** The languages Dayline reads into events. */
export const Lang = z.enum(['en', 'zh-Hans', 'zh-Hant']);
/** Any BCP 47 language tag: the language of a source, which may be one Dayline does not read (fr, ja, …). */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'BCP 47 language tag');

/** Ids of the event taxonomy (src/ingest/types/taxonomy.json). */
export const EventTypeId = z.enum(TYPE_IDS);
export const EventSubtypeId = z.enum(SUBTYPE_IDS);

/** One act a passage reports, with the words that report it. */
export const Act = z
  .object({ type: EventTypeId, subtype: EventSubtypeId.optional(), text: z.string().min(1) })
  .refine((a) => a.subtype === undefined || subtypeOf(a.subtype)?.type.id === a.type, { message: 'subtype of another type' });

export const FIGURE_KINDS = ['killed', 'wounded', 'captured', 'executed', 'missing'] as const;
export const FigureKind = z.enum(FIGURE_KINDS);

/** One stated casualty count (CONTRACT.md `figures`). */
export const Figure = z
  .object({
    kind: FigureKind,
    /** "at least 10": low 10, high null; "nearly 100": low null, high 100; "dozens": both null, vague */
    low: z.number().int().nonnegative().nullable(),
    high: z.number().int().nonnegative().nullable(),
    /** a group id, or a role: civilians | fighters | mixed | unknown */
    who: z.string().min(1),
    reporter: z.string().nullable(),
    vague: z.boolean(),
    /** the words as written */
    text: z.string().min(1),
    /** the count covers this kind too: "dead or missing", 伤亡 (killed or wounded) */
    orKind: FigureKind.optional(),
    /** index (in the same figures array) of the count this one is part of ("66 combatants, including 11 ISIL fighters") */
    partOf: z.number().int().nonnegative().optional(),
    /** another account of a count the passage already gave ("another report put the number at 100") */
    alternative: z.boolean().optional(),
    /** a running total over more time than the passage's date ("killed since the attack began", 截止12月26日) */
    cumulative: z.boolean().optional(),
  })
  .refine((f) => f.low === null || f.high === null || f.low <= f.high, { message: 'figure low above high' });

const eventFields = {
  id: z.string().regex(/^[a-z0-9-]+$/, 'URL-safe id'),
  date: EventDate,
  text: z.string().min(1),
  lang: Lang,
  source: SourceRef,
  places: z.array(z.string()),
  groups: z.array(z.string()),
  citations: z.array(Citation),
  /** what the passage reports (taxonomy ids); subtype only where the text says */
  type: EventTypeId,
  subtype: EventSubtypeId.optional(),
  /** every act the passage reports, in text order (empty: no act found, `type` is the taxonomy's fallback) */
  acts: z.array(Act),
  figures: z.array(Figure),
  url: z.string(),
};
const subtypeOfType = (e: { type: string; subtype?: string }) => e.subtype === undefined || subtypeOf(e.subtype)?.type.id === e.type;

/** An event as one source's ingest makes it, before the linking stage names its happening. */
export const EventDraft = z.object(eventFields).refine(subtypeOfType, { message: 'subtype of another type', path: ['subtype'] });

/** `h-YYYY-MM-DD-xxxxxx` (src/ingest/links/ids.ts): events of different sources sharing it report one happening. */
export const HappeningId = z.string().regex(/^h-\d{4}-\d{2}-\d{2}-[0-9a-f]{6}(?:-\d+)?$/, 'happening id h-YYYY-MM-DD-xxxxxx');

export const EventRecord = z
  .object({ ...eventFields, happening: HappeningId })
  .refine(subtypeOfType, { message: 'subtype of another type', path: ['subtype'] });

const DateRelation = z.enum(['same', 'overlap', 'adjacent']);
const AgreementKind = z.enum(['place', 'actors', 'act', 'numbers']);

/** /data/links.json: what the linking stage did (src/ingest/links). */
export const LinksReport = z.object({
  events: z.number().int(),
  happenings: z.number().int(),
  /** how many happenings have 1, 2, 3, … accounts */
  byAccounts: z.record(z.string(), z.number().int()),
  /** pairs of passages of different sources whose dates meet, each compared */
  pairsCompared: z.number().int(),
  /** links between accounts already joined into one happening by the links listed (counted only) */
  linksWithin: z.number().int(),
  /** pairs too close to call, all of them; `rejected` lists the closest (at most 5,000) */
  rejectedTotal: z.number().int(),
  links: z.array(
    z.object({
      happening: HappeningId,
      a: z.string(),
      b: z.string(),
      score: z.number(),
      date: DateRelation,
      kinds: z.array(AgreementKind),
      places: z.array(z.string()),
      groups: z.array(z.string()),
      act: z.enum(['subtype', 'inActs', 'type', 'sharedAct']).optional(),
      figures: z.array(z.object({ kind: FigureKind, a: z.string(), b: z.string(), exact: z.boolean() })),
      numbers: z.array(z.number()),
    }),
  ),
  /** pairs rejected as too close to call: short of a link by little (below), or beaten by a stronger link (rival) or by an account they contradict (conflict) */
  rejected: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      score: z.number(),
      kinds: z.array(AgreementKind),
      date: DateRelation,
      reason: z.enum(['below', 'rival', 'conflict']),
      instead: z.object({ id: z.string(), score: z.number() }).optional(),
    }),
  ),
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
  /** en, zh-Hans, zh-Hant are read into events; a source in any other language is reported, not read. */
  lang: LanguageTag,
  format: z.enum(['wikitext', 'markdown', 'plaintext', 'blog']),
  origin: z.string().optional(),
  url: z.string().optional(),
  /** why a source has no `url` (shown on its page), e.g. "the saved text names no address" */
  urlUnknown: z.string().optional(),
  licence: z.string().optional(),
  licenceUrl: z.string().optional(),
  published: isoDay.optional(),
  period: z.object({ start: isoDay, end: isoDay }).optional(),
  chronology: z.string().optional(),
  summary: z.string().optional(),
});

export type EventDate = z.infer<typeof EventDate>;
export type DateBasis = z.infer<typeof DateBasis>;
export type Citation = z.infer<typeof Citation>;
export type EventRecord = z.infer<typeof EventRecord>;
export type EventDraft = z.infer<typeof EventDraft>;
export type LinksReport = z.infer<typeof LinksReport>;
export type Figure = z.infer<typeof Figure>;
export type FigureKind = z.infer<typeof FigureKind>;
export type Act = z.infer<typeof Act>;
export type Entity = z.infer<typeof Entity>;
export type SourceReport = z.infer<typeof SourceReport>;
export type SourceMeta = z.infer<typeof SourceMeta>;
export type Lang = z.infer<typeof Lang>;
export type Precision = z.infer<typeof Precision>;
export type Warning = z.infer<typeof Warning>;
