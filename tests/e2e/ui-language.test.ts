/**
 * Both UI languages are complete: on the Chinese pages no English is left in the interface, and on
 * the English pages no Chinese, outside the source texts and names. Those carry their own `lang`
 * (the passage's language, a name's script, lang="" for metadata of unknown language), so the
 * check reads every text and every label attribute (aria-label, title, alt, placeholder) whose
 * nearest `lang` is the page's own. Runs on the real build (dist/, `npm test` builds it first) in
 * Chromium, with JavaScript (the search page draws its results) and the language switch.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { serveDist, type ServedSite } from '../helpers/site.ts';

const DIST = process.env.DIST_DIR ?? 'dist';

/** Names that are the same in both languages: the site's name, formats, licences, file names. */
const NAMES = /\bhttps?:\/\/\S+|\b(?:Dayline|JavaScript|Markdown|MediaWiki|Wikipedia|CSV|GeoJSON|JSON|CC BY-SA(?: \d\.\d)?|[\w-]+\.(?:json|csv|geojson))\b/g;
/** A source's title is a name: it may stand inside a UI attribute (a chart bar's label), where no lang can mark it. */
const sourceTitles = (): string[] => {
  try {
    return (JSON.parse(readFileSync(join(DIST, 'data', 'sources.json'), 'utf8')) as { title: string }[]).map((x) => x.title).sort((a, b) => b.length - a.length);
  } catch {
    return [];
  }
};
const withoutNames = (text: string, titles: string[]) => titles.reduce((t, title) => t.split(title).join(' '), text).replace(NAMES, '');

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run \`npm run build\` first (npm test does)`);
  site = await serveDist(DIST, '/');
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** One page of each kind, every source page, and a search with results. */
function pages(): string[] {
  const first = (dir: string) => readdirSync(join(DIST, dir)).sort()[0];
  const periodMonth = 'month/2014-10/';
  return [
    '',
    'day/2014-01-04/',
    `day/${first('day')}/`,
    'month/2014-01/',
    existsSync(join(DIST, periodMonth)) ? periodMonth : `month/${first('month')}/`,
    'year/2014/',
    'sources/',
    ...readdirSync(join(DIST, 'source')).map((id) => `source/${id}/`),
    'places/',
    'groups/',
    'place/manbij/',
    `place/${first('place')}/`,
    'group/isil/',
    'search/?q=Aleppo',
  ];
}

/** Texts and label attributes in the page's own language: [where, text]. */
async function uiTexts(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    // Content declares its language on itself (even when it is the page's); the interface
    // inherits the page's from <html>.
    const own = (el: Element | null) => (el?.closest('[lang]') ?? document.documentElement) === document.documentElement;
    const where = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 3; e = e.parentElement) parts.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''));
      return parts.join(' > ');
    };
    const out: [string, string][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement!;
      if (['SCRIPT', 'STYLE', 'CODE', 'TIME'].includes(el.tagName) || el.closest('[hidden], [aria-hidden="true"] svg, code')) continue;
      const text = n.textContent!.trim();
      if (text && own(el)) out.push([where(el), text]);
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (!own(el)) continue;
      for (const attr of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push([`${where(el)}@${attr}`, v]);
      }
    }
    return out;
  });
}

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const res = await page.goto(site.url(path));
  expect(res?.status(), path).toBe(200);
  if (path.startsWith('search') || path.startsWith('zh/search')) await page.waitForSelector('#dayline-search[data-state="done"]');
  return page;
}

describe('the Chinese UI', () => {
  it('has no English outside source texts and names', async () => {
    const found: string[] = [];
    const titles = sourceTitles();
    for (const path of pages()) {
      const page = await open(`zh/${path}`);
      for (const [where, text] of await uiTexts(page)) {
        const words = withoutNames(text, titles).match(/[A-Za-z]{2,}(?:[ '-][A-Za-z]+)*/g);
        if (words) found.push(`zh/${path} ${where}: ${words.join(' | ')}  «${text.slice(0, 80)}»`);
      }
      await page.close();
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('the English UI', () => {
  it('has no Chinese outside source texts and names', async () => {
    const found: string[] = [];
    const titles = sourceTitles();
    for (const path of pages()) {
      const page = await open(path);
      for (const [where, text] of await uiTexts(page)) if (/\p{Script=Han}/u.test(withoutNames(text, titles))) found.push(`${path} ${where}: «${text.slice(0, 80)}»`);
      await page.close();
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('the language switch', () => {
  it('keeps the search words, the filters, the date range and the anchor', async () => {
    const page = await open('search/?q=Manbij&lang=en&from=2014-01-01&to=2014-12-31');
    // the reader changes the search after the page loaded: the switch follows the address bar
    await page.fill('#search-q', 'Aleppo');
    await page.press('#search-q', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Aleppo');
    await page.evaluate(() => history.replaceState(null, '', `${location.pathname}${location.search}#results`));
    await page.click('a.lang-switch');
    await page.waitForURL((u) => u.pathname === '/zh/search/');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'Aleppo', lang: 'en', from: '2014-01-01', to: '2014-12-31' });
    expect(url.hash).toBe('#results');
    await page.waitForSelector('#dayline-search[data-ready="true"]');
    expect(await page.inputValue('#search-q')).toBe('Aleppo');
    expect(await page.inputValue('#search-lang')).toBe('en');
    expect(await page.inputValue('#search-from')).toBe('2014-01-01');
    await page.close();

    const day = await open('day/2014-01-04/');
    const id = await day.locator('article.event').nth(1).getAttribute('id');
    await day.click(`[id="${id}"] a.permalink`);
    await day.click('a.lang-switch');
    await day.waitForURL((u) => u.pathname === '/zh/day/2014-01-04/');
    expect(new URL(day.url()).hash).toBe(`#${id}`);
    await day.close();
  });
});
