// Nothing lost, ever: the adversarial cases. Each fails on the version
// before the fix; the stress and capacity tests print their figures.
import { test, expect } from '../fixtures.js';
import { AppPage, kbrStorage, settled } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage, rowAction, todayIso } from '../pages/client.js';
import { bigRecord, plainRecord } from '../pages/records.js';
import { readFileSync } from 'node:fs';

test.skip(() => test.info().project.name === 'phone', 'storage failure cases run on desktop');

async function makeClient(page, name = 'Veilig BV') {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name });
  return { app, client: new ClientPage(page) };
}

/** Stores `record` under `key`, then opens `hash` afresh. */
async function seed(page, entries, hash = '#/') {
  const app = new AppPage(page);
  await app.open();
  await page.evaluate((list) => { for (const [k, v] of list) localStorage.setItem(k, v); }, entries);
  await app.open(hash);
  await app.reload();
  return app;
}

function breakStorage(page, name = 'QuotaExceededError') {
  return page.evaluate((n) => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException('full', n); };
  }, name);
}

function mendStorage(page) {
  return page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
}

test('two tabs saving one large client at the same instant, many times, lose no entry', async ({ page, context }) => {
  test.setTimeout(240_000);
  const key = 'kbr:client:c-big';
  await seed(page, [[key, bigRecord('c-big', 'Groot BV', 5_000)]], '#/client/c-big');
  const a = new ClientPage(page);
  await expect(page.getByTestId('ledger-count')).toContainText('5000 boekingen');
  const other = await context.newPage();
  await other.goto(page.url());
  const b = new ClientPage(other);
  await expect(other.getByTestId('ledger-count')).toContainText('5000 boekingen');
  const rounds = 20;
  const clickAt = async (t) => {
    while (Date.now() < t) await new Promise((r) => setTimeout(r, 1));
    document.querySelector('[data-testid=entry-submit]').click();
  };
  for (let i = 0; i < rounds; i++) {
    await a.form.getByTestId('entry-note').fill(`stress-A-${i}`);
    await b.form.getByTestId('entry-note').fill(`stress-B-${i}`);
    const at = Date.now() + 150;
    await Promise.all([page.evaluate(clickAt, at), other.evaluate(clickAt, at)]);
    await expect(a.form.getByTestId('entry-note')).toHaveValue('');
    await expect(b.form.getByTestId('entry-note')).toHaveValue('');
  }
  const notes = [];
  for (let i = 0; i < rounds; i++) notes.push(`stress-A-${i}`, `stress-B-${i}`);
  const missing = async () => page.evaluate(([k, ns]) => {
    const raw = localStorage.getItem(k) || '';
    return ns.filter((n) => !raw.includes(`"${n}"`));
  }, [key, notes]);
  await expect.poll(missing, { timeout: 30_000 }).toEqual([]);
  const total = 5_000 + 2 * rounds;
  await expect(page.getByTestId('ledger-count')).toContainText(`${total} boekingen`);
  await expect(other.getByTestId('ledger-count')).toContainText(`${total} boekingen`);
  await expect(page.getByTestId('banner-conflict')).toHaveCount(0);
  console.log(`MEASURE two-tab stress: ${2 * rounds} saves at the same instant on 5,000 entries, ${(await missing()).length} lost entries`);
  await page.reload();
  await expect(page.getByTestId('ledger-count')).toContainText(`${total} boekingen`);
});

test('a late notice of an older version changes nothing this tab has since saved', async ({ page }) => {
  // Under load a tab's own save can read and pass a version before the
  // browser delivers that version's storage event. Such a late notice,
  // made from a version this tab no longer remembers, was merged against
  // the newest version as if it had undone everything after it.
  const { client } = await makeClient(page, 'Laat Bericht BV');
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('kbr:client:')));
  await client.book({ note: 'een' });
  await settled(page);
  const early = await page.evaluate((k) => localStorage.getItem(k), key);
  for (const note of ['twee', 'drie', 'vier', 'vijf']) {
    await client.book({ note });
    await settled(page);
  }
  const before = await kbrStorage(page);
  await page.evaluate(([k, old]) => {
    window.dispatchEvent(new StorageEvent('storage', {
      key: k, oldValue: localStorage.getItem(k), newValue: old, storageArea: localStorage,
    }));
  }, [key, early]);
  await settled(page);
  await expect(client.ledgerRows).toHaveCount(5);
  for (const note of ['een', 'twee', 'drie', 'vier', 'vijf']) {
    await expect(client.ledgerRows.filter({ hasText: note })).toHaveCount(1);
  }
  expect(await kbrStorage(page)).toEqual(before);
  await page.reload();
  await expect(client.ledgerRows).toHaveCount(5);
});

