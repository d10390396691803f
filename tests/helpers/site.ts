/**
 * Test helper: build the static site once (or reuse a fresh build) and serve it on a free
 * localhost port with a tiny static file server. Shared by the browser suites.
 *
 *   const site = await startSite();            // builds tests/fixtures/data into test-results/site/dist
 *   await page.goto(site.url('day/2014-01-04/'));
 *   await site.close();
 *
 * Environment:
 *   DAYLINE_SITE_DIST  serve this already-built dist instead of building (e.g. "dist")
 *   DAYLINE_DATA_DIR   data directory to build from (default tests/fixtures/data)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { startStaticServer } from '../../scripts/static-server.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURE_DATA = join(ROOT, 'tests', 'fixtures', 'data');

export interface BuildOptions {
  /** data directory (DAYLINE_DATA_DIR) to build from */
  dataDir?: string;
  /** where to write the site (default test-results/site/dist) */
  outDir?: string;
  /** URL base path (BASE_PATH) */
  base?: string;
  /** build even if a fresh build exists */
  force?: boolean;
  /** extra environment for the build */
  env?: Record<string, string>;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Build the site with `astro build` into outDir; reuse it when nothing it depends on changed. */
export function buildSite(opts: BuildOptions = {}): string {
  const dataDir = resolve(opts.dataDir ?? process.env.DAYLINE_DATA_DIR ?? FIXTURE_DATA);
  const outDir = resolve(opts.outDir ?? join(ROOT, 'test-results', 'site', 'dist'));
  const base = opts.base ?? '/';
  const stamp = `${outDir}.stamp`;
  const stampText = JSON.stringify({ dataDir, base, env: opts.env ?? {} });
  const inputs = Math.max(
    newestMtime(join(ROOT, 'src')),
    newestMtime(join(ROOT, 'public')),
    newestMtime(join(ROOT, 'astro.config.mjs')),
    newestMtime(dataDir),
  );
  const fresh =
    !opts.force && existsSync(stamp) && existsSync(join(outDir, 'index.html')) && statSync(stamp).mtimeMs > inputs &&
    readFileText(stamp) === stampText;
  if (!fresh) {
    mkdirSync(resolve(outDir, '..'), { recursive: true });
    execFileSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
      cwd: ROOT,
      stdio: process.env.DAYLINE_TEST_VERBOSE ? 'inherit' : 'pipe',
      env: { ...process.env, DAYLINE_DATA_DIR: dataDir, BASE_PATH: base, ...(opts.env ?? {}) },
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(stamp, stampText);
  }
  return outDir;
}

function readFileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

export interface ServedSite {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** the base path the site is served under */
  base: string;
  dist: string;
  /** absolute URL of a site path ("day/2014-01-04/") */
  url(path?: string): string;
  close(): Promise<void>;
}

/** Serve a built dist directory under `base` on a free localhost port (the server `npm start` uses). */
export async function serveDist(dist: string, base = '/'): Promise<ServedSite> {
  const root = resolve(dist);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = await startStaticServer({ root, port: 0, base: prefix });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    base: prefix,
    dist: root,
    url: (path = '') => `${origin}${prefix}${path.replace(/^\/+/, '')}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** Build (or reuse) the site and serve it. DAYLINE_SITE_DIST skips the build. */
export async function startSite(opts: BuildOptions = {}): Promise<ServedSite> {
  const dist = process.env.DAYLINE_SITE_DIST ? resolve(ROOT, process.env.DAYLINE_SITE_DIST) : buildSite(opts);
  return serveDist(dist, opts.base ?? process.env.BASE_PATH ?? '/');
}

/** Every file under dir, as paths relative to dir with forward slashes. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}
