// A service worker: keeps one build of its page for use without network.
// scripts/bundle.py writes one for the app (sw.js) and one for the
// participant page (p/sw.js), with the build id and the files that page
// needs. A new deployment is a new worker: it downloads the whole new
// build into its own cache and then waits until the page asks it to take
// over (the "new version" notice), so a page never runs a mix of old and
// new files. The cache of the build before stays until the next one, for
// tabs still open on it that load a view later.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const PREFIX = '__PREFIX__';
const CACHE = `${PREFIX}${BUILD}`;
const PAGE = new URL('./', self.location).href;
const PAGES = new Set([PAGE, `${PAGE}index.html`]);

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
    const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX));
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
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const url = request.url.split('#')[0].split('?')[0];
    if (request.mode === 'navigate' && PAGES.has(url)) {
      const page = await (await caches.open(CACHE)).match(PAGE);
      return page || fetch(request);
    }
    // Hashed build files never change: any build's cache may answer.
    const hit = await caches.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
