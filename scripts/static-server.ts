/**
 * A small static file server for the built site: used by `npm start` and by the end-to-end tests.
 * Serves `dist/` under the base path, directory URLs from their index.html, and 404.html otherwise.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|xml|manifest)|image\/svg)/;

export interface StaticServerOptions {
  root: string;
  port: number;
  base?: string;
  host?: string;
}

function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, decoded));
  if (!candidate.startsWith(root)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

export function startStaticServer(options: StaticServerOptions): Promise<Server> {
  const root = resolve(options.root);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path = url.pathname;
    if (!path.startsWith(base)) {
      if (`${path}/` === base) path = base;
      else return send404();
    }
    const relative = path.slice(base.length - 1);
    const file = fileFor(root, relative);
    if (!file) return send404();
    if (!relative.endsWith('/') && file.endsWith('index.html') && !relative.endsWith('index.html')) {
      response.writeHead(301, { Location: `${path}/${url.search}` });
      response.end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Compress text as any production static host does; readers' byte budgets assume it.
    const compress = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(200, { 'Content-Type': type, Vary: 'Accept-Encoding', ...(compress ? { 'Content-Encoding': 'gzip' } : {}) });
    const body = createReadStream(file);
    if (compress) body.pipe(createGzip()).pipe(response);
    else body.pipe(response);

    function send404() {
      const notFound = join(root, '404.html');
      response.writeHead(404, { 'Content-Type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolvePromise(server));
  });
}
