import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage, rowAction, monthsAgo } from '../pages/client.js';
import { readFileSync } from 'node:fs';

test('main flow: create a client, book both parties, see saldo, status and explanation; reload keeps it', async ({ page }) => {
  const app = new AppPage(page);
  const overview = new OverviewPage(page);
  const client = new ClientPage(page);
  await app.open();
  await overview.createClient({ name: 'Gemeente Noord', organisation: 'Gemeente', manager: 'Eva' });
  await expect(client.status(client.supplierCard)).toHaveText(/Nog geen gegevens/);

  await client.book({ party: 'supplier', direction: 'deposit', category: 'sd-delivered', weight: 3, who: 'consultant', note: 'Fase 1 opgeleverd' });
  await client.book({ party: 'supplier', direction: 'withdrawal', category: 'sw-payment', weight: 2, who: 'facturatie', note: 'Factuur betaald' });
  await client.book({ party: 'client', direction: 'deposit', category: 'cd-paid-on-time', weight: 2, who: 'crediteuren', note: 'Op tijd' });
  await client.book({ party: 'client', direction: 'withdrawal', category: 'cw-unrealistic-demand', weight: 5, note: 'Alles morgen af' });

  await expect(client.saldo(client.supplierCard)).toHaveText('+1');
  await expect(client.saldo(client.clientCard)).toHaveText('\u22123');
  await expect(client.status(client.supplierCard)).toHaveText(/Gezond/);
  await expect(client.explanation(client.supplierCard)).toHaveText(/Saldo \+1 ligt tussen 0 en 15/);
  await expect(client.status(client.clientCard)).toHaveText(/Tijdelijk rood/);
  await expect(client.supplierCard.getByTestId('ratio')).toContainText('1,5 : 1');
  await expect(client.ledgerRows).toHaveCount(4);

  await app.reload();
  await expect(client.saldo(client.supplierCard)).toHaveText('+1');
  await expect(client.ledgerRows).toHaveCount(4);

  // This client's ledger as CSV (Dutch Excel) and as an hledger journal.
  const [csv] = await Promise.all([page.waitForEvent('download'), client.exportClient('csv')]);
  expect(csv.suggestedFilename()).toMatch(/^klantbankrekening-gemeente-noord-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText.trim().split('\r\n')).toHaveLength(5);
  expect(csvText).toMatch(/;\d{2}-\d{2}-\d{4};Aanbieder \(wij\);Storting;Product of dienst geleverd;3;3;consultant;Fase 1 opgeleverd;/);
  const [journal] = await Promise.all([page.waitForEvent('download'), client.exportClient('journal')]);
  expect(readFileSync(await journal.path(), 'utf8')).toContain('klant:Gemeente Noord:aanbieder:storting  3 pt');
  await page.getByRole('link', { name: 'Klanten' }).click();
  await expect(overview.row('Gemeente Noord').getByTestId('row-saldo')).toHaveText('+1');
});

test('three months in the red is "structureel rood"; settings change the status', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', 'covered on desktop');
  const app = new AppPage(page);
  const overview = new OverviewPage(page);
  const client = new ClientPage(page);
  await app.open();
  // Begun long ago: the corridor applies from the first entry (no start phase).
  await overview.createClient({ name: 'Rood BV', start: '2024-01-01' });
  // Red since last month: two month-ends in the red.
  await client.book({ direction: 'withdrawal', category: 'sw-delivery-error', weight: 2, note: 'fout', date: monthsAgo(1) });
  await expect(client.status(client.supplierCard)).toHaveText(/Tijdelijk rood/);
  await expect(client.explanation(client.supplierCard)).toHaveText(/^2 maanden rood \(saldo \u22122\); na 3 maanden op rij wordt het structureel/);
  // A withdrawal two months ago makes it three months in a row.
  await client.book({ direction: 'withdrawal', category: 'sw-no-callback', weight: 1, date: monthsAgo(2) });
  await expect(client.status(client.supplierCard)).toHaveText(/Structureel rood/);
  await expect(client.explanation(client.supplierCard)).toHaveText(/^3 maanden op rij rood \(saldo \u22123\)/);

  // A longer run length in the settings makes it temporary again.
  await client.tab('settings');
  await page.getByTestId('setting-run').fill('4');
  await page.getByTestId('settings-save').click();
  await client.tab('ledger');
  await expect(client.status(client.supplierCard)).toHaveText(/Tijdelijk rood/);
  // Credit 0: any red is structural at once.
  await client.tab('settings');
  await page.getByTestId('setting-credit').fill('0');
  await page.getByTestId('settings-save').click();
  await client.tab('ledger');
  await expect(client.status(client.supplierCard)).toHaveText(/Structureel rood/);
  await expect(client.explanation(client.supplierCard)).toHaveText(/dieper dan de kredietgrens van 0/);
  // Out-of-range settings are refused with a message.
  await client.tab('settings');
  await page.getByTestId('setting-surplus').fill('0');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-errors')).toContainText('Overschotgrens moet tussen 1 en 1000 liggen');
});

