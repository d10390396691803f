/**
 * `npx tsx scripts/map-screenshots.ts [outDir]`: screenshots of the maps (the places overview, a day
 * map, a month map with the Aleppo inset) from the built dist/, desktop and 360 px wide, light and
 * dark, English and Chinese, for looking at them. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './chromium.ts';
import { startStaticServer } from './static-server.ts';

const out = process.argv[2] ?? '/tmp/map-shots';
mkdirSync(out, { recursive: true });
const pages = [
  ['places', 'places/', '#places-map-title'],
  ['day', 'day/2014-01-04/', '#day-map-title'],
  ['month', 'month/2014-01/', '#month-map-title'],
  ['aleppo-day', 'day/2012-07-19/', '#day-map-title'],
] as const;
const server = await startStaticServer({ root: resolve(process.env.DIST_DIR ?? 'dist'), port: 0 });
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 4321;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  for (const [name, path, anchor] of pages)
    for (const lang of ['en', 'zh'])
      for (const scheme of ['light', 'dark'] as const)
        for (const [size, width] of [['desktop', 1280], ['360', 360]] as const) {
          const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
          await page.goto(`http://localhost:${port}/${lang === 'zh' ? 'zh/' : ''}${path}`);
          const section = page.locator(anchor).locator('xpath=..');
          if (await section.count()) await section.screenshot({ path: `${out}/${name}-${lang}-${scheme}-${size}.png` });
          else console.log(`no map on ${lang} ${path}`);
          await page.close();
        }
} finally {
  await browser.close();
  server.close();
}
console.log(`screenshots in ${out}`);
