/**
 * One definition of "event" and "day with events" on every page that counts them, checked on the
 * real build that `npm test` makes first (dist/). Every expected figure is computed here from
 * dist/data/events.json and sources.json alone, with the rules of CONTRACT.md and the README:
 * - an event is one record of events.json;
 * - a day page lists every day-precision event of at most 7 days on each day it covers, and a
 *   longer one (a period) on its first day only; the days with events are the day pages;
 * - a month page lists, once each, the events on its days, the periods covering it and its month
 *   and season events (those spanning more than a year on their first and last month only);
 * - a year counts the events that begin in it; a chronology counts the events of its sources.
 * Both languages are checked.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventRecord, SourceMeta } from '../../src/schema/records.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
const LOCALES = ['', 'zh/'] as const;
let events: EventRecord[];
let sources: SourceMeta[];

const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const time = (day: string) => Date.parse(`${day}T00:00:00Z`);
function eachDay(start: string, end: string): string[] {
  const out: string[] = [];
  for (let t = time(start); t <= time(end); t += DAY) out.push(iso(t));
  return out;
}
function eachMonth(start: string, end: string): string[] {
  const out: string[] = [];
  for (let [y, m] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))]; `${y}-${String(m).padStart(2, '0')}` <= end.slice(0, 7); m === 12 ? ((m = 1), y++) : m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}
const isPeriod = (e: EventRecord) => e.date.precision === 'day' && eachDay(e.date.start, e.date.end).length > 7;

function daysOf(e: EventRecord): string[] {
  if (e.date.precision !== 'day') return [];
  return isPeriod(e) ? [e.date.start] : eachDay(e.date.start, e.date.end);
}
function monthsOf(e: EventRecord): string[] {
  const { start, end, precision } = e.date;
  if (precision === 'year') return [];
  const months = eachMonth(start, end);
  if (precision !== 'day' && months.length > 12) return [months[0], months[months.length - 1]];
  return months;
}
function group<K>(keysOf: (e: EventRecord) => K[]): Map<K, EventRecord[]> {
  const map = new Map<K, EventRecord[]>();
  for (const e of events) for (const k of keysOf(e)) map.set(k, [...(map.get(k) ?? []), e]);
  return map;
}

/** data-count of the first element with this marker (a class or attribute in its tag), and its text. */
function countAt(html: string, marker: string): { count: number; text: string } {
  const at = html.indexOf(marker);
  expect(at, `"${marker}" on the page`).toBeGreaterThan(-1);
  const open = html.lastIndexOf('<', at);
  const tag = html.slice(open, html.indexOf('>', at) + 1);
  const name = /^<([a-z0-9]+)/.exec(tag)![1];
  const text = html.slice(open + tag.length, html.indexOf(`</${name}>`, open)).replace(/<[^>]+>/g, '');
  return { count: Number(/data-count="(\d+)"/.exec(tag)?.[1]), text };
}
/** The number as the page writes it ("1,234" in English, "1,234" in Chinese too). */
const written = (n: number) => n.toLocaleString('en-GB');
const articleIds = (html: string) => [...html.matchAll(/<article[^>]*\bid="([^"]+)"/g)].map((m) => m[1]).sort();
const ids = (list: EventRecord[]) => list.map((e) => e.id).sort();

beforeAll(() => {
  if (!existsSync(join(DIST, 'data', 'events.json'))) throw new Error(`${DIST}/data/events.json is missing: run \`npm run build\` first (npm test does)`);
  events = JSON.parse(read('data/events.json'));
  sources = JSON.parse(read('data/sources.json'));
});

describe('day pages', () => {
  it('exist exactly for the days with events, each listing its events once, periods on their first day only', () => {
    const byDay = group(daysOf);
    for (const locale of LOCALES) {
      const built = readdirSync(join(DIST, locale, 'day')).sort();
      expect(built, `${locale}day/`).toEqual([...byDay.keys()].sort());
      for (const [day, list] of byDay) {
        const html = read(`${locale}day/${day}/index.html`);
        expect(articleIds(html), `${locale}day/${day}`).toEqual(ids(list));
        const lede = countAt(html, 'class="lede"');
        expect(lede.count).toBe(list.length);
        expect(lede.text).toContain(list.length === 1 ? '1' : written(list.length));
        // a period is on its first day only: no day page is filled by periods that began earlier
        expect(list.some((e) => !isPeriod(e) || e.date.start === day), `${day} holds only earlier periods`).toBe(true);
      }
    }
  });
});

