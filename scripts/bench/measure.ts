/** What a built site weighs: pages, total size, day-page sizes and what a reader downloads. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Stylesheets and scripts a page loads from the same site, as dist-relative paths. */
export function pageAssets(html: string, base: string): string[] {
  const refs = [
    ...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g),
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g),
  ].map((m) => m[1]!);
  return refs.filter((r) => r.startsWith(base)).map((r) => r.slice(base.length));
}

export interface SiteSize {
  pages: number;
  /** every file in the built site (static hosts limit the count) */
  files: number;
  distMB: number;
  dayPageMedianKB: number;
  dayPageMaxKB: number;
  dayPageDownloadKB: number;
  /** the largest month page (any page of a paged month) */
  monthPageMaxKB: number;
}

/** An English day page or one of its further pages: day/2014-01-04/ or day/2014-01-04/2/. */
export const DAY_PAGE = /^day\/\d{4}-\d{2}-\d{2}\/(?:\d+\/)?index\.html$/;
/** An English month page or one of its further pages. */
export const MONTH_PAGE = /^month\/\d{4}-\d{2}\/(?:\d+\/)?index\.html$/;

export function measureSite(dist: string, base = '/'): SiteSize {
  const files = listFiles(dist);
  const html = files.filter((f) => f.endsWith('.html'));
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const dayPages = html.filter((f) => DAY_PAGE.test(relative(dist, f)));
  const daySizes = dayPages.map((f) => statSync(f).size);
  const monthSizes = html.filter((f) => MONTH_PAGE.test(relative(dist, f))).map((f) => statSync(f).size);
  const largestSize = daySizes.reduce((a, b) => Math.max(a, b), 0);
  const largest = dayPages[daySizes.indexOf(largestSize)];
  let download = 0;
  if (largest) {
    const page = readFileSync(largest, 'utf8');
    download = statSync(largest).size + pageAssets(page, base).reduce((sum, a) => sum + statSync(join(dist, a)).size, 0);
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    pages: html.length,
    files: files.length,
    distMB: Math.round((bytes / 1024 / 1024) * 10) / 10,
    dayPageMedianKB: kb(median(daySizes)),
    dayPageMaxKB: kb(largestSize),
    dayPageDownloadKB: kb(download),
    monthPageMaxKB: kb(monthSizes.reduce((a, b) => Math.max(a, b), 0)),
  };
}
