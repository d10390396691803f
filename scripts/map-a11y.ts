/**
 * `npx tsx scripts/map-a11y.ts`: html-validate and axe-core (light and dark) on the built pages that
 * carry maps (places overview, day, month, place pages, English and Chinese), on the real data:
 * the end-to-end suite builds from fixtures, whose places may have no coordinates. Needs a build.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium } from 'playwright-core';
import { CHROMIUM_LAUNCH } from './chromium.ts';
import { startStaticServer } from './static-server.ts';
const pages = ['places/', 'zh/places/', 'day/2014-01-04/', 'zh/day/2014-01-04/', 'month/2014-01/', 'zh/month/2014-01/', 'day/2012-07-19/', 'place/salaheddine/'];
const v = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'void-style': 'off', 'no-trailing-whitespace': 'off', 'attribute-boolean-style': 'off', 'long-title': 'off' } });
for (const p of pages) {
  const r = await v.validateString(readFileSync(`dist/${p}index.html`, 'utf8'), p);
  const m = r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`));
  console.log('html', p, m.length ? m.slice(0, 5) : 'ok');
}
const server = await startStaticServer({ root: resolve('dist'), port: 0 });
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
for (const dark of [false, true]) for (const p of pages) {
  const page = await browser.newPage({ colorScheme: dark ? 'dark' : 'light', bypassCSP: true });
  await page.goto(`http://localhost:${port}/${p}`);
  await page.evaluate(axe);
  // @ts-expect-error injected
  const out = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((x) => `${x.id}: ${x.nodes.length}`));
  console.log('axe', dark ? 'dark' : 'light', p, out.length ? out : 'ok');
  await page.close();
}
await browser.close();
server.close();