test('a rename in one tab and an entry in the other both survive', async ({ page, context }) => {
  const { client } = await makeClient(page, 'Naam Oud');
  await client.book({ category: 'sd-delivered', weight: 2, note: 'eerste' });
  const other = await context.newPage();
  await other.goto(page.url());
  const b = new ClientPage(other);
  await expect(b.ledgerRows).toHaveCount(1);
  await breakStorage(page);
  await page.getByRole('link', { name: 'Klanten' }).click();
  await page.getByTestId('edit-client').click();
  await page.getByTestId('client-name').fill('Naam Nieuw');
  await page.getByTestId('client-save').click();
  await b.book({ category: 'sd-listened', weight: 1, note: 'tweede' });
  await mendStorage(page);
  await expect(other.getByTestId('client-title')).toHaveText('Naam Nieuw', { timeout: 15_000 });
  await expect(new ClientPage(other).ledgerRows).toHaveCount(2);
  await expect(page.getByTestId('banner-conflict')).toHaveCount(0);
});

test('an edit in one tab and an addition in the other do not duplicate the edited entry', async ({ page, context }) => {
  const { client } = await makeClient(page, 'Dubbel BV');
  await client.book({ category: 'sd-delivered', weight: 2, note: 'origineel' });
  const other = await context.newPage();
  await other.goto(page.url());
  const b = new ClientPage(other);
  await expect(b.ledgerRows).toHaveCount(1);
  await breakStorage(page);
  await rowAction(client.ledgerRows.first(), 'edit-entry');
  await client.form.getByTestId('entry-note').fill('bewerkt');
  await client.form.getByTestId('weight-5').check();
  await client.form.getByTestId('entry-submit').click();
  await b.book({ category: 'sd-listened', weight: 1, note: 'nieuw' });
  await mendStorage(page);
  await expect(client.ledgerRows).toHaveCount(2);
  await expect(client.saldo(client.supplierCard)).toHaveText('+6', { timeout: 15_000 });
  await expect(b.saldo(b.supplierCard)).toHaveText('+6', { timeout: 15_000 });
  await expect(page.getByTestId('banner-storage')).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await expect(client.ledgerRows).toHaveCount(2);
  await expect(client.ledgerRows.filter({ hasText: 'origineel' })).toHaveCount(0);
});

test('the same field changed differently in two tabs is asked, never dropped', async ({ page, context }) => {
  const { client } = await makeClient(page, 'Vraag BV');
  await client.book({ category: 'sd-delivered', weight: 2, note: 'basis' });
  const other = await context.newPage();
  await other.goto(page.url());
  const b = new ClientPage(other);
  await expect(b.ledgerRows).toHaveCount(1);
  await breakStorage(page);
  for (const [p, note] of [[client, 'van tab een'], [b, 'van tab twee']]) {
    await rowAction(p.ledgerRows.first(), 'edit-entry');
    await p.form.getByTestId('entry-note').fill(note);
    await p.form.getByTestId('entry-submit').click();
  }
  const banner = page.getByTestId('banner-conflict');
  await expect(banner).toBeVisible();
  await expect(banner.getByTestId('conflict')).toHaveCount(1);
  await expect(banner).toContainText('van tab een');
  await expect(banner).toContainText('van tab twee');
  // While the question stands, changes to that client wait.
  await client.form.getByTestId('entry-note').fill('wacht');
  await client.form.getByTestId('entry-submit').click();
  await expect(page.getByTestId('entry-errors')).toContainText('Kies eerst');
  await mendStorage(page);
  await banner.getByTestId('conflict-theirs').check();
  await banner.getByTestId('conflict-save').click();
  await expect(banner).toHaveCount(0);
  await expect(client.ledgerRows.first()).toContainText('van tab twee');
  await expect(page.getByTestId('banner-storage')).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await expect(client.ledgerRows).toHaveCount(1);
  await expect(client.ledgerRows.first()).toContainText('van tab twee');
});

