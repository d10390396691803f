/** The pages each dynamic route builds, shared by the English routes and their /zh/ twins. */
import type { GetStaticPaths } from 'astro';
import { getSiteData } from './site-data.ts';

export const dayPaths = (async () => (await getSiteData()).days.map((day) => ({ params: { day } }))) satisfies GetStaticPaths;

export const monthPaths = (async () => (await getSiteData()).months.map((month) => ({ params: { month } }))) satisfies GetStaticPaths;

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
