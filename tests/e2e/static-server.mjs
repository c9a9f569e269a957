// A deliberately plain static file server for the e2e tests: it serves a
// folder (../../dist by default) under a subpath and answers 404 for
// anything else, like a static host without rewrite rules. It proves the
// app needs no server help. Run as a script (Playwright's webServer), or
// import `serve` to start one on a folder of a test's own.
import { createServer, request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain',
  '.webmanifest': 'application/manifest+json',
};

export const DIST = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/** Serves `root` under `base` on 127.0.0.1:`port` (0: any free port); resolves to the server.
 * With `production`, it answers as a production host would: gzip where the
 * browser accepts it, and the content-hashed build folder (`b/`) cached for
 * a year (scripts/lighthouse measures that). */
export function serve(root, port, base, { production = false, couch = process.env.KBR_COUCH } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (couch && (url.pathname.startsWith('/couch/') || url.pathname.startsWith('/__couch/'))) {
      proxyCouch(couch, req, res, url);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) { res.writeHead(404).end('not found'); return; }
    path = path.slice(base.length) || 'index.html';
    // A folder serves its index.html, as every static host does.
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(file);
      const headers = { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
      if (production) {
        headers['cache-control'] = path.startsWith('b/') ? 'public, max-age=31536000, immutable' : 'no-cache';
        headers.vary = 'accept-encoding';
        if (/\bgzip\b/.test(req.headers['accept-encoding'] || '') && !/\.png$/.test(file)) {
          body = gzipSync(body, { level: 9 });
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => server.listen(Number(port), '127.0.0.1', () => ok(server)));
}

// The team database on this origin, as the README's deployment has it: a
// reverse proxy passes /couch/… to the CouchDB-protocol server (PouchDB
// Server in tests), so the app's connect-src 'self' holds. A test can take
// the server away and bring it back (POST /__couch/down, /__couch/up):
// while it is down every request, and every one under way, is cut off, as
// when the server stops.
let couchDown = false;
const underWay = new Set();
function proxyCouch(couch, req, res, url) {
  if (url.pathname === '/__couch/down' || url.pathname === '/__couch/up') {
    couchDown = url.pathname === '/__couch/down';
    if (couchDown) for (const r of underWay) r.destroy();
    res.writeHead(204).end();
    return;
  }
  if (couchDown) { req.socket.destroy(); return; }
  const target = new URL(couch);
  const upstream = httpRequest({
    host: target.hostname, port: target.port, method: req.method,
    path: url.pathname.slice('/couch'.length) + url.search,
    headers: { ...req.headers, host: target.host },
  }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  underWay.add(res.socket);
  res.on('close', () => underWay.delete(res.socket));
  upstream.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
  req.pipe(upstream);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [port = '8081', base = '/some/dir/'] = process.argv.slice(2);
  serve(DIST, port, base).then(() => console.log(`serving ${DIST} at http://127.0.0.1:${port}${base}`));
}
