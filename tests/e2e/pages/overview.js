// Page object: the clients overview and the client form.
export class OverviewPage {
  constructor(page) {
    this.page = page;
    this.rows = page.getByTestId('client-row');
  }

  /** `start` (YYYY-MM-DD) dates the relationship: one that began long ago has no start phase. */
  async createClient({ name, organisation = '', manager = '', start = '' }) {
    const first = this.page.getByTestId('create-first-client');
    if (await first.isVisible()) await first.click();
    else await this.page.getByTestId('new-client').click();
    const form = this.page.getByTestId('client-form');
    await form.getByTestId('client-name').fill(name);
    if (organisation) await form.getByTestId('client-organisation').fill(organisation);
    if (manager) await form.getByTestId('client-manager').fill(manager);
    if (start) await form.getByTestId('client-start').fill(start);
    await form.getByTestId('client-save').click();
    await this.page.getByTestId('client-page').waitFor();
  }

  row(name) {
    return this.rows.filter({ hasText: name });
  }

  async open(name) {
    await this.row(name).getByTestId('client-link').click();
    await this.page.getByTestId('client-page').waitFor();
  }
}
