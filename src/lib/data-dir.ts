/** Where the ingest writes its records and the site reads them. */
import { resolve } from 'node:path';


export function dataDir(): string {
  return resolve(process.env.DAYLINE_DATA_DIR ?? '.dayline/data');
}

export function sourcesDir(): string {
  return resolve(process.env.SOURCES_DIR ?? 'content/sources');
}

export function entitiesDir(): string {
  return resolve(process.env.ENTITIES_DIR ?? 'content/entities');
}
