/**
 * Screenshots of the built site for looking at pages: every page given, desktop (1280 px) and
 * narrow (360 px), light and dark, English and Chinese UI, full page, into screenshots/.
 *
 *   npx tsx scripts/screenshots.ts                       # the default pages of dist/
 *   npx tsx scripts/screenshots.ts day/2014-01-04/ search/?q=Aleppo
 *   DIST_DIR=… npx tsx scripts/screenshots.ts
 *
 * File names: <page>-<en|zh>-<desktop|narrow>-<light|dark>.png (the page path with / as _).
 * SCREENSHOTS_ONLY=zh-narrow,… keeps the names holding one of these; SCREENSHOTS_SLICE=1000 also
 * writes the page in slices of that height (…-s1.png, …-s2.png), readable at a glance.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './chromium.ts';
import { startStaticServer } from './static-server.ts';

const DEFAULT_PAGES = ['', 'day/2014-01-04/', 'day/2014-09-15/', 'day/2012-07-19/', 'source/en-inter-rebel-conflict/', 'search/?q=Aleppo'];
const VIEWPORTS = { desktop: 1280, narrow: 360 } as const;

const dist = path.resolve(process.env.DIST_DIR ?? 'dist');
const outDir = path.resolve(process.env.SCREENSHOTS_DIR ?? 'screenshots');
const pages = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_PAGES;
const only = (process.env.SCREENSHOTS_ONLY ?? '').split(',').filter(Boolean);
const slice = Number(process.env.SCREENSHOTS_SLICE ?? 0);

mkdirSync(outDir, { recursive: true });
const server = await startStaticServer({ root: dist, port: 0, base: '/' });
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  for (const page of pages) {
    for (const locale of ['en', 'zh'] as const) {
      for (const [view, width] of Object.entries(VIEWPORTS)) {
        for (const scheme of ['light', 'dark'] as const) {
          const name = `${(page.replace(/[/?=&#]+/g, '_').replace(/^_|_$/g, '') || 'overview')}-${locale}-${view}-${scheme}`;
          if (only.length && !only.some((o) => name.includes(o))) continue;
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
          const tab = await context.newPage();
          const res = await tab.goto(`${origin}${locale === 'zh' ? 'zh/' : ''}${page}`);
          if (page.startsWith('search')) await tab.waitForSelector('#dayline-search[data-ready="true"]', { timeout: 20_000 }).catch(() => undefined);
          await tab.screenshot({ path: path.join(outDir, `${name}.png`), fullPage: true });
          if (slice > 0) {
            const height = await tab.evaluate(() => document.documentElement.scrollHeight);
            for (let y = 0, k = 1; y < height; y += slice, k++)
              await tab.screenshot({ path: path.join(outDir, `${name}-s${k}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(slice, height - y) } });
          }
          console.log(`${res?.status()} ${name}.png`);
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await new Promise<void>((ok) => server.close(() => ok()));
}
