/**
 * The site's Content Security Policy, one list for the pages' meta tag (src/layouts/BaseLayout.astro)
 * and the server's header (scripts/static-server.ts). Only a header can say frame-ancestors.
 */
export function contentSecurityPolicy(scriptSrc: readonly string[] = [], { header = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...scriptSrc].join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}
