// Lighthouse mobile scores of the release build in dist/, served under a
// subpath by the e2e static server in its production mode (gzip, hashed
// build folder cached). Three scenarios: the overview with an empty store,
// the overview with 50 clients of 200 entries each, and the workshop
// participant page an invite link opens. Each runs RUNS times on a cold
// cache with no service worker; the median performance run is printed.
//
// Lighthouse drives a Chromium that Playwright launched, so the store can
// be seeded first (from a page of the same origin that is not the app, so
// no service worker is installed by the seeding itself). The 50-client
// store is seeded as the app itself stores it (see asStoredNow).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { DIST, serve } from '../../tests/e2e/static-server.mjs';
import { bigRecord } from '../../tests/e2e/pages/records.js';

const RUNS = Number(process.env.RUNS || 3);
const PORT = 9300 + Math.floor(Math.random() * 500);
const DEBUG_PORT = PORT + 1000;
const BASE = '/klantbankrekening/';
const ORIGIN = `http://127.0.0.1:${PORT}`;
const APP = `${ORIGIN}${BASE}`;

const server = await serve(DIST, PORT, BASE, { production: true });
const profile = mkdtempSync(join(tmpdir(), 'kbr-lighthouse-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [`--remote-debugging-port=${DEBUG_PORT}`, '--no-sandbox'],
});
const page = context.pages()[0] || (await context.newPage());

/** Puts the origin in a known state: `records` in localStorage, nothing
 * else; no service worker, no cache. */
async function reset(records) {
  await page.goto(`${ORIGIN}/not-the-app`);
  await page.evaluate(async (rs) => {
    localStorage.clear();
    for (const [k, v] of rs) localStorage.setItem(k, v);
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const k of await caches.keys()) await caches.delete(k);
  }, records);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

/** An invite link of a one-exercise workshop, made in the app as a trainer would. */
async function inviteLink() {
  await reset([]);
  await page.goto(`${APP}#/workshops`);
  await page.getByTestId('session-title').fill('Casus Lighthouse');
  await page.getByTestId('session-create').click();
  return page.getByTestId('invite-link').inputValue();
}

async function measure(name, url, records) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    await reset(records);
    const { lhr } = await lighthouse(url, {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      disableStorageReset: true,
    });
    const score = (c) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const ms = (a) => lhr.audits[a]?.numericValue ?? NaN;
    runs.push({
      performance: score('performance'), accessibility: score('accessibility'), practices: score('best-practices'),
      fcp: ms('first-contentful-paint'), lcp: ms('largest-contentful-paint'), tbt: ms('total-blocking-time'),
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
      lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? '',
      longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)} ms ${String(t.url).split('/').pop()}`),
      failed: Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id),
    });
  }
  runs.sort((a, b) => a.performance - b.performance);
  const m = runs[Math.floor(runs.length / 2)];
  console.log(
    `LIGHTHOUSE ${name}: performance ${m.performance} (runs ${runs.map((r) => r.performance).join(', ')}), ` +
      `accessibility ${m.accessibility}, best practices ${m.practices}; ` +
      `FCP ${(m.fcp / 1000).toFixed(2)} s, LCP ${(m.lcp / 1000).toFixed(2)} s, TBT ${m.tbt.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}` +
      (m.failed.length ? `; failed audits: ${m.failed.join(', ')}` : '') +
      (process.env.LCP_ELEMENT ? `\n  LCP element: ${m.lcpElement}` : '') +
      (process.env.LONG_TASKS ? `\n  long tasks (start+duration, simulated): ${m.longTasks.join('; ') || 'none'}` : ''),
  );
}

/** `records` as this version stores them: opened once in the app, which
 * reads an older format whole and saves it again with its digest in
 * front; what the app then stores is what a returning user has. */
async function asStoredNow(records) {
  await reset(records);
  await page.goto(APP);
  await page.waitForFunction((n) => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith('kbr:client:'));
    return keys.length === n && keys.every((k) => localStorage.getItem(k).startsWith('{"g":'));
  }, records.length, { timeout: 60_000 });
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kbr:')).map((k) => [k, localStorage.getItem(k)]));
}

try {
  const fifty = await asStoredNow(
    Array.from({ length: 50 }, (_, i) => [`kbr:client:c-l${i}`, bigRecord(`c-l${i}`, `Klant ${i}`, 200)]),
  );
  // ONLY=<part of a scenario's name> runs just the matching ones.
  const wanted = (name) => !process.env.ONLY || name.includes(process.env.ONLY);
  if (wanted('overview, empty store')) await measure('overview, empty store', APP, []);
  if (wanted('overview, 50 clients x 200 entries')) await measure('overview, 50 clients x 200 entries', APP, fifty);
  if (wanted('participant page (invite link)')) await measure('participant page (invite link)', await inviteLink(), []);
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
