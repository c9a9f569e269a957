// The domain, layout and language defects found in review: each test fails
// on the version before the fix.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { daysFromToday } from '../pages/dates.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage, todayIso } from '../pages/client.js';
import { AssessmentPage, hostmanshipAnswers } from '../pages/questionnaires.js';

async function newClient(page, name = 'Review BV') {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name });
  return { app, client: new ClientPage(page) };
}

function nlDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

test('the client card explains and advises about the client, not about us', async ({ page }) => {
  const { client } = await newClient(page);
  await client.book({ party: 'client', direction: 'withdrawal', category: 'cw-unrealistic-demand', weight: 5 });
  await client.book({ party: 'client', direction: 'withdrawal', category: 'cw-unpaid-extra', weight: 5 });
  await client.book({ party: 'client', direction: 'withdrawal', category: 'cw-paid-late', weight: 2 });
  await expect(client.status(client.clientCard)).toHaveText(/Structureel rood/);
  const card = client.clientCard;
  await expect(card.getByTestId('status-explanation')).not.toContainText('geeft ons geen krediet');
  await expect(card.getByTestId('status-explanation')).toContainText('van de klant');
  await expect(card.getByTestId('status-advice')).not.toContainText('erken wat er misging');
  await expect(card.getByTestId('status-advice')).toContainText('klant');
  // Our side has no entries: no data, not "healthy".
  await expect(client.status(client.supplierCard)).toHaveText(/Nog geen gegevens/);
  await expect(client.explanation(client.supplierCard)).not.toContainText('Gezond');
  await expect(client.explanation(client.supplierCard)).toContainText('nog niets van ons');
});

test('a withdrawal can only be made good by the party that withdrew', async ({ page }) => {
  const { client } = await newClient(page);
  await client.book({ party: 'client', direction: 'withdrawal', category: 'cw-broken-agreement', weight: 2, note: 'afspraak gemist' });
  await client.book({ party: 'supplier', direction: 'withdrawal', category: 'sw-invoice-error', weight: 2, note: 'foute factuur' });
  const form = client.form;
  await form.getByTestId('party-supplier').click();
  await form.getByTestId('direction-deposit').click();
  const options = form.getByTestId('repairs-option');
  await expect(options).toHaveCount(1);
  await expect(form.getByTestId('entry-repairs')).toContainText('Fout in de facturering');
  await expect(form.getByTestId('entry-repairs')).not.toContainText('afspraak gemist');
  await form.getByTestId('party-client').click();
  await expect(options).toHaveCount(1);
  await expect(form.getByTestId('entry-repairs')).toContainText('afspraak gemist');
  // The search narrows the open withdrawals of the party.
  await form.getByTestId('repairs-search').fill('niets dat past');
  await expect(options).toHaveCount(0);
});

test('own categories are labelled from their own account', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const record = (id, name, label) => JSON.stringify({
    schema: 1, rev: 1,
    account: {
      client: { id, name },
      own_categories: [{ id: 'own-1', party: 'supplier', direction: 'deposit', label }],
      entries: [{ id: 1, date: todayIso(), party: 'supplier', direction: 'deposit', category: 'own-1', weight: 2 }],
    },
  });
  await page.evaluate(([a, b]) => {
    localStorage.setItem('kbr:client:c-aaa', a);
    localStorage.setItem('kbr:client:c-bbb', b);
  }, [record('c-aaa', 'Alfa', 'Taart van Alfa'), record('c-bbb', 'Beta', 'Bloemen van Beta')]);
  await app.open('#/client/c-bbb/breakdown');
  await app.reload();
  await expect(page.getByTestId('breakdown-category')).toContainText('Bloemen van Beta');
  await expect(page.getByTestId('breakdown-category')).not.toContainText('Taart van Alfa');
});

