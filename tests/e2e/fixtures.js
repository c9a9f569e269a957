// Shared fixtures: every test fails on console errors or uncaught page errors
// unless it declares the errors it provokes; axe-core checks on demand.
import { test as base, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      // "Leave the page?" is expected where a test provokes it: counted on
      // page.beforeUnloads and answered "stay"; any other dialog is an error.
      page.beforeUnloads = [];
      page.on('dialog', async (d) => {
        if (d.type() === 'beforeunload') {
          page.beforeUnloads.push(d.message());
          await d.dismiss();
        } else {
          errors.push(`unexpected dialog: ${d.message()}`);
        }
      });
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

/** Runs axe-core (WCAG 2.1 A/AA) on the page and expects no violations. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, 'axe-core violations').toEqual([]);
}

export { expect };
