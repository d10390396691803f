/**
 * Builds the Pagefind search index for the built site: one custom record per event (see
 * src/search/records.ts), written to <distDir>/pagefind/, plus <distDir>/pagefind/dayline-labels.json
 * (readable names of every filter value, per UI language).
 *
 *   npx tsx scripts/search-index.ts            # DAYLINE_DATA_DIR (or .dayline/data) → dist/
 *
 * The Node API runs the `pagefind_extended` binary when it is installed (it is preferred over
 * `pagefind`; PAGEFIND_EXTENDED_BINARY_PATH / PAGEFIND_BINARY_PATH override). Only the extended
 * build segments Chinese, so we refuse to build without it unless allowed explicitly.
 */
import { readFile, writeFile, rm, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import type { Entity, EventRecord, SourceMeta } from '../src/schema/records.ts';
import { buildSearchRecords, normaliseBase, openccConverters, SEARCH_LANGUAGE } from '../src/search/records.ts';

export interface BuildSearchIndexOptions {
  /** folder with events.json, entities.json, sources.json (default DAYLINE_DATA_DIR or .dayline/data) */
  dataDir?: string;
  /** the built site (default dist) */
  distDir?: string;
  /** URL path prefix (default BASE_PATH or "/") */
  base?: string;
  /** print progress (default true) */
  verbose?: boolean;
}

export interface BuildSearchIndexResult {
  records: number;
  outputPath: string;
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

  const outputPath = path.join(distDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });
  await mkdir(outputPath, { recursive: true });

  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind createIndex failed: ${errors.join('; ')}`);
  try {
    for (const record of records) {
      const res = await index.addCustomRecord(record);
      if (res.errors.length) warnings.push(`${record.url}: ${res.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind writeFiles failed: ${written.errors.join('; ')}`);
  } finally {
    await index.deleteIndex().catch(() => {});
    await pagefind.close();
  }
  // The default UIs are not used (the search page has its own client): drop them so nothing that
  // needs inline styles ships, and keep the output small.
  for (const f of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
    await rm(path.join(outputPath, f), { force: true });
  }
  await writeFile(path.join(outputPath, 'dayline-labels.json'), JSON.stringify(labels));

  const ms = Math.round(performance.now() - t0);
  if (verbose) {
    for (const w of warnings) console.warn(`search index: warning: ${w}`);
    console.log(`search index: ${records.length} events → ${path.relative(process.cwd(), outputPath) || outputPath} (language "${SEARCH_LANGUAGE}", base ${base}) in ${ms} ms`);
  }
  return { records: records.length, outputPath, language: SEARCH_LANGUAGE, ms, warnings };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSearchIndex().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
