/**
 * End-to-end checks of the reading site, built from tests/fixtures/data and driven with Chromium:
 * pages and links, anchors, languages, JS-off, small screens, html-validate, axe-core, a link check
 * over the whole dist, byte-identical rebuilds, an empty entities.json and a BASE_PATH build.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_LAUNCH } from '../../scripts/chromium.ts';
import { FIXTURE_DATA, ROOT, buildSite, listFiles, serveDist, startSite, type ServedSite } from '../helpers/site.ts';

const PAGES = {
  overview: '',
  day: 'day/2014-01-04/',
  range: 'day/2012-07-21/',
  month: 'month/2014-01/',
  monthUndated: 'month/2014-09/',
  year: 'year/2014/',
  source: 'source/en-inter-rebel-conflict/',
  sources: 'sources/',
  place: 'place/manbij/',
  group: 'group/isil/',
  places: 'places/',
  groups: 'groups/',
  zhDay: 'zh/day/2014-01-04/',
  zhOverview: 'zh/',
  notFound: '404.html',
};

let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  site = await startSite();
  browser = await chromium.launch(CHROMIUM_LAUNCH);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, opts: { width?: number; js?: boolean; dark?: boolean; bypassCSP?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    javaScriptEnabled: opts.js ?? true,
    colorScheme: opts.dark ? 'dark' : 'light',
    bypassCSP: opts.bypassCSP ?? false,
  });
  const page = await context.newPage();
  const res = await page.goto(site.url(path));
  if (path !== PAGES.notFound) expect(res?.status(), path).toBe(200);
  return page;
}

const distFile = (path: string) => join(site.dist, path.endsWith('.html') ? path : `${path}index.html`);

describe('overview', () => {
  it('shows the chronologies, key figures and linked timeline charts', async () => {
    const page = await open(PAGES.overview);
    await expect(page.locator('h1').textContent()).resolves.toContain('Chronologies');
    expect(await page.locator('section.chronology').count()).toBe(2);
    expect(await page.locator('.figures li').count()).toBe(5);
    expect(await page.locator('.lead-summary').count()).toBeGreaterThanOrEqual(2);
    const bars = page.locator('svg.timeline a');
    expect(await bars.count()).toBeGreaterThan(2);
    expect(await page.locator('figure.chart figcaption').first().textContent()).toMatch(/\d/);
    await bars.first().click();
    await page.waitForURL(/\/day\/\d{4}-\d{2}-\d{2}\/$/);
    expect(await page.locator('article.event').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('day page', () => {
  it('lists every account of the day, in both languages, with links', async () => {
    const page = await open(PAGES.day);
    const articles = page.locator('article.event');
    expect(await articles.count()).toBe(2);
    const langs = await page.locator('article.event .event-text').evaluateAll((els) => els.map((e) => e.getAttribute('lang')));
    expect(new Set(langs)).toEqual(new Set(['en', 'zh-Hans']));
    const ids = await articles.evaluateAll((els) => els.map((e) => e.id));
    expect(ids.every((id) => /^e-[a-z0-9-]+$/.test(id))).toBe(true);
    expect(await page.locator('article.event a[href*="/place/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('article.event a[href*="/group/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('article.event a[href*="/source/"]').count()).toBe(2);
    const ext = page.locator('.citations a[href^="http"]');
    expect(await ext.count()).toBe(2); // url + archiveUrl
    for (const rel of await ext.evaluateAll((els) => els.map((e) => e.getAttribute('rel')))) expect(rel).toContain('noopener');
    expect(await page.locator('.pager a[rel="prev"]').first().getAttribute('href')).toBe('/day/2014-01-03/');
    expect(await page.locator('.pager a[rel="next"]').first().getAttribute('href')).toBe('/day/2014-01-05/');
    await page.context().close();
  });

  it('shows a happening told by two sources once, its accounts side by side, and marks the figures that differ', async () => {
    const events = JSON.parse(readFileSync(join(FIXTURE_DATA, 'events.json'), 'utf8')) as { id: string; happening: string; date: { start: string } }[];
    const told = events.filter((e) => e.date.start === '2014-01-04');
    expect(new Set(told.map((e) => e.happening)).size).toBe(1);
    const page = await open(PAGES.day);
    const happening = page.locator(`section.happening#${told[0]!.happening}`);
    expect(await happening.count()).toBe(1);
    expect(await happening.getAttribute('data-accounts')).toBe('2');
    // each account keeps its own id (old links land on it), in its own language
    for (const e of told) expect(await happening.locator(`article.event#${e.id}`).count()).toBe(1);
    expect(await page.locator('section.happening').count()).toBe(1);
    // 30 executed in one account, 1 in the other; 24 killed in one only
    expect(await happening.locator('.happening-figures tr[data-status="differ"]').count()).toBe(1);
    expect(await happening.locator('.happening-figures tr[data-status="partial"]').count()).toBe(1);
    expect(await happening.locator('.happening-figures .diff-mark').first().isVisible()).toBe(true);
    const wide = await happening.locator('.happening-account').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(wide[0], 'side by side on a wide screen').toBe(wide[1]);
    await page.context().close();
    const narrow = await open(PAGES.day, { width: 360 });
    const tops = await narrow.locator('.happening-account').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops[1]!, 'one under the other at 360 px').toBeGreaterThan(tops[0]!);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await narrow.context().close();
  });

  it('lands on an event from its permalink', async () => {
    const page = await open(PAGES.day);
    const id = await page.locator('article.event').nth(1).getAttribute('id');
    await page.locator(`#${id} a.permalink`).click();
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    await expect(page.locator(`#${id}`).isVisible()).resolves.toBe(true);
    const inView = await page.locator(`#${id}`).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await page.context().close();
  });

  it('shows ranges on every day they cover, marked as ranges', async () => {
    for (const day of ['day/2012-07-20/', 'day/2012-07-21/']) {
      const page = await open(day);
      const ranges = page.locator('article.event-range');
      expect(await ranges.count(), day).toBe(2);
      expect(await ranges.first().locator('.tag-range').textContent()).toMatch(/range/);
      expect(await ranges.first().locator('.event-date').textContent()).toBe('7月20日至21日');
      await page.context().close();
    }
  });

  it('is small, has no JavaScript but the language switch’s, and works without it', async () => {
    const html = readFileSync(distFile(PAGES.day), 'utf8');
    expect(statSync(distFile(PAGES.day)).size).toBeLessThan(50_000);
    // one small external module: it carries the anchor over when the reader switches language
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    expect(scripts).toHaveLength(1);
    const src = /src="([^"]+)"/.exec(scripts[0])![1];
    expect(src).toMatch(/SiteHeader[^/]*\.js$/);
    expect(statSync(join(site.dist, src)).size).toBeLessThan(1024);
    expect(html).not.toMatch(/<script[^>]*>[^<]/i); // nothing inline
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/\sstyle="/);
    const page = await open(PAGES.day, { js: false });
    expect(await page.locator('article.event').count()).toBe(2);
    const form = page.locator('form[role="search"]');
    expect(await form.getAttribute('action')).toBe('/search/');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.locator('input[name="q"]').count()).toBe(1);
    await page.context().close();
  });
});

describe('month and year pages', () => {
  it('has a calendar whose days link to day pages', async () => {
    const page = await open(PAGES.month);
    const days = page.locator('table.calendar a');
    expect(await days.count()).toBe(4);
    expect(await page.locator('td.heat-4').count()).toBeGreaterThan(0);
    await page.locator('table.calendar a[href="/day/2014-01-04/"]').click();
    await page.waitForURL(/\/day\/2014-01-04\/$/);
    await page.context().close();
  });

  it('lists day events briefly, linking to their anchors', async () => {
    const page = await open(PAGES.month);
    const link = page.locator('.day-briefs a[href*="#e-"]').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL((u) => u.hash.length > 1);
    expect(await page.evaluate(() => document.querySelector(':target')?.tagName)).toBe('ARTICLE');
    expect(href.split('#')[1]).toBe(new URL(page.url()).hash.slice(1));
    await page.context().close();
  });

  it('shows month-precision events in full on the month page', async () => {
    const page = await open(PAGES.monthUndated);
    const article = page.locator('article.event');
    expect(await article.count()).toBe(1);
    expect(await article.locator('.event-date').textContent()).toBe('In September 2014');
    await page.context().close();
  });

  it('shows twelve calendars on a year page', async () => {
    const page = await open(PAGES.year);
    expect(await page.locator('table.calendar').count()).toBe(12);
    await page.context().close();
  });
});

describe('periods, inferred dates and traceable citations', () => {
  const periodId = 'e-001-2014-01-03-448ceb';

  it('lists a span longer than a week on its first day and once on each month page, shading no day', async () => {
    const first = await open('day/2014-01-03/');
    expect(await first.locator(`[id="${periodId}"] .tag-period`).textContent()).toMatch(/period 3 Jan 2014 – 28 Jun 2014/);
    await first.context().close();
    expect(readFileSync(distFile('day/2014-01-04/'), 'utf8')).not.toContain(periodId);
    expect(existsSync(distFile('day/2014-03-15/'))).toBe(false);
    for (const month of ['2014-01', '2014-03', '2014-06']) {
      const html = readFileSync(distFile(`month/${month}/`), 'utf8');
      expect(html.split(`id="${periodId}"`).length - 1, month).toBe(1);
      expect(html).toContain('During this period');
    }
    const march = await open('month/2014-03/');
    expect(await march.locator('td.cal-day a').count()).toBe(0);
    expect(await march.locator('.lede').textContent()).toBe('1 event');
    await march.context().close();
  });

  it('marks a date the passage does not write in full, in both languages', async () => {
    const en = await open('day/2014-01-03/');
    expect(await en.locator('[id="e-004-2014-01-03-4cfda4"] .tag-basis').textContent()).toContain('date computed from “on Friday”');
    expect(await en.locator(`[id="${periodId}"] .tag-basis`).count()).toBe(0); // stated in full
    await en.context().close();
    const zh = await open('zh/day/2014-04-11/');
    expect(await zh.locator('.tag-basis').textContent()).toContain('年份取自文档所涉时期');
    await zh.context().close();
    const heading = await open('day/2012-07-19/');
    expect(await heading.locator('.tag-basis').textContent()).toContain('date from the heading');
    await heading.context().close();
  });

  it('links each passage to its section of the original, footnotes there, and prints the addresses', async () => {
    const page = await open('day/2014-01-03/');
    const article = page.locator(`[id="${periodId}"]`);
    const section = 'https://en.wikipedia.org/wiki/Inter-rebel_conflict_during_the_Syrian_Civil_War';
    expect(await article.locator('a.original-link').getAttribute('href')).toMatch(new RegExp(`^${section.replace(/[.()]/g, '\\$&')}#`));
    const footnote = article.locator('.citations a').first();
    expect(await footnote.textContent()).toMatch(/^footnote \[\d+\] in the original's section$/);
    expect(await footnote.getAttribute('href')).toBe(await article.locator('a.original-link').getAttribute('href'));
    await page.emulateMedia({ media: 'print' });
    const printed = await footnote.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(printed).toContain(section);
    await page.context().close();
  });
});

describe('source page', () => {
  it('credits the original article and shows the parse report', async () => {
    const page = await open(PAGES.source);
    const credit = page.locator('.source-licence a[href^="https://en.wikipedia.org/"]');
    expect(await credit.count()).toBe(1);
    expect(await page.locator('.source-licence a[href*="creativecommons.org"]').count()).toBe(1);
    expect(await page.locator('.report-figures dd').first().textContent()).toMatch(/\d/);
    expect(await page.locator('.parse-report table').count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('lists passages in line order, each linking to its event', async () => {
    const page = await open(PAGES.source);
    const lines = await page.locator('.passage-line').allTextContents();
    const nums = lines.map((l) => Number(l.replace(/\D/g, '')));
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
    const first = page.locator('.passages a.passage-date').first();
    const target = (await first.getAttribute('href'))!.split('#')[1];
    await first.click();
    await page.waitForURL((u) => u.hash === `#${target}`);
    expect(await page.locator(`article#${target}`).count()).toBe(1);
    await page.context().close();
  });
});

describe('places and groups', () => {
  it('shows an entity with both names and its events by day', async () => {
    const page = await open(PAGES.place);
    expect(await page.locator('h1').textContent()).toContain('Manbij');
    expect(await page.locator('h1 [lang="zh-Hans"]').textContent()).toBe('曼比季');
    // the two accounts of 5 January (Chinese and English) are one happening: one item, linking both
    const items = page.locator('.entity-timeline li[data-happening]');
    expect(await items.count()).toBe(1);
    expect(await items.locator('[data-accounts="2"]').count()).toBe(1);
    const links = page.locator('.entity-timeline a.brief-date, .entity-timeline .happening-accounts-note a[href*="#e-"]');
    expect(await links.count()).toBe(2);
    for (const href of await links.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) expect(href).toMatch(/^\/day\/2014-01-05\/#e-/);
    await page.context().close();
  });

  it('indexes places and groups by event count', async () => {
    const page = await open(PAGES.places);
    const counts = (await page.locator('.count-list').first().locator('.count').allTextContents()).map(Number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await page.context().close();
  });
});

describe('Chinese interface', () => {
  it('serves the same pages under /zh/ with Chinese UI text and links that stay in Chinese', async () => {
    const page = await open(PAGES.zhDay);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await page.locator('h1').textContent()).toContain('2014年1月4日');
    const internal = await page.locator('main a[href^="/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.every((h) => h.startsWith('/zh/'))).toBe(true);
    expect(await page.locator('a.lang-switch').getAttribute('href')).toBe('/day/2014-01-04/');
    await page.context().close();
  });
});

describe('small screens', () => {
  for (const [name, path] of Object.entries({ overview: PAGES.overview, day: PAGES.day, month: PAGES.month, source: PAGES.source, place: PAGES.place })) {
    it(`${name} fits 360px without horizontal scrolling`, async () => {
      const page = await open(path, { width: 360 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }
});

describe('screenshots', () => {
  it('captures desktop and 360px views of the main page types', async () => {
    mkdirSync(join(ROOT, 'screenshots'), { recursive: true });
    for (const width of [1280, 360]) {
      for (const [name, path] of Object.entries({ overview: PAGES.overview, day: PAGES.day, month: PAGES.month, source: PAGES.source })) {
        const page = await open(path, { width });
        await page.screenshot({ path: join(ROOT, 'screenshots', `${name}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
  });
});

describe('validity and accessibility', () => {
  const validator = new HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: {
      // Astro writes void elements as <meta ...> and keeps author formatting; neither is an error.
      'void-style': 'off',
      'no-trailing-whitespace': 'off',
      'attribute-boolean-style': 'off',
      // Long titles are source-article titles.
      'long-title': 'off',
    },
  });

  for (const [name, path] of Object.entries(PAGES)) {
    it(`${name} is valid HTML`, async () => {
      const html = readFileSync(distFile(path), 'utf8');
      const report = await validator.validateString(html, path);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (${m.line}:${m.column})`));
      expect(messages).toEqual([]);
    });
  }

  const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const dark of [false, true]) {
    for (const [name, path] of Object.entries(PAGES)) {
      it(`${name} has no axe violations (${dark ? 'dark' : 'light'})`, async () => {
        const page = await open(path, { dark, bypassCSP: true });
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          // @ts-expect-error injected global
          const result = await window.axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v: { id: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('raises no Content-Security-Policy violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const path of [PAGES.overview, PAGES.day, PAGES.month, PAGES.source, PAGES.place]) await page.goto(site.url(path));
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  });
});

/** Every internal href/src in every HTML file resolves to a file in dist, and every #anchor exists. */
function checkLinks(dist: string, base: string): string[] {
  const files = listFiles(dist);
  const html = files.filter((f) => f.endsWith('.html'));
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      const text = readFileSync(join(dist, file), 'utf8');
      ids = new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      idsCache.set(file, ids);
    }
    return ids;
  };
  const fileSet = new Set(files);
  const problems: string[] = [];
  for (const file of html) {
    const text = readFileSync(join(dist, file), 'utf8');
    const pageUrl = new URL(`http://site${base}${file.replace(/(^|\/)index\.html$/, '$1')}`);
    for (const m of text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
      const raw = m[1].replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|data:)/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.host !== 'site') continue;
      let path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        problems.push(`${file}: ${raw} is outside the base ${base}`);
        continue;
      }
      path = path.slice(base.length);
      const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!fileSet.has(target)) {
        problems.push(`${file}: ${raw} → missing ${target}`);
        continue;
      }
      if (url.hash.length > 1 && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push(`${file}: ${raw} → no #${url.hash.slice(1)} in ${target}`);
      }
    }
  }
  return problems;
}

