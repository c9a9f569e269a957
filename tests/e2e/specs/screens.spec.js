// The screens at the widths users have: a phone at 360 px (project
// "phone") and a laptop at 1280 px (project "desktop"). Boxes, texts and
// counts are asserted, not screenshots.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage, rowAction } from '../pages/client.js';
import { bigRecord } from '../pages/records.js';

async function newClient(page, name = 'Schermen BV') {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name });
  return { app, client: new ClientPage(page) };
}

/** Every visible box inside `locator` lies within the viewport, left to right. */
async function expectInsideViewport(page, locator) {
  const width = page.viewportSize().width;
  const boxes = await locator.evaluateAll((els) =>
    els.filter((el) => el.getClientRects().length > 0).map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent.trim().slice(0, 30), left: r.left, right: r.right };
    }));
  expect(boxes.length, 'nothing to check').toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.left, `"${b.text}" starts left of the screen`).toBeGreaterThanOrEqual(0);
    expect(b.right, `"${b.text}" ends right of the screen`).toBeLessThanOrEqual(width);
  }
}

test('the export menu opens inside the screen, every item whole', async ({ page }) => {
  await newClient(page);
  await page.getByTestId('export-menu').locator('summary').click();
  const items = page.getByTestId('export-menu').locator('.menu-items > *, .menu-items button, .menu-items a');
  await expect(items.first()).toBeVisible();
  await expectInsideViewport(page, items);
  await expectNoAxeViolations(page);
});

/** The boxes of the notice and of the text inside it. */
async function toastBoxes(page) {
  return page.getByTestId('toast').evaluate((el) => ({
    box: el.getBoundingClientRect().toJSON(),
    text: el.querySelector('span').getBoundingClientRect().toJSON(),
  }));
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

test('a notice keeps its text inside its box, leaves the next button free, and goes on navigation', async ({ page }) => {
  const { client } = await newClient(page, 'Een klant met een behoorlijk lange naam voor een melding BV');
  await client.book({ direction: 'deposit', category: 'sd-delivered', weight: 3, note: 'x' });
  const toast = page.getByTestId('toast');
  await expect(toast).toBeVisible();
  const { box, text } = await toastBoxes(page);
  expect(text.left).toBeGreaterThanOrEqual(box.left);
  expect(text.right).toBeLessThanOrEqual(box.right);
  expect(text.top).toBeGreaterThanOrEqual(box.top);
  expect(text.bottom).toBeLessThanOrEqual(box.bottom);
  expect(box.right).toBeLessThanOrEqual(page.viewportSize().width);
  // The form's button, where the user left it, is not under the notice.
  const submit = await page.getByTestId('entry-submit').evaluate((el) => el.getBoundingClientRect().toJSON());
  expect(overlap(box, submit), 'the notice covers the add button').toBe(false);
  // Another page: the notice (and its undo) stays behind.
  await page.getByTestId('nav-guide').click();
  await expect(page.getByTestId('guide')).toBeVisible();
  // Well before the notice's own ten seconds are up.
  await expect(toast).toHaveCount(0, { timeout: 3000 });
});

test('the brand name is whole in the header, on every page width', async ({ page }) => {
  await new AppPage(page).open();
  const name = page.locator('.brand-name');
  await expect(name).toHaveText('Klantbankrekening');
  const [scroll, client] = await name.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scroll, 'the brand name is cut off').toBeLessThanOrEqual(client);
  await page.getByTestId('lang-en').click();
  await expect(name).toHaveText('Client bank account');
  const [scrollEn, clientEn] = await name.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollEn, 'the brand name is cut off').toBeLessThanOrEqual(clientEn);
});