test('equal scores on every principle name no weakest principle', async ({ page }) => {
  const { client } = await newClient(page);
  await client.tab('assessments');
  const assessment = new AssessmentPage(page);
  await assessment.open('hostmanship');
  await assessment.fill({ answers: hostmanshipAnswers(4) });
  await expect(page.getByTestId('weakest-none')).toHaveText(/geen enkel principe springt eruit/);
  await expect(page.getByTestId('weakest')).toHaveCount(0);
});

test('a future date is warned about, kept, and counted only from that day', async ({ page }) => {
  const { client } = await newClient(page);
  await client.book({ direction: 'deposit', category: 'sd-delivered', weight: 3 });
  const later = daysFromToday(40);
  await client.form.getByTestId('entry-date').fill(later);
  await expect(client.form.getByTestId('date-warning')).toContainText('in de toekomst');
  await client.book({ direction: 'withdrawal', category: 'sw-payment', weight: 5, date: later, note: 'geplande factuur' });
  await expect(page.getByTestId('toast')).toContainText('telt pas mee');
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');
  const row = client.ledgerRows.filter({ hasText: 'geplande factuur' });
  await expect(row.getByTestId('future-badge')).toBeVisible();
  await expect(page.getByTestId('date-flags')).toContainText('1 boeking ligt in de toekomst');
});

test('the backup reminder does not appear right after the first client', async ({ page }) => {
  const { client } = await newClient(page, 'Eerste BV');
  await client.book({ direction: 'deposit', category: 'sd-delivered', weight: 2 });
  await page.reload();
  await page.getByTestId('client-page').waitFor();
  await expect(page.getByTestId('banner-export-reminder')).toHaveCount(0);
});

test('changing the category keeps a weight the user picked', async ({ page }) => {
  const { client } = await newClient(page);
  const form = client.form;
  await form.getByTestId('direction-deposit').click();
  await form.getByTestId('entry-category').selectOption('sd-delivered');
  await expect(form.getByTestId('weight-3')).toBeChecked();
  await form.getByTestId('entry-category').selectOption('sd-gesture');
  await expect(form.getByTestId('weight-2')).toBeChecked(); // the suggestion, nothing picked yet
  await form.getByTestId('weight-5').check();
  await form.getByTestId('entry-category').selectOption('sd-knowledge');
  await expect(form.getByTestId('weight-5')).toBeChecked();
  await expect(form.getByTestId('weight-meaning')).toContainText('5 = ingrijpend');
  await expect(form.getByTestId('weight-meaning')).toContainText('Voorbeeld: 2 = een whitepaper of demonstratie zonder kosten');
});

test('row buttons are named after their entry, and repairs name the withdrawal', async ({ page }) => {
  const { client } = await newClient(page);
  await client.book({ direction: 'withdrawal', category: 'sw-invoice-error', weight: 2, note: 'dubbel' });
  const today = nlDate(todayIso());
  // The row's actions sit behind its "⋯" button, named after the entry too.
  await page.getByLabel(`Acties voor boeking van ${today} · Fout in de facturering`, { exact: true }).click();
  await expect(page.getByRole('button', { name: `boeking van ${today} · Fout in de facturering bewerken` })).toBeVisible();
  await expect(page.getByRole('button', { name: `boeking van ${today} · Fout in de facturering verwijderen` })).toBeVisible();
  await page.getByRole('button', { name: `boeking van ${today} · Fout in de facturering goedmaken` }).click();
  await client.form.getByTestId('entry-category').selectOption('sd-responsibility');
  await client.form.getByTestId('entry-note').fill('gecrediteerd');
  await client.form.getByTestId('entry-submit').click();
  const fix = client.ledgerRows.filter({ hasText: 'gecrediteerd' });
  await expect(fix.getByTestId('repairs-badge')).toHaveText(`maakt goed: ${today} · Fout in de facturering`);
  await expect(fix).not.toContainText('#');
});

