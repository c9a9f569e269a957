// End-to-end tests against the release build in dist/, served by a plain
// static server under a subpath (as on any static host), in system Chromium.
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT || 8081);
export const BASE_PATH = '/some/dir/';

// The browser runs on Amsterdam time, and the specs compute "today" in Node:
// Node must keep the same clock, or every date check fails in the hour(s)
// where UTC and Amsterdam are on different days. Workers load this file too.
export const TIME_ZONE = 'Europe/Amsterdam';
process.env.TZ = TIME_ZONE;

/** How Chromium is started; a spec that needs its own browser (a fake
 * camera) starts it the same way. */
export const launchOptions = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
    '--no-default-browser-check',
  ],
};

const desktop = { ...devices['Desktop Chrome'], channel: undefined, viewport: { width: 1280, height: 860 } };
const ROOM = /workshop-room\.spec\.js/;

export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // A test.only left in a spec would silently skip every other test.
  forbidOnly: true,
  // Two workers on the 2-core CI machine (Playwright's default is half the
  // cores, one there): the browser waits on the app most of the time.
  workers: Number(process.env.E2E_WORKERS) || 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    launchOptions,
    locale: 'nl-NL',
    timezoneId: TIME_ZONE,
    trace: 'off',
    // The service worker is tested on its own (offline.spec.js, on a server
    // of its own); elsewhere it would only fetch the whole build again per test.
    serviceWorkers: 'block',
  },
  projects: [
    // A room of thirty phones and a fake camera: its tests run one at a
    // time in one worker (each drives several phones at once). It comes
    // first, so the other worker runs the rest beside it; last, it would
    // run alone at the end.
    { name: 'room', testMatch: ROOM, fullyParallel: false, use: desktop },
    { name: 'desktop', testIgnore: ROOM, use: desktop },
    {
      name: 'phone',
      testIgnore: ROOM,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: {
    command: `node static-server.mjs ${PORT} ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
