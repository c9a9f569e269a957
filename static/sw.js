// The service worker: keeps one build of the app for use without network.
// scripts/bundle.py fills in the build id and the list of files. A new
// deployment is a new sw.js: it downloads the whole new build into its own
// cache and then waits until the page asks it to take over (the "new
// version" notice), so a page never runs a mix of old and new files. The
// cache of the build before stays until the next one, for tabs still open
// on it that load a view later.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `kbr-${BUILD}`;
const PAGES = { '': './', 'index.html': './', 'p/': 'p/', 'p/index.html': 'p/' };

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // All or nothing: addAll fails whole if one file fails.
    await cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })));
    // The first install serves at once; an update waits for the page.
    if (!self.registration.active) await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const ours = (await caches.keys()).filter((k) => k.startsWith('kbr-'));
    const keep = new Set([CACHE, ...ours.filter((k) => k !== CACHE).slice(-1)]);
    await Promise.all(ours.filter((k) => !keep.has(k)).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const scope = self.registration.scope;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const path = new URL(request.url).pathname.slice(new URL(scope).pathname.length);
  event.respondWith((async () => {
    if (request.mode === 'navigate' && path in PAGES) {
      const cache = await caches.open(CACHE);
      const page = await cache.match(new URL(PAGES[path], scope));
      return page || fetch(request);
    }
    // Hashed build files never change: any build's cache may answer.
    const hit = await caches.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
