/**
 * The static server against the requests that used to kill it, redirect off-site or read outside
 * dist/ (issue 16), sent byte for byte over a socket (an HTTP client would normalise them first).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget, startStaticServer } from './static-server.ts';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

let work: string;
let server: Server;
let port: number;

/** Sends one raw HTTP/1.1 request and reads the whole answer. */
function raw(requestLine: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', fail);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(head[0]!.split(' ')[1]);
      const parsed: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        parsed[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const body = all.subarray(split + 4);
      ok({ status, headers: parsed, body: parsed['transfer-encoding'] === 'chunked' ? dechunk(body) : body });
    });
    const lines = [requestLine, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  });
}

function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

const get = (path: string, headers: Record<string, string> = {}) => raw(`GET ${path} HTTP/1.1`, headers);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dayline-server-'));
  const dist = join(work, 'dist');
  mkdirSync(join(dist, 'day', '2014-01-04'), { recursive: true });
  mkdirSync(join(dist, '_astro'), { recursive: true });
  mkdirSync(join(dist, 'data'), { recursive: true });
  mkdirSync(join(dist, 'pagefind'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), `<!doctype html><title>Home</title>${'<p>words</p>'.repeat(200)}`);
  writeFileSync(join(dist, 'day', '2014-01-04', 'index.html'), '<!doctype html><title>Day</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>Not found</title>');
  writeFileSync(join(dist, '_astro', 'site.3f9a1c.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'data', 'events.csv'), 'id,text\r\ne-1,"x"\r\n');
  writeFileSync(join(dist, 'pagefind', 'en_1a2b.pf_fragment'), Buffer.from([1, 2, 3]));
  writeFileSync(join(dist, '.secret'), 'hidden');
  // A sibling of dist/ whose name starts like it: the old containment check let it through.
  writeFileSync(join(work, 'dist.bak.txt'), 'outside');
  server = await startStaticServer({ root: dist, port: 0 });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((ok) => server?.close(() => ok()));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('requests that used to break the server', () => {
  it('a target that is not a valid URL (//[) is a 400, and the server keeps serving', async () => {
    expect((await get('//[')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('an absolute-form target with a broken host (http://[::1/) is a 400', async () => {
    expect((await get('http://[::1/')).status).toBe(400);
    expect((await get('*')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('never redirects off the origin', async () => {
    for (const path of ['/.//evil.example/%2e%2e%2fday/2014-01-04', '//evil.example/day/2014-01-04', '/%2fevil.example/day/2014-01-04', '/\\evil.example/day', '/%5cevil.example/day']) {
      const response = await raw(`HEAD ${path} HTTP/1.1`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.location, path).toBeUndefined();
    }
  });

  it('a directory without its slash redirects to the same path with it, on this origin', async () => {
    const response = await get('/day/2014-01-04?q=a');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/day/2014-01-04/?q=a');
  });

  it('serves nothing outside dist/, and no dotfiles', async () => {
    for (const path of ['/..%2fdist.bak.txt', '/../dist.bak.txt', '/%2e%2e/dist.bak.txt', '/day/../../dist.bak.txt', '/.secret', '/%00', '/%']) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.body.toString(), path).not.toContain('outside');
      expect(response.body.toString(), path).not.toContain('hidden');
    }
  });

  it('answers methods other than GET and HEAD with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await raw(`${method} / HTTP/1.1`, { 'Content-Length': '0' });
      expect(response.status, method).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
    }
  });

  it('a request line Node cannot parse is a 400, and the server keeps serving', async () => {
    expect((await raw('THIS IS NOT HTTP')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });
});

describe('headers', () => {
  it('HEAD / carries the security and caching headers', async () => {
    const { status, headers } = await raw('HEAD / HTTP/1.1');
    expect(status).toBe(200);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['cache-control']).toMatch(/must-revalidate/);
    expect(headers.etag).toMatch(/^W\/".+"$/);
    expect(headers['content-type']).toBe('text/html;charset=utf-8');
  });

  it('revalidates with the ETag (304)', async () => {
    const { headers } = await get('/');
    const again = await get('/', { 'If-None-Match': headers.etag! });
    expect(again.status).toBe(304);
    expect(again.headers['x-content-type-options']).toBe('nosniff');
  });

  it('hashed build assets are cached for good; data files are revalidated and typed', async () => {
    expect((await get('/_astro/site.3f9a1c.css')).headers['cache-control']).toMatch(/immutable/);
    const csv = await get('/data/events.csv');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['cache-control']).toMatch(/must-revalidate/);
    expect((await get('/pagefind/en_1a2b.pf_fragment')).headers['content-type']).toBe('application/octet-stream');
  });

  it('gzips text for clients that accept it', async () => {
    const response = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(response.body).toString()).toContain('<title>Home</title>');
  });

  it('a missing page is the site 404 page with status 404', async () => {
    const response = await get('/day/1999-01-01/');
    expect(response.status).toBe(404);
    expect(response.body.toString()).toContain('Not found');
  });
});

describe('resolveTarget', () => {
  it('serves under a base path only, and sends the bare base to its slash', () => {
    expect(resolveTarget('/sub/day/x/', '/sub/')).toEqual({ kind: 'file', segments: ['day', 'x'], slash: true });
    expect(resolveTarget('/sub', '/sub/')).toEqual({ kind: 'redirect', location: '/sub/' });
    expect(resolveTarget('/other/', '/sub/')).toEqual({ kind: 'outside' });
  });
});
