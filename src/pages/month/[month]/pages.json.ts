import type { APIRoute } from 'astro';
import { pageKeys } from '../../../lib/data.ts';
import { getSiteData } from '../../../lib/site-data.ts';
import { monthMapPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = monthMapPaths;

/** Which pages of a month of several pages hold each account's month-dated events (public/paged-anchor.js). */
export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(pageKeys((await getSiteData()).monthPages(params.month!))), { headers: { 'Content-Type': 'application/json' } });
