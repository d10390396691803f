/**
 * A reader's first search on a cold cache: bytes transferred (from Chromium's network log) and the
 * time until results show, on localhost.
 */
import { chromium } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { startStaticServer } from '../static-server.ts';
import { CHROMIUM_LAUNCH } from '../chromium.ts';

export const SEARCH_RESULT_SELECTOR = '[data-search-results] .search-result';

export async function measureFirstSearch(dist: string, query: string): Promise<{ kilobytes: number; milliseconds: number }> {
  const server = await startStaticServer({ root: dist, port: 0 });
  const port = (server.address() as AddressInfo).port;
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector(SEARCH_RESULT_SELECTOR, { timeout: 30_000 });
    const milliseconds = Date.now() - started;
    await page.waitForLoadState('networkidle');
    return { kilobytes: Math.round((bytes / 1024) * 10) / 10, milliseconds };
  } finally {
    await browser.close();
    server.close();
  }
}
