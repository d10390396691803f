/** Publishes the ingest's data files under /data/ (CONTRACT.md), byte for byte. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { PUBLISHED_DATA_FILES, dataDir } from '../../lib/data-dir.ts';

export function getStaticPaths() {
  return PUBLISHED_DATA_FILES.map((file) => ({ params: { file } }));
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

export const GET: APIRoute = ({ params }) => {
  const file = String(params.file);
  const body = readFileSync(join(dataDir(), file));
  return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream' } });
};
