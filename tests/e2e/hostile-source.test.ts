/**
 * Source text is data: a source carrying <script>, event-handler HTML and javascript: URLs goes
 * through the real ingest and the real Astro build, and nothing of it runs in the browser.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.ts';
import { writeData } from '../../scripts/ingest.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { ROOT, buildSite, serveDist, type ServedSite } from '../helpers/site.ts';

const HOSTILE_MARKDOWN = `# Hostile chronicle

## 2014

**5 January**

Rebels took the town of Manbij.<script>window.__pwned = 'script'</script> Witnesses said so.

<img src="x" onerror="window.__pwned = 'onerror'"> On 6 January, fighting spread to [the hospital](javascript:window.__pwned='link').

On 7 January, a statement <b onmouseover="window.__pwned='hover'">was read</b> in Aleppo.
`;

let site: ServedSite;
let browser: Browser;
let events: { id: string; text: string; date: { start: string } }[];

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'dayline-hostile-'));
  const sources = join(work, 'sources');
  const data = join(work, 'data');
  mkdirSync(sources);
  writeFileSync(join(sources, 'hostile.md'), HOSTILE_MARKDOWN);
  const result = ingest({ sourcesDir: sources, entitiesDir: join(ROOT, 'content/entities') });
  writeData(result, data);
  events = result.events;
  const dist = buildSite({ dataDir: data, outDir: join(ROOT, 'test-results', 'site', 'dist-hostile') });
  return serveDist(dist).then(async (served) => {
    site = served;
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('a source with scripts, event handlers and javascript: links', () => {
  it('still builds into dated events', () => {
    expect(events.map((e) => e.date.start)).toEqual(expect.arrayContaining(['2014-01-05', '2014-01-06', '2014-01-07']));
  });

  it('publishes no javascript: URL and no raw script from the source', () => {
    for (const day of ['2014-01-05', '2014-01-06', '2014-01-07']) {
      const html = readFileSync(join(site.dist, 'day', day, 'index.html'), 'utf8');
      expect(html).not.toMatch(/href="javascript:/i);
      expect(html).not.toContain('__pwned = ');
      expect(html).not.toMatch(/<img[^>]+onerror/i);
      expect(html).not.toMatch(/<b[^>]+onmouseover/i);
    }
  });

  it('runs none of it in the browser', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const day of ['2014-01-05', '2014-01-06', '2014-01-07']) {
      await page.goto(site.url(`day/${day}/`));
      await page.hover('main');
      await page.mouse.move(10, 10);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
