/**
 * Search by event type in headless Chromium, against the built site and its Pagefind index: a
 * type's name in any script finds the same events, the type filter is kept in the URL, and the
 * page downloads its results as events.csv rows. Data as in search.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { buildSite, FIXTURE_DATA, ROOT, serveDist, type ServedSite } from '../helpers/site.ts';
import { allResultIds } from '../helpers/search.ts';
import { buildSearchIndex } from '../../scripts/search-index.ts';
import { eventTypeIds } from '../../src/search/records.ts';
import type { EventRecord } from '../../src/schema/records.ts';

const REAL_DATA = join(ROOT, '.dayline', 'data');
const dataDir = resolve(process.env.DAYLINE_DATA_DIR ?? (existsSync(join(REAL_DATA, 'events.json')) ? REAL_DATA : FIXTURE_DATA));
const events = JSON.parse(readFileSync(join(dataDir, 'events.json'), 'utf8')) as EventRecord[];

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  const dist = process.env.DAYLINE_SITE_DIST
    ? resolve(ROOT, process.env.DAYLINE_SITE_DIST)
    : buildSite({ dataDir, ...(dataDir === FIXTURE_DATA ? {} : { outDir: join(ROOT, 'test-results', 'site', 'dist-search-real') }) });
  if (!process.env.DAYLINE_SITE_DIST || !existsSync(join(dist, 'pagefind', 'pagefind.js'))) await buildSearchIndex({ dataDir, distDir: dist, base: '/', verbose: false });
  site = await serveDist(dist, '/');
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function results(page: Page, path: string): Promise<string[]> {
  await page.goto(site.url(path));
  await page.waitForSelector('#dayline-search[data-ready]');
  return allResultIds(page);
}

/** Every event a search found: each result's link, and the other accounts of a happening folded into it. */


const typed = (id: string) => events.filter((e) => eventTypeIds(e).includes(id)).map((e) => e.id).sort();
const commonType = () => {
  const counts = new Map<string, number>();
  for (const e of events) for (const id of eventTypeIds(e)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts.has('car-bomb') ? 'car-bomb' : [...counts].sort((a, b) => b[1] - a[1])[0]![0];
};

describe('search by type', () => {
  it('finds the same events for a type named in English, Simplified and Traditional Chinese', async () => {
    const page = await browser.newPage();
    const id = commonType();
    const names = id === 'car-bomb' ? ['car bomb', '汽车炸弹', '汽車炸彈'] : [id];
    const sets = [];
    for (const q of names) sets.push((await results(page, `search/?q=${encodeURIComponent(q)}`)).sort());
    expect(sets[0]!.length).toBeGreaterThan(0);
    for (const s of sets) expect(s).toEqual(typed(id));
    expect(await page.textContent('[data-search-status]')).toMatch(/type/i);
    await page.close();
  });

  it('filters by type, keeps the filter in the URL, and lists types by name', async () => {
    const page = await browser.newPage();
    const id = commonType();
    expect((await results(page, `search/?type=${id}`)).sort()).toEqual(typed(id));
    await page.goto(site.url('search/'));
    await page.waitForSelector('#dayline-search[data-ready]');
    await page.locator('#search-type').focus();
    await page.waitForFunction(() => (document.querySelector('#search-type') as HTMLSelectElement).options.length > 1);
    await page.selectOption('#search-type', 'battles');
    await page.waitForSelector('#dayline-search[data-state="done"]');
    expect(new URL(page.url()).searchParams.get('type')).toBe('battles');
    expect(await page.locator('#search-type option[value="battles"]').textContent()).toMatch(/^Battles/);
    await page.close();
  });

  it('downloads the results as CSV rows with the events.csv columns', async () => {
    const page = await browser.newPage();
    const ids = await results(page, 'search/?q=Manbij');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-search-download]')]);
    const rows = parse(readFileSync((await download.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
    const header = readFileSync(join(dataDir, 'events.csv'), 'utf8').split('\r\n')[0];
    expect(Object.keys(rows[0]!).join(',')).toBe(header);
    // every event found, in result order (an account folded into another's result is listed in the page beside it)
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const first = events.find((e) => e.id === rows[0]!.id)!;
    expect(rows[0]!.text).toBe(first.text.replace(/\s+/g, ' ').trim());
    expect(rows[0]!.type).toBe(first.type);
    expect(download.suggestedFilename()).toMatch(/^dayline-search-q=Manbij\.csv$/);
    await page.close();
  });
});
