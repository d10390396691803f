/**
 * Loads the content collections once per build and hands them to buildSiteData().
 * Pages call getSiteData(); the promise is shared, so the indexes are built exactly once.
 */
import { getCollection } from 'astro:content';
import { buildSiteData, type SiteData } from './data.ts';

let cached: Promise<SiteData> | undefined;

async function entries<T>(name: 'events' | 'entities' | 'sources' | 'reports'): Promise<T[]> {
  try {
    return (await getCollection(name)).map((e) => e.data as T);
  } catch {
    return [];
  }
}

export function getSiteData(): Promise<SiteData> {
  cached ??= (async () =>
    buildSiteData({
      events: await entries('events'),
      entities: await entries('entities'),
      sources: await entries('sources'),
      reports: await entries('reports'),
    }))();
  return cached;
}
