/**
 * A reader's first search on a cold cache: bytes transferred (from Chromium's network log) and the
 * time until results show, on localhost, served gzip-compressed like a static host would.
 */
import { chromium } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { startStaticServer } from '../static-server.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';

export const SEARCH_RESULT_SELECTOR = '[data-search-results] .search-result';

/**
 * The searches the benchmark makes, as search page addresses. The first is the headline figure
 * (one word, default order); the others load other parts of a split index: two words, Chinese,
 * a filter that routes to a later part, newest first, and best match (which reads every part).
 */
export const FIRST_SEARCHES = [
  '?q=Manbij',
  '?q=car+bomb',
  `?q=${encodeURIComponent('伊斯兰国')}`,
  '?q=Aleppo&year=2014',
  '?group=isil&sort=date-desc',
  '?q=Manbij&sort=relevance',
] as const;

export interface FirstSearch {
  search: string;
  kilobytes: number;
  milliseconds: number;
  /** the status line the reader sees once results are shown */
  status: string;
  /** bytes per URL path, largest first */
  requests: { path: string; kilobytes: number }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function measureFirstSearches(dist: string, searches: readonly string[] = FIRST_SEARCHES): Promise<FirstSearch[]> {
  const server = await startStaticServer({ root: dist, port: 0 });
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const out: FirstSearch[] = [];
  try {
    for (const search of searches) {
      // a new context: nothing cached from the previous search
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const urls = new Map<string, string>();
      const sizes = new Map<string, number>();
      cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
      cdp.on('Network.loadingFinished', (event) => {
        const path = new URL(urls.get(event.requestId) ?? 'http://x/?').pathname;
        sizes.set(path, (sizes.get(path) ?? 0) + event.encodedDataLength);
      });
      const started = Date.now();
      await page.goto(`http://127.0.0.1:${port}/search/${search}`);
      await page.waitForSelector(SEARCH_RESULT_SELECTOR, { timeout: 60_000 });
      const milliseconds = Date.now() - started;
      await page.waitForSelector('#dayline-search[data-state="done"]');
      await page.waitForLoadState('networkidle');
      const status = ((await page.textContent('[data-search-status]')) ?? '').trim();
      const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
      const requests = [...sizes].sort((a, b) => b[1] - a[1]).map(([path, n]) => ({ path, kilobytes: kb(n) }));
      out.push({ search, kilobytes: kb(bytes), milliseconds, status, requests });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

// npx tsx scripts/bench/first-search.ts <dist> [search …]: prints what each first search loads.
if (process.argv[1]?.endsWith('first-search.ts')) {
  const [dist = 'dist', ...searches] = process.argv.slice(2);
  for (const r of await measureFirstSearches(dist, searches.length ? searches : FIRST_SEARCHES)) {
    console.log(`${r.search}: ${r.kilobytes} KB, ${r.milliseconds} ms — ${r.status}`);
    for (const q of r.requests) console.log(`  ${String(q.kilobytes).padStart(6)} ${q.path}`);
  }
}