test('a deletion in one tab is not undone by a save in the other', async ({ page, context }) => {
  const { client } = await makeClient(page, 'Weg BV');
  await client.book({ category: 'sd-delivered', weight: 2, note: 'blijft' });
  await client.book({ category: 'sd-listened', weight: 1, note: 'gaat weg' });
  const other = await context.newPage();
  await other.goto(page.url());
  const b = new ClientPage(other);
  await expect(b.ledgerRows).toHaveCount(2);
  await breakStorage(page);
  await client.book({ category: 'sd-gesture', weight: 1, note: 'extra' });
  await rowAction(b.ledgerRows.filter({ hasText: 'gaat weg' }), 'delete-entry');
  await mendStorage(page);
  await expect(client.ledgerRows).toHaveCount(2, { timeout: 15_000 });
  await expect(client.ledgerRows.filter({ hasText: 'gaat weg' })).toHaveCount(0);
  await expect(page.getByTestId('banner-storage')).toHaveCount(0, { timeout: 15_000 });
  await page.reload();
  await expect(client.ledgerRows).toHaveCount(2);
});

test('the largest store the quota allows backs up and restores whole', async ({ page }) => {
  test.setTimeout(240_000);
  const n = 80_000;
  const app = await seed(page, [['kbr:client:c-max', bigRecord('c-max', 'Vol BV', n)]], '#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  await page.evaluate(() => localStorage.clear());
  await app.reload();
  await page.goto('./#/data');
  const t0 = Date.now();
  await page.getByTestId('import-file').setInputFiles({ name: 'vol.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('import-plan')).toContainText(`${n} boekingen`, { timeout: 60_000 });
  const parsed = Date.now() - t0;
  const t1 = Date.now();
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('1 klant geïmporteerd', { timeout: 60_000 });
  const stored = Date.now() - t1;
  console.log(`MEASURE largest backup that round-trips: ${n} entries, ${(exported.length / 1_048_576).toFixed(2)} MB, read+check ${parsed} ms, store ${stored} ms`);
  await app.reload();
  await page.goto('./#/data');
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(readFileSync(await again.path(), 'utf8')).toBe(exported);
});

test('closing the tab while changes cannot be saved asks first', async ({ page }) => {
  const { client } = await makeClient(page);
  await breakStorage(page);
  await client.book({ category: 'sd-delivered', weight: 3, note: 'niet opgeslagen' });
  await expect(page.getByTestId('banner-storage')).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.beforeUnloads.length).toBe(1);
  expect(page.isClosed()).toBe(false);
  await expect(page.getByTestId('banner-export')).toBeVisible();
});

test('read-only mode refuses visibly and keeps what was typed; imports check what is stored now', async ({ page }) => {
  const { app, client } = await makeClient(page, 'Oud BV');
  await client.book({ category: 'sd-delivered', weight: 2 });
  // Another version wrote a record after this tab loaded: import refuses.
  await page.evaluate(() => localStorage.setItem('kbr:client:c-future', '{"schema":99}'));
  await page.goto('./#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = readFileSync(await download.path());
  await page.getByTestId('import-file').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: file });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-error')).toContainText('Niet geïmporteerd');
  await expect(page.getByTestId('banner-read-only')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('kbr:client:c-future'))).toBe('{"schema":99}');

  await app.open('#/');
  await app.reload();
  await page.getByTestId('client-link').click();
  await client.form.getByTestId('entry-note').fill('blijft staan');
  await client.form.getByTestId('entry-submit').click();
  await expect(page.getByTestId('entry-errors')).toContainText('Niet opgeslagen');
  await expect(client.form.getByTestId('entry-note')).toHaveValue('blijft staan');
  await expect(client.ledgerRows).toHaveCount(1);
  await expect(page.getByTestId('toast')).toHaveCount(0);

  await page.getByRole('link', { name: 'Klanten' }).click();
  await page.getByTestId('new-client').click();
  await page.getByTestId('client-name').fill('Nieuw BV');
  await page.getByTestId('client-save').click();
  await expect(page.getByTestId('form-errors')).toContainText('Niet opgeslagen');
  await expect(page.getByTestId('client-name')).toHaveValue('Nieuw BV');
  await expect(page.getByTestId('not-found')).toHaveCount(0);
});

test('a record under another client\'s key is set aside, not shown as that client', async ({ page }) => {
  const theirs = plainRecord('c-echt', 'Echte klant', [
    { id: 1, date: todayIso(), party: 'supplier', direction: 'deposit', category: 'sd-delivered', weight: 2 },
  ]);
  await seed(page, [['kbr:client:c-ander', theirs]]);
  await expect(page.getByTestId('banner-quarantine')).toBeVisible();
  await expect(new OverviewPage(page).rows).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('kbr:client:c-ander'))).toBeNull();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kbr:quarantine:')));
  expect(keys).toHaveLength(1);
});

