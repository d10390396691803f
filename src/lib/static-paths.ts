/** The pages each dynamic route builds, shared by the English routes and their /zh/ twins. */
import type { GetStaticPaths } from 'astro';
import { getSiteData } from './site-data.ts';
import { timelinePageCount } from './happenings.ts';

export const dayPaths = (async () => (await getSiteData()).days.map((day) => ({ params: { day } }))) satisfies GetStaticPaths;

export const monthPaths = (async () => (await getSiteData()).months.map((month) => ({ params: { month } }))) satisfies GetStaticPaths;

/** Pages 2… of the days and months too full for one page (SiteData.dayPages, monthPages). */
const furtherPages = (keys: string[], pages: (key: string) => unknown[]) =>
  keys.flatMap((key) => Array.from({ length: Math.max(0, pages(key).length - 1) }, (_, i) => ({ key, page: String(i + 2) })));

export const dayMorePaths = (async () => {
  const data = await getSiteData();
  return furtherPages(data.days, (d) => data.dayPages(d)).map(({ key, page }) => ({ params: { day: key, page } }));
}) satisfies GetStaticPaths;

export const monthMorePaths = (async () => {
  const data = await getSiteData();
  return furtherPages(data.months, (m) => data.monthPages(m)).map(({ key, page }) => ({ params: { month: key, page } }));
}) satisfies GetStaticPaths;

/** The days and months of several pages: each gets a pages.json (source key -> pages). */
export const dayMapPaths = (async () => {
  const data = await getSiteData();
  return data.days.filter((d) => data.dayPages(d).length > 1).map((day) => ({ params: { day } }));
}) satisfies GetStaticPaths;

export const monthMapPaths = (async () => {
  const data = await getSiteData();
  return data.months.filter((m) => data.monthPages(m).length > 1).map((month) => ({ params: { month } }));
}) satisfies GetStaticPaths;

export const yearPaths = (async () => (await getSiteData()).years.map((year) => ({ params: { year } }))) satisfies GetStaticPaths;

export const sourcePaths = (async () => (await getSiteData()).sources.map((s) => ({ params: { id: s.id } }))) satisfies GetStaticPaths;

/** Pages 2, 3, … of the sources whose passages fill more than one page. */
export const sourcePagePaths = (async () => {
  const data = await getSiteData();
  return data.sources.flatMap((s) => Array.from({ length: data.sourcePageCount(s.id) - 1 }, (_, i) => ({ params: { id: s.id, page: String(i + 2) } })));
}) satisfies GetStaticPaths;

const entityPaths = (type: 'place' | 'group') =>
  (async () =>
    (await getSiteData()).entities.filter((e) => e.type === type).map((e) => ({ params: { id: e.id } }))) satisfies GetStaticPaths;

export const placePaths = entityPaths('place');
export const groupPaths = entityPaths('group');

/** Pages 2, 3, … of the places and groups whose timelines fill more than one page. */
const entityMorePaths = (type: 'place' | 'group') =>
  (async () => {
    const data = await getSiteData();
    return data.entities
      .filter((e) => e.type === type)
      .flatMap((e) => Array.from({ length: timelinePageCount(data, data.eventsForEntity(e.id)) - 1 }, (_, i) => ({ params: { id: e.id, page: String(i + 2) } })));
  }) satisfies GetStaticPaths;

export const placeMorePaths = entityMorePaths('place');
export const groupMorePaths = entityMorePaths('group');