test('edit and delete entries with undo; make good an open withdrawal', async ({ page }) => {
  const app = new AppPage(page);
  const overview = new OverviewPage(page);
  const client = new ClientPage(page);
  await app.open();
  await overview.createClient({ name: 'Undo BV' });
  await client.book({ direction: 'withdrawal', category: 'sw-invoice-error', weight: 2, note: 'dubbele factuur' });
  await client.book({ direction: 'deposit', category: 'sd-delivered', weight: 3, note: 'geleverd' });
  await expect(client.saldo(client.supplierCard)).toHaveText('+1');

  // Edit: weight 3 → 5.
  const delivered = client.ledgerRows.filter({ hasText: 'geleverd' });
  await rowAction(delivered, 'edit-entry');
  await client.form.getByTestId('weight-5').check();
  await client.form.getByTestId('entry-submit').click();
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');
  await page.getByTestId('undo').click();
  await expect(client.saldo(client.supplierCard)).toHaveText('+1');

  // Delete with undo.
  await rowAction(client.ledgerRows.filter({ hasText: 'geleverd' }), 'delete-entry');
  await expect(client.saldo(client.supplierCard)).toHaveText('\u22122');
  await expect(client.ledgerRows).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(client.ledgerRows).toHaveCount(2);
  await expect(client.saldo(client.supplierCard)).toHaveText('+1');

  // Make good the invoice error: the repair is linked, the withdrawal no longer open.
  const error = client.ledgerRows.filter({ hasText: 'dubbele factuur' });
  await expect(error).toContainText('nog goed te maken');
  await rowAction(error, 'make-good');
  await expect(client.form.getByTestId('direction-deposit')).toHaveAttribute('aria-pressed', 'true');
  await client.form.getByTestId('entry-category').selectOption('sd-responsibility');
  await client.form.getByTestId('entry-note').fill('gecrediteerd');
  await client.form.getByTestId('entry-submit').click();
  await expect(client.ledgerRows.filter({ hasText: 'gecrediteerd' })).toContainText(/maakt goed: \d{2}-\d{2}-\d{4} · Fout in de facturering/);
  await expect(client.ledgerRows.filter({ hasText: 'dubbele factuur' })).not.toContainText('nog goed te maken');
  await app.reload();
  await expect(client.ledgerRows).toHaveCount(3);

  // Deleting the withdrawal unlinks its repair; undo restores both.
  await rowAction(client.ledgerRows.filter({ hasText: 'dubbele factuur' }), 'delete-entry');
  await expect(client.ledgerRows.filter({ hasText: 'gecrediteerd' })).not.toContainText(/maakt goed: \d{2}-\d{2}-\d{4} · Fout in de facturering/);
  await page.getByTestId('undo').click();
  await expect(client.ledgerRows.filter({ hasText: 'gecrediteerd' })).toContainText(/maakt goed: \d{2}-\d{2}-\d{4} · Fout in de facturering/);

  // Undo right after adding takes the new entry out again (no duplicate).
  await client.book({ direction: 'deposit', category: 'sd-listened', weight: 1, note: 'per ongeluk' });
  await expect(client.ledgerRows).toHaveCount(4);
  await page.getByTestId('undo').click();
  await expect(client.ledgerRows).toHaveCount(3);
  await expect(client.ledgerRows.filter({ hasText: 'per ongeluk' })).toHaveCount(0);
  await app.reload();
  await expect(client.ledgerRows).toHaveCount(3);
});