describe('month pages', () => {
  it('count each listed event once, list each period once, and show each day’s count in the calendar', () => {
    const byMonth = group(monthsOf);
    const byDay = group(daysOf);
    let cells = 0;
    let briefs = 0;
    for (const locale of LOCALES) {
      expect(readdirSync(join(DIST, locale, 'month')).sort()).toEqual([...byMonth.keys()].sort());
      for (const [month, list] of byMonth) {
        const html = read(`${locale}month/${month}/index.html`);
        const lede = countAt(html, 'class="lede"');
        expect(lede.count, `${locale}month/${month}`).toBe(list.length);
        expect(lede.text).toContain(list.length === 1 ? '1' : written(list.length));
        // periods and month/season events are articles on the page, each exactly once
        const listedHere = list.filter((e) => isPeriod(e) || e.date.precision !== 'day');
        expect(articleIds(html), `${locale}month/${month}`).toEqual(ids(listedHere));
        for (const e of list.filter(isPeriod)) expect(html.split(`id="${e.id}"`).length - 1, `${e.id} on ${month}`).toBe(1);
        // each day's brief says how many events its day page holds
        for (const brief of html.matchAll(/<li class="day-brief">\s*<h3><a href="[^"]*\/day\/(\d{4}-\d{2}-\d{2})\/">[\s\S]*?<span class="muted" data-count="(\d+)">/g))
          expect(Number(brief[2]), `${month} brief ${brief[1]}`).toBe(byDay.get(brief[1])?.length), briefs++;
        for (const cell of html.matchAll(/<td class="cal-day heat-(\d)" data-count="(\d+)">\s*<a href="[^"]*\/day\/(\d{4}-\d{2}-\d{2})\//g)) {
          const onDay = byDay.get(cell[3]) ?? [];
          cells++;
          expect(Number(cell[2]), `${month} calendar ${cell[3]}`).toBe(onDay.length);
          // a day whose only events are periods is linked but not shaded
          if (onDay.every(isPeriod)) expect(cell[1], `${cell[3]} shaded by periods alone`).toBe('0');
          else expect(Number(cell[1])).toBeGreaterThan(0);
        }
      }
    }
    // every day page is a calendar cell and (unless it holds only a period) a brief, in both languages
    expect(cells).toBe(2 * byDay.size);
    expect(briefs).toBe(2 * [...byDay.values()].filter((list) => list.some((e) => !isPeriod(e))).length);
  });
});

describe('years and the overview', () => {
  it('count each event once, in the year it begins: the year tiles add up to the events', () => {
    const byYear = group((e) => [e.date.start.slice(0, 4)]);
    for (const locale of LOCALES) {
      const overview = read(`${locale}index.html`);
      let sum = 0;
      for (const tile of overview.matchAll(/href="[^"]*\/year\/(\d{4})\/"><span class="year-num">[^<]*<\/span> <span class="muted" data-count="(\d+)">([^<]*)</g)) {
        const expected = byYear.get(tile[1])?.length ?? 0;
        expect(Number(tile[2]), `${locale} tile ${tile[1]}`).toBe(expected);
        expect(tile[3]).toContain(written(expected));
        sum += Number(tile[2]);
      }
      expect(sum).toBe(events.length);
      for (const [year, list] of byYear) {
        const lede = countAt(read(`${locale}year/${year}/index.html`), 'class="lede"');
        expect(lede.count, `${locale}year/${year}`).toBe(list.length);
        expect(lede.text).toContain(list.length === 1 ? '1' : written(list.length));
      }
    }
  });

  it('shows the key figures: events and days with events', () => {
    const dayCount = group(daysOf).size;
    for (const locale of LOCALES) {
      const overview = read(`${locale}index.html`);
      const figures = countAt(overview, 'data-figure="events"');
      expect(figures.count).toBe(events.length);
      expect(figures.text).toContain(written(events.length));
      const days = countAt(overview, 'data-figure="days"');
      expect(days.count).toBe(dayCount);
      expect(days.text).toContain(written(dayCount));
    }
  });

  it('heads each chronology with its events, per source, and says what its chart counts', () => {
    const chronologyOf = new Map(sources.map((s) => [s.id, s.chronology ?? 'other']));
    for (const locale of LOCALES) {
      const overview = read(`${locale}index.html`);
      const sections = overview.split('<section class="chronology"').slice(1);
      expect(sections.length).toBeGreaterThan(0);
      for (const section of sections) {
        const id = /aria-labelledby="chrono-([^"]+)"/.exec(section)![1];
        const own = events.filter((e) => chronologyOf.get(e.source.id) === id);
        const head = countAt(section, 'class="muted" data-count=');
        expect(head.count, `${locale} ${id}`).toBe(own.length);
        expect(head.text).toContain(written(own.length));
        for (const item of section.matchAll(/href="[^"]*\/source\/([^/]+)\/"[^>]*>[^<]*<\/a>\s*<span class="muted" data-count="(\d+)">/g))
          expect(Number(item[2]), `${locale} ${item[1]}`).toBe(events.filter((e) => e.source.id === item[1]).length);
        const figure = /<figure class="chart" data-chart-total="(\d+)" data-chart-charted="(\d+)" data-chart-before="(\d+)" data-chart-undated="(\d+)">([\s\S]*?)<\/figure>/.exec(section)!;
        const [total, charted, before, undated] = figure.slice(1, 5).map(Number);
        expect(total).toBe(own.length);
        expect(undated).toBe(own.filter((e) => e.date.precision !== 'day').length);
        expect(charted + before + undated).toBe(total);
        const caption = figure[5].slice(figure[5].indexOf('<figcaption>')).replace(/<[^>]+>/g, '');
        for (const n of [charted, total, undated]) expect(caption, `${locale} ${id} caption`).toContain(written(n));
        // the data table holds the charted events, bin by bin
        const table = section.slice(section.indexOf('<details class="chart-data">'));
        const binCounts = [...table.slice(0, table.indexOf('</details>')).matchAll(/<td class="num">([\d,]+)<\/td>/g)].map((m) => Number(m[1].replace(/,/g, '')));
        expect(binCounts.reduce((a, b) => a + b, 0)).toBe(charted);
      }
    }
  });
});