test('a new device restores a backup from the first screen, with the app\'s own file button', async ({ page }) => {
  // A backup made elsewhere: one client, exported by the app itself.
  await newClient(page, 'Herstel BV');
  await page.goto('./#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const backup = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  // A new device: nothing stored.
  await page.goto('./#/');
  await page.evaluate(() => localStorage.clear());
  await new AppPage(page).reload();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByTestId('empty-restore').click();
  // The file control is the app's button in the app's language, no bare "Choose File".
  const chooser = page.getByTestId('import-file');
  await expect(page.locator('label.file-button', { has: chooser })).toHaveText('Kies een back-upbestand');
  await expect(chooser).toHaveClass(/visually-hidden/);
  await chooser.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.goto('./#/');
  await expect(page.getByText('Herstel BV')).toBeVisible();
  // The agenda import there speaks of a client to pick, not "this client".
  await page.goto('./#/data');
  await expect(page.getByTestId('calendar-import')).toContainText('kies bij welke klant ze horen');
  await expectNoAxeViolations(page);
});

test('the ledger: dates and parties on one line, actions behind the row, pages that fit the screen', async ({ page, isMobile }) => {
  const app = new AppPage(page);
  await app.open();
  await page.evaluate((r) => { localStorage.clear(); localStorage.setItem('kbr:client:c-lijst', r); }, bigRecord('c-lijst', 'Lijst BV', 45));
  await page.goto('./#/client/c-lijst');
  await app.reload();
  const client = new ClientPage(page);
  const perPage = isMobile ? 20 : 45;
  await expect(client.ledgerRows).toHaveCount(perPage);
  if (isMobile) await expect(page.getByTestId('page-info')).toHaveText('Pagina 1 van 3');
  // One line each: a date never breaks ("06-12-/2026"), nor a party name.
  const lines = await client.ledgerRows.evaluateAll((rows) => rows.map((r) => [0, 1].map((i) => {
    const range = document.createRange();
    range.selectNodeContents(r.cells[i]);
    return new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size;
  })));
  for (const [date, party] of lines) {
    expect(date, 'a date breaks over lines').toBe(1);
    expect(party, 'a party breaks over lines').toBe(1);
  }
  // Per row one small button; edit, delete (and make good) behind it.
  const first = client.ledgerRows.first();
  await expect(first.locator('button:visible, summary:visible')).toHaveCount(1);
  await expect(first.getByTestId('row-menu').locator('summary')).toHaveAccessibleName(/^Acties voor boeking van /);
  await rowAction(first, 'edit-entry');
  await expect(page.getByTestId('entry-submit')).toHaveText('Wijziging opslaan');
  // The saldo column says whose saldo it is.
  if (isMobile) {
    await expect(first.locator('td.running')).toHaveAttribute('data-label', /^(Ons saldo:|Saldo klant:)$/);
    const height = await page.getByTestId('ledger').evaluate((el) => el.getBoundingClientRect().height);
    expect(height, 'one page of the ledger is a few screens at most').toBeLessThan(740 * 5);
  } else {
    await expect(page.getByRole('columnheader', { name: 'Saldo partij' })).toHaveAttribute('title', /van de partij van die regel/);
  }
  await expectNoAxeViolations(page);
});

test('words: real plurals, one term per idea, and a line explaining each figure', async ({ page }) => {
  const { client } = await newClient(page, 'Woorden BV');
  await client.tab('settings');
  // Each threshold says what it means, right under it.
  await expect(page.getByText('Kredietgrens', { exact: true })).toBeVisible();
  await expect(page.getByTestId('setting-credit')).toHaveAccessibleDescription(/het krediet dat de klant ons geeft/);
  await expect(page.getByTestId('setting-surplus')).toHaveAccessibleDescription(/Ons saldo boven deze grens is overschot/);
  await expect(page.getByTestId('setting-run')).toHaveAccessibleDescription(/structureel/);
  await expect(page.getByTestId('setting-days')).toHaveAccessibleDescription(/balans op te maken/);
  // hledger is explained where it is offered.
  await page.goto('./#/data');
  await expect(page.getByTestId('data-page')).toContainText('hledger, een gratis boekhoudprogramma');
  await expect(page.getByTestId('export-journal')).toHaveText('Journaal voor hledger (boekhouden in platte tekst)');
  // No "(s)" or "(en)" on the screens a new user sees.
  for (const text of await page.locator('main').allTextContents()) {
    expect(text).not.toMatch(/\w\((s|en|n)\)/);
  }
});

test('the chart: month labels apart, round values with a real minus sign, the legend in the lines\' colours, readable text', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByTestId('load-demo').click();
  const chart = page.getByTestId('balance-chart');
  await expect(chart.locator('text.tick.x').first()).toBeVisible();
  const facts = await chart.evaluate((fig) => {
    const svg = fig.querySelector('svg');
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const fontPx = parseFloat(getComputedStyle(svg.querySelector('text.tick')).fontSize) * scale;
    const xs = [...svg.querySelectorAll('text.tick.x')].map((t) => t.getBoundingClientRect()).sort((a, b) => a.left - b.left)
      .map((r) => [r.left, r.right]);
    const ys = [...svg.querySelectorAll('text.tick.y')].map((t) => t.textContent);
    const line = getComputedStyle(svg.querySelector('polyline.line.client')).stroke;
    const key = getComputedStyle(fig.querySelector('.legend .key.client'), '::before').borderTopColor;
    return { fontPx, xs, ys, line, key };
  });
  expect(facts.fontPx, 'axis text size on screen').toBeGreaterThanOrEqual(11);
  expect(facts.xs.length).toBeGreaterThan(1);
  for (let i = 1; i < facts.xs.length; i++) {
    expect(facts.xs[i][0], 'month labels collide').toBeGreaterThan(facts.xs[i - 1][1]);
  }
  expect(facts.key).toBe(facts.line);
  // No hyphen for a minus, and the values are one round step apart.
  for (const y of facts.ys) expect(y).not.toContain('-');
  const values = facts.ys.map((y) => Number(y.replace('\u2212', '-').replace('.', ''))).sort((a, b) => a - b);
  expect(values).toContain(0);
  const steps = new Set(values.slice(1).map((v, i) => v - values[i]));
  const round = [...steps].every((s) => [1, 2, 5].includes(s / 10 ** Math.floor(Math.log10(s))));
  expect(round, `steps ${[...steps]}`).toBe(true);
});

