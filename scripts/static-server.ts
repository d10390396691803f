/**
 * The static server for the built site: used by `npm start`, the end-to-end tests, Lighthouse and
 * the benchmark. sirv serves dist/ under the base path (directory URLs from their index.html, weak
 * ETags, 304 on revalidation; it lists the files once at start, so nothing outside dist/ or added
 * later can be served) and compression gzips text on the way out, as a production host does (the
 * pages' byte budgets are measured through it).
 *
 * Around them, this file only decides what reaches them: GET and HEAD only (405 otherwise); a
 * request target that is not a plain path, a malformed escape, an encoded slash or NUL, a `.` or
 * `..` segment, or an empty segment is a 400 before any lookup; the one redirect (a directory URL
 * without its slash) is built from the checked segments, so it always stays on this origin; and
 * every response carries the security headers and a Cache-Control. No request throws out of the
 * handler: whatever goes wrong answers 4xx/5xx and the server keeps serving.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import compression from 'compression';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { contentSecurityPolicy } from '../src/lib/csp.ts';

export interface StaticServerOptions {
  root: string;
  port: number;
  base?: string;
  host?: string;
}

/**
 * The pages' own policy (src/layouts/BaseLayout.astro, a meta tag) plus what only a header can
 * say (frame-ancestors). The search page's WebAssembly needs 'wasm-unsafe-eval'; the meta tag of
 * every other page leaves it out, and a browser enforces both policies.
 */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy(["'wasm-unsafe-eval'"], { header: true });

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Content-hashed build assets never change under their name; everything else is revalidated (ETag). */
function cacheControl(path: string): string {
  return /^\/_astro\//.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|xml|manifest)|image\/svg)/;
const TEXT_TYPE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

type Target =
  | { kind: 'file'; segments: string[]; slash: boolean }
  | { kind: 'redirect'; location: string }
  | { kind: 'bad'; reason: string }
  | { kind: 'outside' };

/** Characters a checked path segment may not hold once decoded (they would change what sirv reads). */
const UNSAFE_IN_SEGMENT = /[/\\%?#\u0000-\u001f\u007f]/;

/** What a request target asks for, checked segment by segment (never through `new URL`). */
export function resolveTarget(raw: string, base: string): Target {
  // Only origin-form targets ("/path?query"): absolute-form (http://…), authority-form and "*" are refused.
  if (!raw.startsWith('/')) return { kind: 'bad', reason: 'request target is not a path' };
  const queryAt = raw.search(/[?#]/);
  const rawPath = queryAt < 0 ? raw : raw.slice(0, queryAt);
  const rawSegments = rawPath.split('/').slice(1);
  const slash = rawSegments.at(-1) === '';
  if (slash) rawSegments.pop();
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    if (rawSegment === '') return { kind: 'bad', reason: 'empty path segment' };
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { kind: 'bad', reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..') return { kind: 'bad', reason: 'dot segment' };
    if (UNSAFE_IN_SEGMENT.test(segment)) return { kind: 'bad', reason: 'encoded slash, backslash, percent or control character' };
    segments.push(segment);
  }
  const baseSegments = base.split('/').filter(Boolean);
  const underBase = baseSegments.every((s, i) => segments[i] === s);
  if (!underBase) return { kind: 'outside' };
  // The base itself without its slash (/sub): the site's root.
  if (segments.length === baseSegments.length && !slash && baseSegments.length > 0) return { kind: 'redirect', location: base };
  return { kind: 'file', segments: segments.slice(baseSegments.length), slash };
}

/** A path from checked segments, for a Location header: percent-encoded, always starting with one slash. */
function locationOf(base: string, segments: string[], search: string): string {
  const path = `${base}${segments.map((s) => encodeURIComponent(s)).join('/')}/`;
  // A query is kept only when it is plain printable ASCII (a header must be).
  return /^\?[\x21-\x7e]*$/.test(search) ? `${path}${search}` : path;
}

export function startStaticServer(options: StaticServerOptions): Promise<Server> {
  const root = resolve(options.root);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const notFoundPage = existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : undefined;

  const files = sirv(root, {
    dev: false,
    etag: true,
    dotfiles: false,
    extensions: ['html'],
    setHeaders(res, pathname) {
      // A directory URL is its index.html, which sirv types itself.
      if (!/\.[^./]+$/.test(pathname)) return;
      const type = lookup(pathname);
      if (!type) res.setHeader('Content-Type', 'application/octet-stream');
      else if (TEXT_TYPE.test(type) && type !== 'text/html') res.setHeader('Content-Type', `${type}; charset=utf-8`);
    },
  });
  const compress = compression({
    threshold: 0,
    filter: (_req, res) => COMPRESSIBLE.test(String(res.getHeader('Content-Type') ?? '')),
  });

  const plain = (res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(`${text}\n`);
  };
  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    if (!notFoundPage) return plain(res, 404, 'Not found');
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': notFoundPage.length, 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : notFoundPage);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const raw = req.url ?? '';
    const target = resolveTarget(raw, base);
    if (target.kind === 'bad') return plain(res, 400, `Bad request: ${target.reason}`);
    if (target.kind === 'outside') return notFound(req, res);
    const queryAt = raw.indexOf('?');
    const search = queryAt < 0 ? '' : raw.slice(queryAt).replace(/#.*$/, '');
    if (target.kind === 'redirect') {
      res.writeHead(301, { Location: target.location, 'Cache-Control': 'no-cache' });
      return res.end();
    }
    const { segments, slash } = target;
    // A directory without its slash: the page's canonical URL has it (its relative links need it).
    if (!slash && segments.length > 0 && isDirectory(join(root, ...segments)) && isFile(join(root, ...segments, 'index.html'))) {
      res.writeHead(301, { Location: locationOf(base, segments, search), 'Cache-Control': 'no-cache' });
      return res.end();
    }
    const path = `/${segments.join('/')}${slash && segments.length > 0 ? '/' : ''}`;
    // sirv reads the checked, decoded path; ranges are not served (a server may ignore them, and
    // a compressed body has no byte ranges of the file).
    req.url = path;
    delete req.headers.range;
    // gzip, as before: the pages' byte budgets and the benchmark's transfer figures are gzip sizes.
    const accepted = req.headers['accept-encoding'];
    if (typeof accepted === 'string') req.headers['accept-encoding'] = accepted.split(',').filter((e) => /^\s*(gzip|identity|\*)\b/i.test(e)).join(',');
    res.setHeader('Cache-Control', cacheControl(path));
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => files(req, res, () => notFound(req, res)));
  };

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) plain(res, 500, 'Internal server error');
      else res.destroy(error instanceof Error ? error : undefined);
    }
  });
  // Requests Node cannot even parse (a malformed request line, an oversized header) get a 400 and
  // their connection closed; the server carries on.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolvePromise(server));
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
