// The screens at the widths users have: a phone at 360 px (project
// "phone") and a laptop at 1280 px (project "desktop"). Boxes, texts and
// counts are asserted, not screenshots.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage } from '../pages/client.js';

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