describe('links', () => {
  it('every internal link and anchor in dist resolves', () => {
    expect(checkLinks(site.dist, '/')).toEqual([]);
  });
});

describe('builds', () => {
  it('are byte-identical when repeated', () => {
    // Two fresh builds back to back (the shared build may predate other engineers' edits).
    const first = buildSite({ outDir: join(ROOT, 'test-results', 'site', 'dist-repeat-a'), force: true });
    const second = buildSite({ outDir: join(ROOT, 'test-results', 'site', 'dist-repeat-b'), force: true });
    const hash = (dir: string) => {
      const h = createHash('sha256');
      for (const f of listFiles(dir)) h.update(f).update(readFileSync(join(dir, f)));
      return h.digest('hex');
    };
    expect(listFiles(second)).toEqual(listFiles(first));
    expect(hash(second)).toBe(hash(first));
  }, 180_000);

  it('work with an empty entities.json and under a BASE_PATH', async () => {
    const dataDir = join(ROOT, 'test-results', 'site', 'data-no-entities');
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(FIXTURE_DATA, dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'entities.json'), '[]\n');
    const dist = buildSite({ dataDir, outDir: join(ROOT, 'test-results', 'site', 'dist-sub'), base: '/sub/dir/', force: true });
    expect(checkLinks(dist, '/sub/dir/')).toEqual([]);
    const served = await serveDist(dist, '/sub/dir/');
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      const res = await page.goto(served.url('place/manbij/'));
      expect(res?.status()).toBe(200);
      // the happening of 5 January is one item, with a link to each of its two accounts
      expect(await page.locator('.entity-timeline a.brief-date, .entity-timeline .happening-accounts-note a[href*="#e-"]').count()).toBe(2);
      await page.goto(served.url(PAGES.day));
      expect(await page.locator('form[role="search"]').getAttribute('action')).toBe('/sub/dir/search/');
      expect(await page.locator('article.event').count()).toBe(2);
    } finally {
      await context.close();
      await served.close();
    }
  }, 180_000);
});
