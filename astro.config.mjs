// @ts-check
import { defineConfig } from 'astro/config';

/** URL path prefix when the site is served from a sub-folder (CONTRACT: BASE_PATH, default "/"). */
function basePath() {
  const raw = (process.env.BASE_PATH || '/').trim();
  const withLead = raw.startsWith('/') ? raw : `/${raw}`;
  return withLead.endsWith('/') ? withLead : `${withLead}/`;
}

const base = basePath();

export default defineConfig({
  output: 'static',
  // The public origin (e.g. https://example.org), when known: hreflang alternates need absolute URLs.
  site: process.env.SITE_URL || undefined,
  // The benchmark builds several corpora side by side.
  outDir: process.env.DIST_DIR || 'dist',
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External, content-hashed stylesheets keep the Content-Security-Policy free of inline styles.
    inlineStylesheets: 'never',
    // Pages render in a few milliseconds each and then wait on mkdir/write: a few in flight keep
    // the CPU busy while the file system works (tens of thousands of pages at scale).
    concurrency: Number(process.env.ASTRO_CONCURRENCY) || 4,
  },
  i18n: {
    locales: ['en', 'zh'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  vite: {
    // Benchmark corpora and test builds hold hundreds of thousands of files: never watch them.
    server: { watch: { ignored: ['**/bench/work/**', '**/test-results/**', '**/dist/**'] } },
    // The base path as a compile-time constant for src/lib/i18n.ts (href building).
    define: { __DAYLINE_BASE__: JSON.stringify(base) },
    // Never inline a script, however small: the Content-Security-Policy allows only files ('self').
    build: { assetsInlineLimit: 0 },
  },
  prefetch: false,
});