test('a backup written with the clock years ahead imports again', async ({ page, browser }) => {
  const ahead = new Date();
  ahead.setFullYear(ahead.getFullYear() + 3);
  await page.clock.setFixedTime(ahead);
  const { client } = await makeClient(page, 'Klok BV');
  await client.book({ category: 'sd-delivered', weight: 2, note: 'van de toekomst' });
  await page.goto('./#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = readFileSync(await download.path());
  const ctx = await browser.newContext();
  const now = await ctx.newPage();
  await now.goto(page.url());
  await now.getByTestId('import-file').setInputFiles({ name: 'k.json', mimeType: 'application/json', buffer: file });
  await now.getByTestId('import-confirm').click();
  await expect(now.getByTestId('import-done')).toContainText('1 klant geïmporteerd');
  await now.goto(new URL('./#/', page.url()).href);
  await now.getByTestId('client-link').click();
  await expect(new ClientPage(now).ledgerRows.first().getByTestId('future-badge')).toBeVisible();
  await ctx.close();
});

test('dates decades apart keep the client page small and are flagged', async ({ page }) => {
  const entries = [
    { id: 1, date: '1990-01-01', party: 'supplier', direction: 'deposit', category: 'sd-delivered', weight: 2 },
    { id: 2, date: todayIso(), party: 'supplier', direction: 'deposit', category: 'sd-delivered', weight: 2 },
    { id: 3, date: '9999-12-31', party: 'client', direction: 'deposit', category: 'cd-paid-on-time', weight: 2 },
  ];
  await page.goto('./');
  await page.evaluate((r) => localStorage.setItem('kbr:client:c-ver', r), plainRecord('c-ver', 'Ver BV', entries, { client: { id: 'c-ver', name: 'Ver BV', period: 'week' } }));
  await page.goto('./#/client/c-ver');
  await page.reload();
  await expect(page.getByTestId('date-flags')).toContainText('toekomst');
  await expect(page.getByTestId('date-flags')).toContainText('twintig jaar');
  const dots = await page.locator('[data-testid=balance-chart] circle').count();
  expect(dots).toBeLessThanOrEqual(2 * 260);
  expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(20_000);
});

test('storage that cannot be read at start-up says so', async ({ page }) => {
  await makeClient(page, 'Verborgen BV');
  await page.addInitScript(() => {
    Storage.prototype.key = function () { throw new DOMException('denied', 'SecurityError'); };
  });
  await page.goto('./#/');
  await page.reload();
  await expect(page.getByTestId('banner-startup')).toContainText('konden bij het openen niet worden gelezen');
  await expect(page.getByTestId('empty-unreadable')).toBeVisible();
});

test('records that are listed but cannot be read are reported, not taken for another tab', async ({ page }) => {
  await makeClient(page, 'Half BV');
  await page.addInitScript(() => {
    const get = Storage.prototype.getItem;
    Storage.prototype.getItem = function (k) { return k.startsWith('kbr:client:') ? null : get.call(this, k); };
  });
  await page.reload();
  await expect(page.getByTestId('banner-startup')).toContainText('1 opgeslagen klant kon niet worden gelezen');
  await expect(page.getByTestId('banner-conflict')).toHaveCount(0);
});

test('quarantine keeps a lone surrogate byte for byte', async ({ page }) => {
  await page.goto('./');
  // Stored as the browser holds it: a JavaScript string with a lone
  // surrogate, which no Rust string can carry.
  await page.evaluate(() => {
    localStorage.setItem('kbr:client:c-raar', `{"schema":4,"rev":1,"note":"x${String.fromCharCode(0xd800)}y"}`);
  });
  await page.reload();
  await expect(page.getByTestId('banner-quarantine')).toBeVisible();
  const same = await page.evaluate(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith('kbr:quarantine:'));
    const v = localStorage.getItem(k);
    return v === `{"schema":4,"rev":1,"note":"x${String.fromCharCode(0xd800)}y"}` && localStorage.getItem('kbr:client:c-raar') === null;
  });
  expect(same).toBe(true);
});

test('hostile lengths do not break the layout', async ({ page }) => {
  const { app } = await makeClient(page, 'K'.repeat(120));
  await app.open('#/');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.goto('./#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const long = text.replace(/"name":"K+"/, `"name":"${'N'.repeat(100_000)}","sponsor":7`);
  await page.getByTestId('import-file').setInputFiles({ name: 'lang.json', mimeType: 'application/json', buffer: Buffer.from(long) });
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  expect((await error.textContent()).length).toBeLessThan(2_000);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
});
