// Page object: one client's page (headline, entry form, ledger, tabs).
export class ClientPage {
  constructor(page) {
    this.page = page;
    this.form = page.getByTestId('entry-form');
    this.ledgerRows = page.getByTestId('ledger-row');
    this.supplierCard = page.getByTestId('card-supplier');
    this.clientCard = page.getByTestId('card-client');
  }

  /** Books an entry through the quick-entry form. `date` is YYYY-MM-DD. */
  async book({ party = 'supplier', direction = 'deposit', category, weight, who, note, date }) {
    const f = this.form;
    await f.getByTestId(`party-${party}`).click();
    await f.getByTestId(`direction-${direction}`).click();
    if (category) await f.getByTestId('entry-category').selectOption(category);
    if (weight) await f.getByTestId(`weight-${weight}`).check();
    if (who !== undefined) await f.getByTestId('entry-who').fill(who);
    if (note !== undefined) await f.getByTestId('entry-note').fill(note);
    if (date) await f.getByTestId('entry-date').fill(date);
    const before = await this.ledgerRows.count();
    await f.getByTestId('entry-submit').click();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=ledger-row]').length > n, before);
  }

  saldo(card) {
    return card.getByTestId('saldo');
  }

  status(card) {
    return card.getByTestId('status-badge');
  }

  explanation(card) {
    return card.getByTestId('status-explanation');
  }

  /** Opens the export menu and clicks one of its entries (csv, journal, print). */
  async exportClient(which) {
    const menu = this.page.getByTestId('export-menu');
    if (!(await menu.evaluate((el) => el.open))) await menu.locator('summary').click();
    await this.page.getByTestId(`client-export-${which}`).click();
  }

  async tab(name) {
    await this.page.getByTestId(`tab-${name}`).click();
  }
}

/**
 * Clicks one of a ledger row's actions (`edit-entry`, `delete-entry`,
 * `make-good`): they sit behind the row's "⋯" menu.
 */
export async function rowAction(row, action) {
  const menu = row.getByTestId('row-menu');
  if (!(await menu.evaluate((el) => el.open))) await menu.locator('summary').click();
  await row.getByTestId(action).click();
}

// The specs have long imported these two from here.
export { monthsAgo, todayIso } from './dates.js';