test('segmented controls fit or wrap into whole boxes, with no gap inside their frame', async ({ page }) => {
  const { client } = await newClient(page, 'Knoppen BV');
  // The debtor form has the longest choices.
  await client.book({ party: 'client', direction: 'withdrawal', category: 'cw-paid-late', weight: 2 });
  await expect(page.getByTestId('dispute-form')).toBeVisible();
  const controls = await page.locator('.segmented').evaluateAll((els) => els.filter((el) => el.getClientRects().length > 0).map((el) => {
    const box = el.getBoundingClientRect();
    const parts = [...el.children].map((c) => {
      const r = c.getBoundingClientRect();
      const st = getComputedStyle(c);
      return { right: r.right, bottom: r.bottom, borders: [st.borderTopWidth, st.borderRightWidth, st.borderBottomWidth, st.borderLeftWidth].map(parseFloat) };
    });
    return { right: box.right, bottom: box.bottom, parts };
  }));
  expect(controls.length).toBeGreaterThanOrEqual(4);
  const width = page.viewportSize().width;
  for (const c of controls) {
    expect(c.right).toBeLessThanOrEqual(width);
    // The frame ends where the segments end: no empty strip.
    expect(c.right - Math.max(...c.parts.map((p) => p.right))).toBeLessThanOrEqual(1.5);
    expect(c.bottom - Math.max(...c.parts.map((p) => p.bottom))).toBeLessThanOrEqual(1.5);
    // Every segment is a whole box, on a second row too.
    for (const p of c.parts) expect(Math.min(...p.borders)).toBeGreaterThanOrEqual(1);
  }
  await expectNoAxeViolations(page);
});
