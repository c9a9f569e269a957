// What had no end-to-end test of its own: an own category made, used and
// renamed through the forms; an import in merge mode; the ledger's date
// filters and paging; deleting a workshop session; deleting a quarantined
// record; the guide on a phone with every link followed.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage, kbrStorage, settled } from '../pages/app.js';
import { daysAgo } from '../pages/dates.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage } from '../pages/client.js';
import { bigRecord } from '../pages/records.js';
import { WorkshopsPage, expectNoSidewaysScroll } from '../pages/workshop.js';
import { readFileSync } from 'node:fs';

async function newClient(page, name) {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name });
  return { app, client: new ClientPage(page) };
}

/** DD-MM-YYYY of an ISO date, as the Dutch ledger shows it. */
const shown = (iso) => iso.split('-').reverse().join('-');

test.describe('desktop', () => {
  test.skip(({ isMobile }) => isMobile, 'the desktop project');

  test('an own category: made in the entry form, booked, renamed in the settings, kept over a reload', async ({ page }) => {
    const { app, client } = await newClient(page, 'Eigen BV');
    const f = client.form;
    await f.getByTestId('party-client').click();
    await f.getByTestId('direction-deposit').click();
    await f.getByTestId('add-own-category').click();
    await f.getByTestId('own-category-label').fill('Taart meegebracht');
    await f.getByTestId('own-category-save').click();
    // The new category is chosen at once, and the booking uses it.
    const chosen = await f.getByTestId('entry-category').inputValue();
    expect(chosen).toMatch(/^own-/);
    await expect(f.getByTestId('entry-category').locator('option:checked')).toHaveText('Taart meegebracht');
    await client.book({ party: 'client', direction: 'deposit', weight: 2, note: 'met slagroom' });
    await expect(client.ledgerRows).toHaveCount(1);
    await expect(client.ledgerRows.first()).toContainText('Taart meegebracht');

    await client.tab('settings');
    const row = page.getByTestId('own-category-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('own-category-use')).toContainText('in 1 boeking');
    await expect(row.getByTestId('own-category-delete')).toBeDisabled();
    await row.getByTestId('own-category-rename-input').fill('');
    await row.getByTestId('own-category-rename').click();
    await expect(row.getByTestId('own-category-errors')).not.toBeEmpty();
    await row.getByTestId('own-category-rename-input').fill('Gebak meegebracht');
    await row.getByTestId('own-category-rename').click();
    await expect(page.getByTestId('toast')).toContainText('Categorie hernoemd');
    await expectNoAxeViolations(page);

    await client.tab('ledger');
    await expect(client.ledgerRows.first()).toContainText('Gebak meegebracht');
    await expect(client.ledgerRows.first()).not.toContainText('Taart');
    await app.reload();
    await expect(client.ledgerRows.first()).toContainText('Gebak meegebracht');
    await expect(client.form.getByTestId('entry-category').locator(`option[value="${chosen}"]`)).toHaveCount(0);
    await client.form.getByTestId('party-client').click();
    await expect(client.form.getByTestId('entry-category').locator(`option[value="${chosen}"]`)).toHaveText('Gebak meegebracht');
  });

  test('an import in merge mode replaces the same client, adds the new one and keeps the rest', async ({ page }) => {
    const { app, client } = await newClient(page, 'Blijft BV');
    await client.book({ category: 'sd-delivered', weight: 1, note: 'blijft staan' });
    await app.open('#/');
    await new OverviewPage(page).createClient({ name: 'Vervangen BV' });
    await client.book({ category: 'sd-listened', weight: 2, note: 'oude versie' });
    await page.goto('./#/data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const replaced = structuredClone(backup.clients.find((c) => c.client.name === 'Vervangen BV'));
    replaced.client.name = 'Vervangen BV (nieuw)';
    const added = { ...structuredClone(replaced), client: { ...replaced.client, id: 'c-erbij', name: 'Erbij BV' } };
    const file = { ...backup, clients: [replaced, added] };
    await settled(page);
    const before = await kbrStorage(page);
    await page.getByTestId('import-file').setInputFiles({ name: 'deel.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByTestId('mode-merge').check();
    await expect(page.getByTestId('import-plan')).toContainText('1 nieuw, 1 vervangen');
    await page.getByTestId('import-confirm').click();
    await expect(page.getByTestId('import-done')).toBeVisible();
    await settled(page);
    const after = await kbrStorage(page);
    // The client not in the file is untouched, byte for byte.
    const kept = Object.keys(before).find((k) => k.startsWith('kbr:client:') && before[k].includes('Blijft BV'));
    expect(after[kept]).toBe(before[kept]);
    await app.open('#/');
    const overview = new OverviewPage(page);
    await expect(overview.rows).toHaveCount(3);
    for (const name of ['Blijft BV', 'Vervangen BV (nieuw)', 'Erbij BV']) await expect(overview.row(name)).toHaveCount(1);
    await app.reload();
    await expect(overview.rows).toHaveCount(3);
  });

  test('the ledger pages by 50 and filters by date', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.evaluate((r) => { localStorage.clear(); localStorage.setItem('kbr:client:c-groot', r); }, bigRecord('c-groot', 'Groot', 120));
    await page.goto('./#/client/c-groot');
    await app.reload();
    const client = new ClientPage(page);
    await expect(page.getByTestId('ledger-count')).toHaveText('120 van 120 boekingen');
    await expect(client.ledgerRows).toHaveCount(50);
    const info = page.getByTestId('page-info');
    const next = page.getByTestId('page-next');
    const prev = page.getByTestId('page-prev');
    await expect(info).toHaveText('Pagina 1 van 3');
    await expect(prev).toBeDisabled();
    const firstPage = await client.ledgerRows.locator('td:first-child').allTextContents();
    await next.click();
    await expect(info).toHaveText('Pagina 2 van 3');
    await expect(client.ledgerRows).toHaveCount(50);
    const secondPage = await client.ledgerRows.locator('td:first-child').allTextContents();
    expect(secondPage).not.toEqual(firstPage);
    await next.click();
    await expect(info).toHaveText('Pagina 3 van 3');
    await expect(client.ledgerRows).toHaveCount(20);
    await expect(next).toBeDisabled();
    await prev.click();
    await expect(info).toHaveText('Pagina 2 van 3');

    // A date range: only its entries, on one page, the filter starts at page 1.
    await page.getByTestId('filter-from').fill(daysAgo(29));
    await page.getByTestId('filter-to').fill(daysAgo(10));
    await expect(page.getByTestId('ledger-count')).toHaveText('20 van 120 boekingen');
    await expect(client.ledgerRows).toHaveCount(20);
    await expect(info).toHaveCount(0);
    const allowed = new Set(Array.from({ length: 20 }, (_, i) => shown(daysAgo(10 + i))));
    const dates = await client.ledgerRows.locator('td:first-child').allTextContents();
    expect(dates).toHaveLength(20);
    for (const d of dates) expect(allowed.has(d), d).toBe(true);
    await page.getByTestId('filter-to').fill('');
    await expect(page.getByTestId('ledger-count')).toHaveText('30 van 120 boekingen');
  });

  test('a workshop session is deleted, comes back with undo, and stays deleted once confirmed', async ({ page }) => {
    const workshops = new WorkshopsPage(page);
    await new AppPage(page).open();
    await workshops.open();
    await workshops.create({ title: 'Weg ermee' });
    await workshops.open();
    await workshops.create({ title: 'Blijft' });
    await workshops.open();
    const rows = page.getByTestId('session-row');
    await expect(rows).toHaveCount(2);
    await rows.filter({ hasText: 'Weg ermee' }).getByRole('link').click();
    await page.getByTestId('session-delete').click();
    await expect(page.getByTestId('workshops-page')).toBeVisible();
    await expect(rows).toHaveCount(1);
    await page.getByTestId('undo').click();
    await expect(rows).toHaveCount(2);
    await rows.filter({ hasText: 'Weg ermee' }).getByRole('link').click();
    await page.getByTestId('session-delete').click();
    await expect(rows).toHaveCount(1);
    await settled(page);
    const keys = Object.keys(await kbrStorage(page)).filter((k) => k.startsWith('kbr:workshop:'));
    expect(keys).toHaveLength(1);
    await page.reload();
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Blijft');
  });

  test('a quarantined record is deleted only when asked, and then for good', async ({ page }) => {
    const { app } = await newClient(page, 'Gezond BV');
    const garbage = '{"schema":2,"rev":1,"client":{"id":"c-stuk"';
    await page.evaluate((g) => localStorage.setItem('kbr:client:c-stuk', g), garbage);
    await app.reload();
    await expect(page.getByTestId('banner-quarantine')).toBeVisible();
    await page.getByTestId('banner-quarantine').getByRole('link').click();
    const item = page.getByTestId('quarantine-item');
    await expect(item).toHaveCount(1);
    const qkey = Object.keys(await kbrStorage(page)).find((k) => k.startsWith('kbr:quarantine:'));
    expect(qkey).toBeTruthy();
    await item.getByTestId('quarantine-delete').click();
    await expect(item).toHaveCount(0);
    const left = await kbrStorage(page);
    expect(left[qkey]).toBeUndefined();
    expect(Object.keys(left).filter((k) => k.startsWith('kbr:client:'))).toHaveLength(1);
    await app.open('#/');
    await app.reload();
    await expect(new OverviewPage(page).rows).toHaveCount(1);
    await expect(page.getByTestId('banner-quarantine')).toHaveCount(0);
  });
});

test.describe('on a phone', () => {
  test.skip(({ isMobile }) => !isMobile, 'the phone project');

  test('the guide at 360 px: readable, and every link leads to its screen', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('client-page').waitFor();
    await page.goto('./#/guide');
    const guide = page.getByTestId('guide');
    await expect(guide).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    const links = guide.getByRole('link', { name: /Waar in de app/ });
    const n = await links.count();
    expect(n).toBe(8);
    const hrefs = [];
    for (let i = 0; i < n; i++) hrefs.push(await links.nth(i).getAttribute('href'));
    for (let i = 0; i < n; i++) {
      await page.goto('./#/guide');
      await links.nth(i).click();
      await expect(page).toHaveURL(new RegExp(`${hrefs[i].replace(/[/]/g, '\\/')}$`));
      await expect(page.getByTestId('not-found')).toHaveCount(0);
      await expect(page.getByTestId('main')).not.toBeEmpty();
      await expect(page.getByTestId('loading')).toHaveCount(0);
      const screen = hrefs[i].includes('/assessments/') ? 'assessment'
        : hrefs[i].includes('workshops') ? 'workshops-page' : 'client-page';
      await expect(page.getByTestId(screen)).toBeVisible();
      await expectNoSidewaysScroll(page);
    }
  });
});
