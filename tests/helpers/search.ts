/** Test helper for the search page in a real browser. */
import type { Page } from 'playwright-core';

/** A result's own link, and the other accounts of its happening that the search found. */
export const FOUND = '.search-result__title a, .search-result__accounts a[data-also]';

/** Waits for the client to finish the current search, shows every result, and returns the event ids found. */
export async function allResultIds(page: Page): Promise<string[]> {
  await page.waitForSelector('#dayline-search[data-state="done"]');
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (!(await more.isVisible())) break;
    const before = await page.locator(FOUND).count();
    await more.click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length > (n as number) && !document.getElementById('dayline-search')!.dataset.loading, [FOUND, before] as const);
  }
  return page.$$eval(FOUND, (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1)));
}
