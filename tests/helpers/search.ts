/** Test helper for the search page in a real browser. */
import type { Page } from 'playwright-core';

/** Waits for the client to finish the current search, shows every result, and returns their event ids. */
export async function allResultIds(page: Page): Promise<string[]> {
  await page.waitForSelector('#dayline-search[data-state="done"]');
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (!(await more.isVisible())) break;
    const before = await page.locator('.search-result').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length > n && !document.getElementById('dayline-search')!.dataset.loading, before);
  }
  return page.$$eval('.search-result__title a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1)));
}
