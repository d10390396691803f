/** Serves one of the ingest's data files under /data/ (CONTRACT.md), byte for byte. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { dataDir } from './data-dir.ts';

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export function publishedDataFile(file: string): APIRoute {
  return () =>
    new Response(readFileSync(join(dataDir(), file)), {
      headers: { 'Content-Type': CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream' },
    });
}
