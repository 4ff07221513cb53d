import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** Whether a static host sends this file gzip-compressed (text; Pagefind's own files already are). */
export function sentCompressed(file: string): boolean {
  return /^(text\/|application\/(json|xml)|image\/svg)/.test(TYPES[path.extname(file)] ?? '');
}

/** How many bytes the server below sends for a file to a browser that accepts gzip. */
export function bytesSent(file: string): number {
  return sentCompressed(file) ? gzipSync(readFileSync(file)).length : statSync(file).size;
}

/**
 * A plain static file server, like any static host: serves `dir` under the sub-path `base`
 * (e.g. `/neurons/`), `index.html` for folders, `404.html` with status 404 for the rest, and
 * text gzip-compressed.
 * It knows nothing about Astro, so what passes here passes on a real host. `onServe` hears of
 * every file sent (the benchmark counts the bytes a search fetches with it).
 */
export function serveStatic(
  dir: string,
  base: string,
  onServe: (url: string, bytes: number) => void = () => undefined,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (file: string, status = 200) => {
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      // Like static hosts do, text is sent gzip-compressed (Pagefind's own files already are).
      if (sentCompressed(file) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const body = gzipSync(readFileSync(file));
        res.writeHead(status, { 'Content-Type': type, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
        onServe(url.pathname, body.length);
        return res.end(body);
      }
      res.writeHead(status, { 'Content-Type': type });
      onServe(url.pathname, statSync(file).size);
      createReadStream(file).pipe(res);
    };
    const notFound = () => send(path.join(dir, '404.html'), 404);
    if (!url.pathname.startsWith(base)) return notFound();
    let file = path.join(dir, decodeURIComponent(url.pathname.slice(base.length)));
    if (!file.startsWith(dir)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      // Like most static hosts: a folder without a trailing slash redirects to one.
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    if (!existsSync(file)) return notFound();
    send(file);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}
