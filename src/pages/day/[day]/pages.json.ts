import type { APIRoute } from 'astro';
import { pageKeys } from '../../../lib/data.ts';
import { getSiteData } from '../../../lib/site-data.ts';
import { dayMapPaths } from '../../../lib/static-paths.ts';

export const getStaticPaths = dayMapPaths;

/** Which pages of a day of several pages hold each account's events (public/paged-anchor.js). */
export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(pageKeys((await getSiteData()).dayPages(params.day!))), { headers: { 'Content-Type': 'application/json' } });
