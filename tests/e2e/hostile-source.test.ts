/**
 * Source text is data: a source carrying <script>, event-handler HTML and javascript: URLs goes
 * through the real ingest and the real Astro build, and nothing of it runs in the browser. Beside
 * it, a long source with a hostile manifest `chronology`: its passages are paged and the value
 * never reaches an id attribute as written.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/pipeline.ts';
import { writeData } from '../../scripts/ingest.ts';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { ROOT, buildSite, serveDist, type ServedSite } from '../helpers/site.ts';
import { PASSAGES_PER_PAGE } from '../../src/lib/data.ts';

const HOSTILE_MARKDOWN = `# Hostile chronicle

## 2014

**5 January**

Rebels took the town of Manbij.<script>window.__pwned = 'script'</script> Witnesses said so.

<img src="x" onerror="window.__pwned = 'onerror'"> On 6 January, fighting spread to [the hospital](javascript:window.__pwned='link').

On 7 January, a statement <b onmouseover="window.__pwned='hover'">was read</b> in Aleppo.
`;

/** More passages than one source page lists (PASSAGES_PER_PAGE), all on one day to keep the build small. */
const LONG_PASSAGES = PASSAGES_PER_PAGE + 20;
const HOSTILE_CHRONOLOGY = '"><b onmouseover=x>Hostile</b> 2014';

let site: ServedSite;
let browser: Browser;
let events: { id: string; text: string; date: { start: string } }[];

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'dayline-hostile-'));
  const sources = join(work, 'sources');
  const data = join(work, 'data');
  mkdirSync(sources);
  writeFileSync(join(sources, 'hostile.md'), HOSTILE_MARKDOWN);
  const long = Array.from({ length: LONG_PASSAGES }, (_, i) => `On 8 January 2014, fighters reported clash number ${i + 1} near the river crossing.`);
  writeFileSync(join(sources, 'long.txt'), `Long chronicle\n\n${long.join('\n\n')}\n`);
  writeFileSync(
    join(sources, 'manifest.json'),
    JSON.stringify([{ file: 'long.txt', id: 'long', title: 'Long chronicle', lang: 'en', format: 'plaintext', chronology: HOSTILE_CHRONOLOGY }]),
  );
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

describe('a long source with a hostile chronology value', () => {
  const longEvents = () => events.filter((e) => e.id.startsWith('e-long-'));

  it('pages its passages instead of one page of them all', () => {
    expect(longEvents()).toHaveLength(LONG_PASSAGES);
    const first = readFileSync(join(site.dist, 'source', 'long', 'index.html'), 'utf8');
    const second = readFileSync(join(site.dist, 'source', 'long', 'page', '2', 'index.html'), 'utf8');
    expect(first.match(/<li id="p-/g)).toHaveLength(PASSAGES_PER_PAGE);
    expect(second.match(/<li id="p-/g)).toHaveLength(LONG_PASSAGES - PASSAGES_PER_PAGE);
    expect(first).toContain('href="/source/long/page/2/"');
    expect(second).toContain('href="/source/long/"');
  });

  it('links each event to the page that lists its passage', () => {
    const last = longEvents().at(-1)!;
    // the day of so many passages may be cut into pages (/day/D/2/ …): the one that shows the event
    const dayDir = join(site.dist, 'day', '2014-01-08');
    const pages = [join(dayDir, 'index.html'), ...readdirSync(dayDir).filter((d) => /^\d+$/.test(d)).map((d) => join(dayDir, d, 'index.html'))];
    const day = pages.map((p) => readFileSync(p, 'utf8')).find((html) => html.includes(`id="${last.id}"`))!;
    expect(day).toBeDefined();
    expect(day).toContain(`href="/source/long/page/2/#p-${last.id}"`);
    const second = readFileSync(join(site.dist, 'source', 'long', 'page', '2', 'index.html'), 'utf8');
    expect(second).toContain(`id="p-${last.id}"`);
  });

  it('writes the chronology into id attributes only as a slug', () => {
    for (const page of ['index.html', join('sources', 'index.html'), join('day', '2014-01-08', 'index.html')]) {
      const html = readFileSync(join(site.dist, page), 'utf8');
      const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id, page).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(html).not.toMatch(/<b onmouseover/);
    }
  });
});