test('wording: one name per thing, infinitive buttons', async ({ page }) => {
  const { client } = await newClient(page);
  await expect(client.supplierCard.locator('h2')).toHaveText('Ons saldo bij de klant');
  await expect(page.getByTestId('tab-moments')).toHaveText('Contactmomenten');
  await client.tab('moments');
  await expect(page.getByTestId('moment-stats').locator('h2')).toHaveText('Contactmomenten');
  await page.getByRole('link', { name: 'Klanten' }).click();
  await expect(page.getByTestId('show-archived').locator('..')).toContainText('Gearchiveerde klanten tonen');
  await page.getByTestId('archive-client').click();
  await page.getByTestId('show-archived').check();
  await expect(page.getByTestId('archive-client')).toHaveText('Uit archief halen');
});

test.describe('layout on a phone (360 px)', () => {
  test.skip(() => test.info().project.name !== 'phone', 'phone layout');

  test('the saldo is within the first screen, tabs are one row, the title clears the switch', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('load-demo').click();
    const client = new ClientPage(page);
    // The client page comes in a chunk of its own: wait for it to show.
    await expect(client.saldo(client.supplierCard)).toBeVisible();
    const saldo = await client.saldo(client.supplierCard).boundingBox();
    expect(saldo.y + saldo.height).toBeLessThanOrEqual(740);
    const tops = await page.getByTestId('client-page').locator('.tab').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(new Set(tops).size).toBe(1);
    const brand = await page.locator('.brand-name').boundingBox();
    const sw = await page.locator('.lang-switch').boundingBox();
    expect(brand.x + brand.width).toBeLessThanOrEqual(sw.x);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('the hostmanship history and result fit the screen', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('load-demo').click();
    await new ClientPage(page).tab('assessments');
    await new AssessmentPage(page).open('hostmanship');
    await expect(page.getByTestId('history-row')).toHaveCount(2);
    // The difference column says what its points are.
    await expect(page.getByTestId('difference-help')).toHaveText('Verschil: de nieuwste min de vorige, in punten op 0–100 (25 punten is één stap op de schaal 1–5).');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const sel of ['[data-testid=assessment-history] table', '[data-testid=section-scores]']) {
      const fits = await page.locator(sel).evaluate((t) => t.scrollWidth <= t.parentElement.clientWidth + 1);
      expect(fits, sel).toBe(true);
    }
  });
});

test.describe('layout on a desktop (1280 px)', () => {
  test.skip(() => test.info().project.name !== 'desktop', 'desktop layout');

  test('the ledger does not scroll sideways, even with "make good" rows', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('load-demo').click();
    const client = new ClientPage(page);
    await client.book({ direction: 'withdrawal', category: 'sw-invoice-error', weight: 2, note: 'Een lange toelichting over wat er precies misging met de factuur van vorige maand' });
    const wrap = page.getByTestId('ledger').locator('.table-wrap');
    expect(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
    const row = client.ledgerRows.filter({ hasText: 'Een lange toelichting' });
    // The row's actions, opened, stay on the screen too.
    await row.getByTestId('row-menu').locator('summary').click();
    const del = await row.getByTestId('delete-entry').boundingBox();
    expect(del.x).toBeGreaterThanOrEqual(0);
    expect(del.x + del.width).toBeLessThanOrEqual(1280);
  });

  test('the last label of the chart is not cut off', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await page.getByTestId('load-demo').click();
    const inside = await page.getByTestId('balance-chart').locator('svg').evaluate((svg) => {
      const ticks = [...svg.querySelectorAll('text.tick')];
      const last = ticks[ticks.length - 1].getBBox();
      return last.x >= 0 && last.x + last.width <= svg.viewBox.baseVal.width;
    });
    expect(inside).toBe(true);
  });
});

test('axe-core: the repair picker, date warning and export menu have no violations', async ({ page }) => {
  const { client } = await newClient(page);
  await client.book({ direction: 'withdrawal', category: 'sw-invoice-error', weight: 2 });
  await client.form.getByTestId('direction-deposit').click();
  await client.form.getByTestId('entry-date').fill(daysFromToday(3));
  await page.getByTestId('export-menu').locator('summary').click();
  await expectNoAxeViolations(page);
});