test('ledger filters, search, archive and delete client with undo', async ({ page }) => {
  test.skip(test.info().project.name === 'phone', 'covered on desktop');
  const app = new AppPage(page);
  const overview = new OverviewPage(page);
  const client = new ClientPage(page);
  await app.open();
  await page.getByTestId('load-demo').click();
  await page.getByTestId('client-page').waitFor();
  const total = await client.ledgerRows.count();
  expect(total).toBeGreaterThan(40);
  await page.getByTestId('filter-party').selectOption('client');
  await expect(page.getByTestId('ledger-count')).toContainText(/^\d+ van \d+ boekingen$/);
  // Every shown row passes the filter, and there are rows to check (and
  // fewer than before: the filter did something).
  const everyRow = async (column, check) => {
    const texts = await client.ledgerRows.locator(column).allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) check(t);
    return texts.length;
  };
  const clientRows = await everyRow('td:nth-child(2)', (text) => expect(text).toBe('Klant'));
  expect(clientRows).toBeLessThan(total);
  await page.getByTestId('filter-direction').selectOption('withdrawal');
  const wd = await everyRow('td.points', (t) => expect(t.startsWith('\u2212')).toBe(true));
  expect(wd).toBeLessThan(clientRows);
  await page.getByTestId('filter-party').selectOption('');
  await page.getByTestId('filter-direction').selectOption('');
  await page.getByTestId('filter-person').selectOption('facturatie');
  expect(await everyRow('td:nth-child(5)', (t) => expect(t).toBe('facturatie'))).toBeLessThan(total);
  await page.getByTestId('filter-person').selectOption('');
  await page.getByTestId('filter-text').fill('whitepaper');
  await expect(client.ledgerRows).toHaveCount(1);
  await page.getByTestId('filter-text').fill('');
  await page.getByTestId('filter-category').selectOption('sw-payment');
  // Every row is of that category, not only the first.
  expect(await everyRow('td:nth-child(3)', (t) => expect(t).toContain('Betaling ontvangen'))).toBeLessThan(total);
  await page.getByTestId('filter-category').selectOption('');

  // Breakdown tab shows bars for both parties, each with its own categories.
  await client.tab('breakdown');
  const byCategory = page.getByTestId('breakdown-category');
  const supplierBars = byCategory.getByTestId('bars-supplier').getByTestId('bar-row');
  const clientBars = byCategory.getByTestId('bars-client').getByTestId('bar-row');
  expect(await supplierBars.count()).toBeGreaterThan(0);
  expect(await clientBars.count()).toBeGreaterThan(0);
  await expect(supplierBars.filter({ hasText: 'Betaling ontvangen' })).toHaveCount(1);
  await expect(clientBars.filter({ hasText: 'Op tijd betaald' })).toHaveCount(1);
  await expect(clientBars.filter({ hasText: 'Betaling ontvangen' })).toHaveCount(0);
  await expect(page.getByTestId('breakdown-person')).toContainText('facturatie');

  // Overview: search, archive, delete with undo.
  await page.getByRole('link', { name: 'Klanten' }).click();
  await overview.createClient({ name: 'Zoekbaar BV' });
  await page.getByRole('link', { name: 'Klanten' }).click();
  await page.getByTestId('client-search').fill('zoek');
  await expect(overview.rows).toHaveCount(1);
  await page.getByTestId('client-search').fill('ZOEKBAAR');
  await expect(overview.rows).toHaveCount(1);
  await page.getByTestId('client-search').fill('');
  await overview.row('Zoekbaar BV').getByTestId('archive-client').click();
  await expect(overview.row('Zoekbaar BV')).toHaveCount(0);
  await page.getByTestId('show-archived').check();
  await expect(overview.row('Zoekbaar BV')).toContainText('Gearchiveerd');
  await overview.row('Zoekbaar BV').getByTestId('delete-client').click();
  await overview.row('Zoekbaar BV').getByTestId('confirm-delete-yes').click();
  await expect(overview.row('Zoekbaar BV')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(overview.row('Zoekbaar BV')).toHaveCount(1);
  await app.reload();
  await page.getByTestId('show-archived').check();
  await expect(overview.row('Zoekbaar BV')).toHaveCount(1);
  // Demo removal touches only the demo.
  await page.getByTestId('remove-demo').click();
  await expect(overview.rows).toHaveCount(1);
});

test('stock-take records the figures and clears the reminder', async ({ page }) => {
  const app = new AppPage(page);
  const overview = new OverviewPage(page);
  const client = new ClientPage(page);
  await app.open();
  await overview.createClient({ name: 'Balans BV' });
  await client.book({ direction: 'deposit', category: 'sd-delivered', weight: 2, date: monthsAgo(4) });
  await client.tab('stocktake');
  await expect(page.getByTestId('reminder-state').getByTestId('reminder-badge')).toHaveText(/Balans opmaken/);
  await page.getByTestId('stock-take-save').click();
  await expect(page.getByRole('alert')).toContainText('Tekst is verplicht');
  await page.getByTestId('stock-take-reflection').fill('Loopt goed, weinig contact.');
  await page.getByTestId('stock-take-actions').fill('Maandelijks belmoment.');
  await page.getByTestId('stock-take-save').click();
  await expect(page.getByTestId('stock-take-record')).toHaveCount(1);
  await expect(page.getByTestId('stock-take-record')).toContainText('wij +2');
  await expect(page.getByTestId('reminder-state').getByTestId('reminder-badge')).toHaveCount(0);
  await app.reload();
  await expect(page.getByTestId('stock-take-record')).toContainText('Maandelijks belmoment.');
});

test('language switch translates the client page, dates and numbers', async ({ page }) => {
  const app = new AppPage(page);
  const client = new ClientPage(page);
  await app.open();
  await page.getByTestId('load-demo').click();
  await expect(client.supplierCard.getByTestId('ratio')).toContainText(',');
  await app.switchLanguage('en');
  await expect(client.supplierCard.locator('h2')).toHaveText('Our balance with the client');
  await expect(client.supplierCard.getByTestId('ratio')).toContainText('Deposits : withdrawals');
  await expect(client.ledgerRows.first().locator('td').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
  await app.switchLanguage('nl');
  await expect(client.ledgerRows.first().locator('td').first()).toHaveText(/^\d{2}-\d{2}-\d{4}$/);
});

test('axe-core: overview, client page and entry form have no violations', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('load-demo').click();
  await page.getByTestId('client-page').waitFor();
  await expectNoAxeViolations(page);
  await page.getByTestId('entry-form').getByTestId('entry-submit').focus();
  await page.getByRole('link', { name: 'Klanten' }).click();
  await page.getByTestId('overview').waitFor();
  await expectNoAxeViolations(page);
  await page.getByTestId('new-client').click();
  await page.getByTestId('client-form').waitFor();
  await expectNoAxeViolations(page);
});
