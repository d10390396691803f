/**
 * Builds the Pagefind search index for the built site: one custom record per event (see
 * src/search/records.ts), written to <distDir>/pagefind/ (and pagefind-part-N/ when the events
 * do not fit one part), plus in <distDir>/pagefind/: dayline-labels-<filter>.json (readable names
 * of a filter's values, per UI language) and dayline-parts.json (the parts, their dates and routed
 * filter values; src/search/parts.ts).
 *
 *   npx tsx scripts/search-index.ts            # DAYLINE_DATA_DIR (or .dayline/data) → dist/
 *
 * The Node API runs the `pagefind_extended` binary when it is installed (it is preferred over
 * `pagefind`; PAGEFIND_EXTENDED_BINARY_PATH / PAGEFIND_BINARY_PATH override). Only the extended
 * build segments Chinese; without it the index is still written, with a warning in the output.
 */
import { readFile, readdir, writeFile, rm, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Entity, EventRecord, SourceMeta } from '../src/schema/records.ts';
import { buildSearchRecords, normaliseBase, openccConverters, SEARCH_LANGUAGE } from '../src/search/records.ts';
import { ROWS_FILE } from '../src/search/parts.ts';
import { describeParts, labelsFile, PARTS_FILE, splitRecords } from '../src/search/parts.ts';
import type { SearchRecord } from '../src/search/records.ts';

/**
 * Records per Pagefind bundle. A search reads a bundle's page list (about 10 bytes per event,
 * compressed) before it can answer; 2,000 events keep that near 21 KB, so that a first search
 * stays under 150 KB whatever the size of the corpus (src/search/parts.ts; measured by
 * `npm run bench`). Small parts also bound the indexer's memory (about 175 KB per event while a
 * bundle is written).
 */
const DEFAULT_PART_SIZE = 2000;

function partSizeFromEnv(): number {
  const raw = process.env.SEARCH_PART_SIZE;
  if (!raw) return DEFAULT_PART_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SEARCH_PART_SIZE must be a positive integer (got ${JSON.stringify(raw)})`);
  return n;
}

/**
 * Result fragments per bundle for a deploy bundle (DEPLOY_BUNDLE=1). Pagefind writes one fragment
 * file per result; with a cap it packs results that follow each other into shared files. A first
 * search then loads a few larger files instead of ten small ones, and the site has about one file
 * fewer per event: what lets a large corpus fit a host's file-count limit.
 */
export const BUNDLE_MAX_FRAGMENTS = 100;

function maxFragmentsFromEnv(): number | undefined {
  if (process.env.DEPLOY_BUNDLE !== '1') return undefined;
  const raw = process.env.BUNDLE_MAX_FRAGMENTS;
  const n = raw ? Number(raw) : BUNDLE_MAX_FRAGMENTS;
  if (!Number.isInteger(n) || n < 1) throw new Error(`BUNDLE_MAX_FRAGMENTS must be a positive integer (got ${JSON.stringify(raw)})`);
  return n;
}

/**
 * Writes one Pagefind bundle with its own service: the Node API keeps a single `pagefind_extended`
 * process until close(), and that process holds the whole index in memory until then, so each part
 * gets a fresh one (createIndex after close() spawns a new process) and the memory is given back
 * before the next part starts.
 */
async function writePart(records: SearchRecord[], outputPath: string, warnings: string[], maxFragments?: number): Promise<void> {
  await mkdir(outputPath, { recursive: true });
  const { index, errors } = await pagefind.createIndex(maxFragments ? { maxFragments } : {});
  if (!index) throw new Error(`pagefind createIndex failed: ${errors.join('; ')}`);
  try {
    for (const { row: _row, ...record } of records) {
      const res = await index.addCustomRecord(record);
      if (res.errors.length) warnings.push(`${record.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind writeFiles failed: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex().catch(() => {});
    await pagefind.close();
  }
  await writeFile(path.join(outputPath, ROWS_FILE), JSON.stringify(Object.fromEntries(records.map((r) => [r.url, r.row ?? []]))));
  // The default UIs are not used (the search page has its own client): drop them so nothing that
  // needs inline styles ships, and keep the output small.
  for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
    await rm(path.join(outputPath, f), { force: true });
  }
}

export interface BuildSearchIndexOptions {
  /** folder with events.json, entities.json, sources.json (default DAYLINE_DATA_DIR or .dayline/data) */
  dataDir?: string;
  /** the built site (default dist) */
  distDir?: string;
  /** URL path prefix (default BASE_PATH or "/") */
  base?: string;
  /** print progress (default true) */
  verbose?: boolean;
  /** at most this many records per Pagefind bundle (default SEARCH_PART_SIZE or 2000) */
  partSize?: number;
  /** at most this many result-fragment files per bundle, more results sharing a file (default:
   * one file per result; DEPLOY_BUNDLE=1 sets BUNDLE_MAX_FRAGMENTS) */
  maxFragments?: number;
}

