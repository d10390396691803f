/**
 * Lighthouse on the built site: serves dist/ with the gzip static server (scripts/static-server.ts),
 * starts Debian's Chromium with chrome-launcher and runs Lighthouse (node API) on the overview and
 * a day page, with the mobile (default) and desktop presets. Prints the four category scores.
 *
 *   npx tsx scripts/lighthouse.ts                      # dist/, pages / and /day/2014-01-04/
 *   npx tsx scripts/lighthouse.ts --min 98 /day/2014-01-05/
 *   DIST_DIR=… BASE_PATH=… CHROMIUM_PATH=… npx tsx scripts/lighthouse.ts
 *
 * With --min N the exit code is 1 when any score is below N.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags } from 'lighthouse';
import { startStaticServer } from './static-server.ts';
import { CHROMIUM_LAUNCH } from './chromium.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Preset = 'mobile' | 'desktop';

export const DEFAULT_PAGES = ['/', '/day/2014-01-04/'];

/** The flags every browser run of the project uses. */
export const CHROME_FLAGS = CHROMIUM_LAUNCH.args!;

export interface LighthouseScore {
  page: string;
  preset: Preset;
  scores: Record<Category, number>;
  /** ids of audits that failed (score < 1), for finding what to fix */
  failing: string[];
}

export interface LighthouseOptions {
  dist?: string;
  base?: string;
  pages?: string[];
  presets?: Preset[];
  chromePath?: string;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Runtime errors Lighthouse itself says to retry. */
const RETRYABLE = new Set(['NO_NAVSTART', 'NO_FCP', 'NO_LCP', 'PROTOCOL_TIMEOUT']);
const RETRIES = 2;

export async function runLighthouse(opts: LighthouseOptions = {}): Promise<LighthouseScore[]> {
  const dist = path.resolve(opts.dist ?? process.env.DIST_DIR ?? 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`lighthouse: ${dist}/index.html is missing (run npm run build first)`);
  const base = `/${(opts.base ?? process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const pages = opts.pages ?? DEFAULT_PAGES;
  const presets = opts.presets ?? ['mobile', 'desktop'];

  const server = await startStaticServer({ root: dist, port: 0, base, host: '127.0.0.1' });
  const port = (server.address() as AddressInfo).port;
  const chrome = await chromeLauncher.launch({ chromePath: opts.chromePath ?? chromiumPath(), chromeFlags: CHROME_FLAGS });
  const out: LighthouseScore[] = [];
  try {
    for (const page of pages) {
      const url = `http://127.0.0.1:${port}${base}${page.replace(/^\/+/, '')}`;
      for (const preset of presets) {
        const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
        const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
        // Lighthouse may fail to record a trace on a loaded machine (NO_NAVSTART, NO_FCP) and asks to be
        // run again: a few more tries before the error stands.
        let result = await lighthouse(url, flags, config);
        for (let retry = 0; retry < RETRIES && result?.lhr.runtimeError && RETRYABLE.has(result.lhr.runtimeError.code); retry++) result = await lighthouse(url, flags, config);
        if (!result) throw new Error(`lighthouse: no result for ${url}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`lighthouse: ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const scores = Object.fromEntries(
          CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
        ) as Record<Category, number>;
        const inCategories = new Set(CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs.filter((r) => r.weight > 0).map((r) => r.id) ?? []));
        const failing = Object.values(lhr.audits)
          .filter((a) => inCategories.has(a.id) && a.score !== null && a.score < 1)
          .map((a) => `${a.id} (${a.score})`);
        out.push({ page, preset, scores, failing });
      }
    }
  } finally {
    chrome.kill();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
  return out;
}

export function scoreTable(results: LighthouseScore[]): string {
  const header = `| page | preset | ${CATEGORIES.join(' | ')} |`;
  const rule = `| --- | --- | ${CATEGORIES.map(() => '---').join(' | ')} |`;
  const rows = results.map((r) => `| ${r.page} | ${r.preset} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const minAt = args.indexOf('--min');
  const min = minAt >= 0 ? Number(args.splice(minAt, 2)[1]) : undefined;
  const pages = args.filter((a) => !a.startsWith('--'));
  const results = await runLighthouse({ pages: pages.length ? pages : undefined });
  console.log(scoreTable(results));
  for (const r of results) if (r.failing.length) console.log(`${r.page} ${r.preset}: ${r.failing.join(', ')}`);
  if (min !== undefined && results.some((r) => CATEGORIES.some((c) => r.scores[c] < min))) process.exitCode = 1;
}
