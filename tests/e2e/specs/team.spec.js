// Team sync end to end: real browser contexts (two teammates and the first
// one's phone) on one shared client, over the CouchDB replication protocol
// to PouchDB Server behind the static server's /couch/ proxy.
import { readFileSync } from 'node:fs';
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage, rowAction } from '../pages/client.js';
import { bigRecord } from '../pages/records.js';
import { COUCH, TeamPage, couch, docsOf, makeTeam, onServer, quietNetwork, serverDown } from '../pages/team.js';

const STEP = process.env.KBR_STEPS ? (what) => console.log(`STEP ${new Date().toISOString()} ${what}`) : () => {};

test.skip(() => !COUCH, 'no team server: scripts/test starts one (KBR_COUCH)');
// Each test drives several browsers of its own; the phone is one of them.
test.skip(({ isMobile }) => isMobile, 'the phone is one of the devices');
test.afterEach(({ consoleErrors }) => quietNetwork(consoleErrors));

const phoneView = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Another device: a browser context of its own, its errors counted. */
async function device(browser, consoleErrors, options = {}) {
  const context = await browser.newContext({ ...options, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await new AppPage(page).open();
  return { context, page, team: new TeamPage(page) };
}

/** The client as the backup export holds it. */
async function exported(page, name) {
  await page.goto('./#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const account = backup.clients.find((c) => c.client.name === name);
  expect(account, `${name} in the export`).toBeTruthy();
  return account;
}

/** Opens the client and waits until its ledger shows `n` rows. */
async function ledgerOf(page, name, n) {
  await page.goto('./');
  const overview = new OverviewPage(page);
  await expect(overview.row(name)).toBeVisible({ timeout: 15_000 });
  await overview.open(name);
  const client = new ClientPage(page);
  if (n !== undefined) await expect(client.ledgerRows).toHaveCount(n, { timeout: 15_000 });
  return client;
}

test('two teammates and a phone keep one client: bookings, edits, a deletion, offline, a server restart, identical exports', async ({ page, browser, consoleErrors }) => {
  test.setTimeout(180_000);
  const { db, user } = makeTeam(['anna', 'bram']);
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Gemeente Oost' });
  await new ClientPage(page).book({ note: 'kick-off', who: 'anna' });
  await page.goto('./');
  await new OverviewPage(page).createClient({ name: 'Alleen hier' });
  const anna = new TeamPage(page);
  await anna.connect(db, user.anna, 'anna-pw');
  // Shared from the client's page; the other client stays here.
  await ledgerOf(page, 'Gemeente Oost', 1);
  await page.getByTestId('client-share').check();
  await onServer(db, 'Gemeente Oost');
  await anna.synced();

  const bram = await device(browser, consoleErrors);
  await bram.team.connect(db, user.bram, 'bram-pw');
  const phone = await device(browser, consoleErrors, phoneView);
  await phone.team.connect(db, user.anna, 'anna-pw');
  for (const d of [bram, phone]) {
    await ledgerOf(d.page, 'Gemeente Oost', 1);
    await d.page.goto('./');
    await expect(d.page.getByTestId('client-row').filter({ hasText: 'Alleen hier' })).toHaveCount(0);
    await expect(d.page.getByTestId('shared-badge')).toHaveCount(1);
  }

  // Simultaneous bookings on all three.
  STEP('Simultaneous bookings on all three.');
  const pages = [page, bram.page, phone.page];
  const clients = [];
  for (const p of pages) clients.push(await ledgerOf(p, 'Gemeente Oost', 1));
  await Promise.all(clients.map((c, i) => c.book({ note: `tegelijk ${i}` })));
  for (const c of clients) await expect(c.ledgerRows).toHaveCount(4, { timeout: 10_000 });
  // The signed-in name filled "who" where it was left empty.
  await expect(clients[1].ledgerRows.filter({ hasText: 'tegelijk 1' })).toContainText(user.bram);

  // Both edit the same entry: different fields, both changes stay.
  STEP('Both edit the same entry: different f');
  await expect(anna.status).toHaveAttribute('data-state', 'synced');
  const edit = async (p, change) => {
    const row = p.getByTestId('ledger-row').filter({ hasText: 'kick-off' });
    await rowAction(row, 'edit-entry');
    await change(p.getByTestId('entry-form'));
    await p.getByTestId('entry-form').getByTestId('entry-submit').click();
  };
  await Promise.all([
    edit(page, (f) => f.getByTestId('entry-who').fill('anna en bram')),
    edit(bram.page, (f) => f.getByTestId('weight-5').check()),
  ]);
  for (const p of pages) {
    const row = p.getByTestId('ledger-row').filter({ hasText: 'kick-off' });
    await expect(row).toContainText('anna en bram', { timeout: 10_000 });
  }

  // One deletes an entry while another edits a different one.
  STEP('One deletes an entry while another ed');
  const del = page.getByTestId('ledger-row').filter({ hasText: 'tegelijk 2' });
  await Promise.all([
    rowAction(del, 'delete-entry'),
    edit(bram.page, (f) => f.getByTestId('entry-note').fill('kick-off, verslag gestuurd')),
  ]);
  for (const c of clients) await expect(c.ledgerRows).toHaveCount(3, { timeout: 10_000 });

  // The phone goes offline, books, and comes back.
  STEP('The phone goes offline, books, and co');
  await phone.context.setOffline(true);
  await clients[2].book({ note: 'in de trein' });
  await expect(phone.team.status).toHaveAttribute('data-state', /offline|waiting/, { timeout: 30_000 });
  await phone.context.setOffline(false);
  for (const c of clients) await expect(c.ledgerRows.filter({ hasText: 'in de trein' })).toHaveCount(1, { timeout: 40_000 });

  // The server stops in the middle of a push and comes back.
  STEP('The server stops in the middle of a p');
  await serverDown(page, true);
  await clients[0].book({ note: 'tijdens de storing' });
  await expect(anna.status).toHaveAttribute('data-state', /offline|error/, { timeout: 30_000 });
  await serverDown(page, false);
  for (const c of clients) await expect(c.ledgerRows.filter({ hasText: 'tijdens de storing' })).toHaveCount(1, { timeout: 70_000 });

  // At the end all three hold the same account.
  STEP('At the end all three hold the same ac');
  for (const d of [anna, bram.team, phone.team]) await d.synced(30_000);
  const accounts = [];
  for (const p of pages) accounts.push(await exported(p, 'Gemeente Oost'));
  expect(accounts[1]).toEqual(accounts[0]);
  expect(accounts[2]).toEqual(accounts[0]);
  const text = JSON.stringify(accounts[0]);
  for (const note of ['in de trein', 'kick-off, verslag gestuurd', 'tegelijk 0', 'tegelijk 1', 'tijdens de storing', 'anna en bram']) {
    expect(text, note).toContain(note);
  }
  expect(text).not.toContain('tegelijk 2');
  await expectNoAxeViolations(phone.page);
  await bram.context.close();
  await phone.context.close();
});

test('a wrong password and a non-member get a clear message, and nothing is connected', async ({ page, consoleErrors }) => {
  const { db, user } = makeTeam(['anna']);
  const other = makeTeam(['carla']);
  await new AppPage(page).open();
  const team = new TeamPage(page);
  await team.connect(db, user.anna, 'fout', { expectError: true });
  await expect(page.getByTestId('team-error')).toContainText('Naam of wachtwoord klopt niet');
  await team.connect(db, other.user.carla, 'carla-pw', { expectError: true });
  await expect(page.getByTestId('team-error')).toContainText('geen lid');
  await expect(page.getByTestId('sync-status')).toHaveCount(0);
  await expect(page.getByTestId('team-connect')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a hostile document is set aside and shown; the rest of the client keeps syncing', async ({ page, browser, consoleErrors }) => {
  test.setTimeout(90_000);
  const { db, user } = makeTeam(['anna', 'bram']);
  await new AppPage(page).open();
  await new OverviewPage(page).createClient({ name: 'Provincie' });
  await new ClientPage(page).book({ note: 'eerste' });
  const anna = new TeamPage(page);
  await anna.connect(db, user.anna, 'anna-pw');
  await ledgerOf(page, 'Provincie', 1);
  await page.getByTestId('client-share').check();
  await onServer(db, 'Provincie');
  await anna.synced();
  const clientId = await page.evaluate(() => location.hash.split('/')[2]);
  // Written straight into the database: a weight the app never allows, a
  // newer format, garbage under the client's name.
  const entry = (await docsOf(db)).find((d) => d.kind === 'entry');
  const put = await couch('PUT', `/${db}/${encodeURIComponent(entry._id)}`, { ...entry, record: { ...entry.record, weight: 99 } });
  await couch('PUT', `/${db}/${encodeURIComponent(`kbr:${clientId}:entry:424242`)}`, { kbr: 9, kind: 'entry', record: {} });
  await couch('PUT', `/${db}/${encodeURIComponent(`kbr:${clientId}:moment:x`)}`, { kbr: 1, kind: 'moment', record: 'garbage' });
  const bram = await device(browser, consoleErrors);
  await bram.team.connect(db, user.bram, 'bram-pw');
  const bramClient = await ledgerOf(bram.page, 'Provincie');
  await bramClient.book({ note: 'van bram' });
  await ledgerOf(page, 'Provincie', 2);
  await page.goto('./#/data');
  if (process.env.KBR_STEPS) {
    console.log('PUT', JSON.stringify(put));
    console.log('DOC', JSON.stringify((await couch('GET', `/${db}/${encodeURIComponent(entry._id)}?revs_info=true&conflicts=true&deleted_conflicts=true`)).body));
  }
  await expect(page.getByTestId('team-quarantine')).toContainText('3');
  // The sound version of the entry stays here.
  await ledgerOf(page, 'Provincie', 2);
  await expect(page.getByTestId('ledger-row').filter({ hasText: 'eerste' })).toHaveCount(1);
  await bram.context.close();
});

test('an expired session asks to sign in again and keeps every change queued', async ({ page, context, consoleErrors }) => {
  test.setTimeout(90_000);
  const { db, user } = makeTeam(['anna']);
  await new AppPage(page).open();
  await new OverviewPage(page).createClient({ name: 'Waterschap' });
  const anna = new TeamPage(page);
  await anna.connect(db, user.anna, 'anna-pw');
  const client = await ledgerOf(page, 'Waterschap', 0);
  await page.getByTestId('client-share').check();
  await onServer(db, 'Waterschap');
  await anna.synced();
  // The session ends (the cookie is gone; an answer still under way may
  // set it again, so until the server has refused a request).
  await client.book({ note: 'voor het verlopen' });
  await expect.poll(async () => {
    await context.clearCookies();
    return anna.state();
  }, { timeout: 30_000 }).toBe('signin');
  await client.book({ note: 'na het verlopen' });
  await expect(anna.status).toHaveAttribute('data-state', 'signin');
  // Never stored: the password.
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain('anna-pw');
  await anna.status.getByRole('link').click();
  const form = page.getByTestId('team-sign-in');
  await form.getByTestId('team-password').fill('anna-pw');
  await form.getByTestId('team-submit').click();
  await anna.synced(30_000);
  const docs = await docsOf(db);
  for (const note of ['voor het verlopen', 'na het verlopen']) {
    expect(docs.some((d) => d.kind === 'entry' && d.record.note === note), note).toBe(true);
  }
  // The sync state kept beside the accounts is counted and shown.
  await page.goto('./#/data');
  await expect(page.getByTestId('team-stored')).toContainText(/[1-9][0-9]* KB/);
});

// The figures of `ONLY=sync scripts/bench` (not part of scripts/test): a
// first push and a first pull of a 10,000-entry client, and how long a
// teammate's booking takes to show on an open page.
test('measure: first push and pull of a 10,000-entry client, and a teammate\'s booking', async ({ page, browser, consoleErrors }) => {
  test.skip(!process.env.KBR_BENCH, 'a benchmark: ONLY=sync scripts/bench');
  test.setTimeout(300_000);
  const n = 10_000;
  const { db, user } = makeTeam(['anna', 'bram']);
  const app = new AppPage(page);
  await app.open();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['kbr:client:c-groot', bigRecord('c-groot', 'Groot BV', n)]);
  await app.reload();
  const anna = new TeamPage(page);
  await anna.connect(db, user.anna, 'anna-pw');
  await anna.synced();
  const count = async () => (await couch('GET', `/${db}/_all_docs?limit=0`)).body.total_rows;
  const base = await count();
  let t0 = Date.now();
  await page.getByTestId('team-share-c-groot').check();
  await expect.poll(count, { timeout: 120_000, intervals: [100] }).toBe(base + n + 1);
  const push = Date.now() - t0;
  await anna.synced(120_000);

  const bram = await device(browser, consoleErrors);
  await bram.page.goto('./#/data');
  const form = bram.page.getByTestId('team-connect');
  await form.getByTestId('team-url').fill(`/couch/${db}`);
  await form.getByTestId('team-name').fill(user.bram);
  await form.getByTestId('team-password').fill('bram-pw');
  // The status line during the first pull (what it said, in order).
  await bram.page.evaluate(() => {
    window.__states = [];
    setInterval(() => {
      const s = document.querySelector('[data-testid=sync-status]');
      const text = s && s.textContent;
      if (text && window.__states[window.__states.length - 1] !== text) window.__states.push(text);
    }, 50);
  });
  t0 = Date.now();
  await form.getByTestId('team-submit').click();
  await expect(bram.page.getByTestId('team-share-c-groot')).toBeChecked({ timeout: 120_000 });
  await bram.team.synced(120_000);
  const pull = Date.now() - t0;
  const states = await bram.page.evaluate(() => window.__states);
  console.log(`MEASURE team sync, ${n} entries: first push ${push} ms, first pull ${pull} ms (goal: under 5000 ms each)`);
  console.log(`MEASURE team sync, the status line during the first pull: ${states.join(' → ')}`);
  await expect.poll(() => bram.page.evaluate(() => (localStorage.getItem('kbr:team:db') || '').length), { timeout: 30_000 }).toBeGreaterThan(0);
  const [syncChars, accountChars] = await bram.page.evaluate(() => [
    localStorage.getItem('kbr:team:db').length, localStorage.getItem('kbr:client:c-groot').length]);
  console.log(`MEASURE team sync, stored in the browser: sync state ${syncChars} characters beside the account's ${accountChars} (${(syncChars / accountChars).toFixed(2)}×)`);

  // A teammate's booking on a small shared client, seen on an open page.
  await page.goto('./');
  await new OverviewPage(page).createClient({ name: 'Klein BV' });
  await page.getByTestId('client-share').check();
  await onServer(db, 'Klein BV');
  const seen = await ledgerOf(bram.page, 'Klein BV', 0);
  const delays = [];
  const mine = new ClientPage(page);
  for (let i = 1; i <= 5; i++) {
    const start = Date.now();
    await mine.book({ note: `meting ${i}` });
    await expect(seen.ledgerRows).toHaveCount(i, { timeout: 20_000 });
    delays.push(Date.now() - start);
  }
  delays.sort((a, b) => a - b);
  console.log(`MEASURE team sync, a teammate's booking visible after: median ${delays[2]} ms, max ${delays[4]} ms of 5 (goal: within 2000 ms)`);
  await bram.context.close();
});

test('undo works on shared data, and two tabs of one browser run one replicator', async ({ page, context, browser, consoleErrors }) => {
  test.setTimeout(90_000);
  const { db, user } = makeTeam(['anna', 'bram']);
  await new AppPage(page).open();
  await new OverviewPage(page).createClient({ name: 'Hoogheemraadschap' });
  const anna = new TeamPage(page);
  await anna.connect(db, user.anna, 'anna-pw');
  const mine = await ledgerOf(page, 'Hoogheemraadschap', 0);
  await page.getByTestId('client-share').check();
  await onServer(db, 'Hoogheemraadschap');
  await mine.book({ note: 'terug te halen' });
  const bram = await device(browser, consoleErrors);
  await bram.team.connect(db, user.bram, 'bram-pw');
  const theirs = await ledgerOf(bram.page, 'Hoogheemraadschap', 1);

  // Deleted here, gone there; undone here, back there.
  await rowAction(mine.ledgerRows.first(), 'delete-entry');
  await expect(theirs.ledgerRows).toHaveCount(0, { timeout: 10_000 });
  await page.getByTestId('undo').click();
  await expect(mine.ledgerRows).toHaveCount(1);
  await expect(theirs.ledgerRows).toHaveCount(1, { timeout: 10_000 });
  await expect(theirs.ledgerRows.first()).toContainText('terug te halen');

  // A second tab of Anna's browser: it shows the state and gets Bram's
  // booking through the first tab, and sends nothing to the server itself.
  const second = await context.newPage();
  const sent = [];
  second.on('request', (r) => { if (r.url().includes('/couch/')) sent.push(r.url()); });
  await new AppPage(second).open();
  await expect(new TeamPage(second).status).toHaveAttribute('data-state', 'synced', { timeout: 15_000 });
  const inSecond = await ledgerOf(second, 'Hoogheemraadschap', 1);
  await theirs.book({ note: 'van bram, gezien in twee tabbladen' });
  await expect(inSecond.ledgerRows).toHaveCount(2, { timeout: 10_000 });
  await expect(mine.ledgerRows).toHaveCount(2, { timeout: 10_000 });
  expect(sent, 'requests of the second tab').toEqual([]);
  // The first tab closes: the second takes over.
  await page.close();
  await expect.poll(() => sent.length, { timeout: 15_000 }).toBeGreaterThan(0);
  await theirs.book({ note: 'na het sluiten' });
  await expect(inSecond.ledgerRows).toHaveCount(3, { timeout: 15_000 });
  await bram.context.close();
});
