// Offline after the first visit, from a subpath, and a new deployment
// picked up only when the user asks: on a server of this test's own,
// serving a copy of the build that the test then redeploys.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { DIST, serve } from '../static-server.mjs';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage } from '../pages/client.js';
import { WorkshopsPage } from '../pages/workshop.js';

test.use({ serviceWorkers: 'allow' });
const BASE = '/deep/sub/path/';

let root;
let server;
let origin;

test.beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'kbr-offline-'));
  cpSync(DIST, root, { recursive: true });
  server = await serve(root, 0, BASE);
  origin = `http://127.0.0.1:${server.address().port}`;
});

test.afterEach(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(root, { recursive: true, force: true });
});

/** Waits until the page's service worker controls it and holds the build. */
async function controlled(page, worker = 'sw.js') {
  // The page's own worker: the participant page (p/) lies inside the app
  // worker's scope too, and may be controlled by it until its own,
  // narrower worker has installed and claimed it.
  await page.waitForFunction(
    (w) => navigator.serviceWorker?.controller?.scriptURL.endsWith(w),
    worker,
    { timeout: 30_000 },
  );
}

/** A new deployment: a worker of another build id and a changed page. */
function redeploy() {
  const sw = join(root, 'sw.js');
  writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const BUILD = '([0-9a-f]+)'/, "const BUILD = '$1next'"));
  const page = join(root, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('<body>', '<body data-build="next">'));
}

test('the app works offline after the first visit and takes a new version only when asked', async ({ page, context }) => {
  await page.goto(`${origin}${BASE}`);
  await page.getByTestId('brand').waitFor();
  await controlled(page);
  await new OverviewPage(page).createClient({ name: 'Offline BV' });

  // No network: the app, a client page (a chunk loaded later) and saving still work.
  await context.setOffline(true);
  await page.goto(`${origin}${BASE}#/`);
  await page.reload();
  await expect(page.getByTestId('client-row')).toContainText('Offline BV');
  await new OverviewPage(page).open('Offline BV');
  const client = new ClientPage(page);
  await client.book({ party: 'supplier', direction: 'deposit', category: 'sd-delivered', weight: 3 });
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');
  await page.reload();
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');
  await page.goto(`${origin}${BASE}#/data`);
  await expect(page.getByTestId('data-page')).toBeVisible();
  await expect(page.getByTestId('load-failed')).toHaveCount(0);

  // Back online with a new deployment: the old build keeps running until
  // the user chooses, then the new one runs whole.
  await context.setOffline(false);
  redeploy();
  await page.goto(`${origin}${BASE}#/`);
  await page.reload();
  await expect(page.getByTestId('update-notice')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('update-notice')).toContainText('nieuwe versie');
  expect(await page.evaluate(() => document.body.dataset.build)).toBeUndefined();
  await expectNoAxeViolations(page);
  await page.getByTestId('update-reload').click();
  await page.waitForFunction(() => document.body.dataset.build === 'next', null, { timeout: 30_000 });
  await expect(page.getByTestId('client-row')).toContainText('Offline BV');
  await expect(page.getByTestId('update-notice')).toHaveCount(0);
  const caches = await page.evaluate(() => caches.keys());
  expect(caches.some((k) => k.endsWith('next'))).toBe(true);
});

test('the participant page works offline once opened, with its own small cache', async ({ page, context }) => {
  // An invite made in the app: a workshop session's link.
  await page.goto(`${origin}${BASE}#/workshops`);
  await page.getByTestId('workshops-page').waitFor();
  const session = await new WorkshopsPage(page).create({ title: 'Offline workshop' });
  const link = await session.link();
  expect(link.startsWith(`${origin}${BASE}p/`)).toBe(true);
  await page.goto(link);
  await expect(page.getByTestId('participant')).toBeVisible();
  await controlled(page, '/p/sw.js');
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const own = keys.find((k) => k.startsWith('kbr-p-'));
    return (await (await caches.open(own)).keys()).map((r) => r.url);
  });
  // Only the participant's own files: not the app's chunks.
  expect(cached.some((u) => u.includes('/app/'))).toBe(false);
  expect(cached.some((u) => u.endsWith('participant_bg.wasm'))).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('participant')).toBeVisible();
  await expect(page.getByTestId('participant')).toContainText('Offline workshop');
});

test('the web app manifest and its icons can install the app on a phone', async ({ page, request }) => {
  await page.goto(`${origin}${BASE}`);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await request.get(new URL(href, `${origin}${BASE}`).href)).json();
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toContain('192x192');
  expect(sizes).toContain('512x512');
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const res = await request.get(new URL(icon.src, new URL(href, `${origin}${BASE}`)).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
  }
});