export interface BuildSearchIndexResult {
  records: number;
  outputPath: string;
  /** number of Pagefind bundles written (pagefind/, then pagefind-part-1/ …) */
  parts: number;
  language: string;
  ms: number;
  warnings: string[];
}

async function readJson<T>(file: string, fallback?: T): Promise<T> {
  if (!existsSync(file)) {
    if (fallback !== undefined) return fallback;
    throw new Error(`search index: ${file} is missing (run the ingest first)`);
  }
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Chronology titles from the site's UI strings (src/i18n/<locale>.json, keys "chronology.<id>"). */
async function readChronologyTitles(): Promise<Record<string, { en?: string; zh?: string }>> {
  const out: Record<string, { en?: string; zh?: string }> = {};
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const locale of ['en', 'zh'] as const) {
    const strings = await readJson<Record<string, unknown>>(path.join(root, 'src', 'i18n', `${locale}.json`), {});
    for (const [key, value] of Object.entries(strings)) {
      const m = /^chronology\.([a-z0-9-]+)$/.exec(key);
      if (m && typeof value === 'string') (out[m[1]] ??= {})[locale] = value;
    }
  }
  return out;
}

/** Checks the extended binary is the one the Node API will spawn (it is what segments Chinese). */
function checkExtendedBinary(): string | undefined {
  if (process.env.PAGEFIND_EXTENDED_BINARY_PATH) return undefined;
  if (process.env.PAGEFIND_BINARY_PATH) return 'PAGEFIND_BINARY_PATH is set: make sure it points at pagefind_extended, or Chinese will not be segmented';
  const require = createRequire(import.meta.url);
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  try {
    require.resolve(`@pagefind/${platform}-${process.arch}/bin/${exe}`);
    return undefined;
  } catch {
    return `@pagefind/${platform}-${process.arch} has no pagefind_extended: Chinese text will not be segmented into words`;
  }
}

export async function buildSearchIndex(opts: BuildSearchIndexOptions = {}): Promise<BuildSearchIndexResult> {
  const t0 = performance.now();
  const dataDir = path.resolve(opts.dataDir ?? process.env.DAYLINE_DATA_DIR ?? '.dayline/data');
  const distDir = path.resolve(opts.distDir ?? 'dist');
  const base = normaliseBase(opts.base ?? process.env.BASE_PATH ?? '/');
  const verbose = opts.verbose ?? true;
  const warnings: string[] = [];

  const binaryWarning = checkExtendedBinary();
  if (binaryWarning) warnings.push(binaryWarning);

  const [events, entities, sources] = await Promise.all([
    readJson<EventRecord[]>(path.join(dataDir, 'events.json')),
    readJson<Entity[]>(path.join(dataDir, 'entities.json'), []),
    readJson<SourceMeta[]>(path.join(dataDir, 'sources.json'), []),
  ]);
  const chronologyTitles = await readChronologyTitles();
  const { records, labels } = buildSearchRecords({ events, entities, sources, base, chronologyTitles, converters: await openccConverters() });

  const partSize = opts.partSize ?? partSizeFromEnv();
  const parts = splitRecords(records, partSize);
  const outputPath = path.join(distDir, 'pagefind');
  // Remove every bundle a previous build wrote (it may have had more parts).
  for (const name of await readdir(distDir).catch(() => [] as string[])) {
    if (name === 'pagefind' || /^pagefind-part-\d+$/.test(name)) await rm(path.join(distDir, name), { recursive: true, force: true });
  }
  const dirs = parts.map((_, p) => (p === 0 ? 'pagefind' : `pagefind-part-${p}`));
  const maxFragments = opts.maxFragments ?? maxFragmentsFromEnv();
  for (let p = 0; p < parts.length; p++) await writePart(parts[p], path.join(distDir, dirs[p]), warnings, maxFragments);
  for (const [filter, names] of Object.entries(labels)) await writeFile(path.join(outputPath, labelsFile(filter)), JSON.stringify(names));
  const manifest = describeParts(parts, dirs.map((d) => `${d}/`));
  await writeFile(path.join(outputPath, PARTS_FILE), JSON.stringify(manifest));

  const ms = Math.round(performance.now() - t0);
  if (verbose) {
    for (const w of warnings) console.warn(`search index: warning: ${w}`);
    console.log(`search index: ${records.length} events → ${path.relative(process.cwd(), outputPath) || outputPath}${parts.length > 1 ? ` + ${parts.length - 1} more part(s)` : ''} (language "${SEARCH_LANGUAGE}", base ${base}) in ${ms} ms`);
  }
  return { records: records.length, outputPath, parts: parts.length, language: SEARCH_LANGUAGE, ms, warnings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSearchIndex().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
