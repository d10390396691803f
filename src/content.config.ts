/**
 * Content collections over the ingest's data directory (DAYLINE_DATA_DIR, default .dayline/data).
 * The schemas are the shared ones from src/schema/records.ts: one zod schema for ingest and site.
 */
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'zod';
import { EventRecord, Entity, SourceMeta, SourceReport } from './schema/records.ts';

const dataDir = (process.env.DAYLINE_DATA_DIR || '.dayline/data').replace(/\/+$/, '');

/** sources.json: SourceMeta plus the lead paragraph (summary) and infobox fields the ingest extracts. */
export const SourceInfo = SourceMeta.extend({
  infobox: z.record(z.string(), z.string()).optional(),
});

export const collections = {
  events: defineCollection({ loader: file(`${dataDir}/events.json`), schema: EventRecord }),
  entities: defineCollection({ loader: file(`${dataDir}/entities.json`), schema: Entity }),
  sources: defineCollection({ loader: file(`${dataDir}/sources.json`), schema: SourceInfo }),
  reports: defineCollection({ loader: file(`${dataDir}/report.json`), schema: SourceReport }),
};
