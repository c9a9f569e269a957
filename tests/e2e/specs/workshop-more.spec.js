// The rest of workshop mode and the quick scan: return files, a return link
// opened in the app, an invite opened in the app, the quick scan of one
// client turned into entries, the one-page handout, sessions kept safely
// (quarantine, backup round trip).
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage } from '../pages/client.js';
import { AssessmentPage } from '../pages/questionnaires.js';
import { WorkshopsPage, ParticipantPage, phone } from '../pages/workshop.js';

const DESKTOP_ONLY = 'desktop flow; the phone checks are at the end of this file';

async function oneAnswer(browser, errors, invite, name, score) {
  const { context, page } = await phone(browser, errors);
  const p = new ParticipantPage(page);
  await p.open(invite);
  await p.start(name);
  const scan = (item) => /^[sc][dw]-/.test(item);
  await p.fillAll((item) => (scan(item) ? 'few' : item.includes('-') ? score : undefined));
  // In the room, the trainer can scan the code off the phone.
  await expect(page.getByTestId('return-how')).toContainText('Laat de QR-code scannen');
  const link = await p.link();
  await context.close();
  return link;
}

test('return files are dropped in, a return link opens in the app, an invite link opened in the app goes to the participant page', async ({ page, browser, consoleErrors, isMobile }) => {
  test.skip(isMobile, DESKTOP_ONLY);
  const workshops = new WorkshopsPage(page);
  await workshops.open();
  const session = await workshops.create({ title: 'Bestanden', exercises: ['integrity'] });
  const invite = await session.link();
  const a = await oneAnswer(browser, consoleErrors, invite, 'Piet', 'yes');
  const b = await oneAnswer(browser, consoleErrors, invite, 'Mies', 'no');
  await page.getByTestId('collect-files').setInputFiles([
    { name: 'piet.txt', mimeType: 'text/plain', buffer: Buffer.from(`${a}\n`) },
    { name: 'onzin.txt', mimeType: 'text/plain', buffer: Buffer.from('dit is geen code') },
  ]);
  await expect(session.count).toHaveText('1 beantwoord');
  await expect(page.getByTestId('outcome-refused')).toContainText('geen code');

  // Mies's return link, opened in the trainer's browser.
  await page.goto(b);
  await expect(page.getByTestId('return-target')).toContainText('Bestanden');
  await expectNoAxeViolations(page);
  await page.getByTestId('return-add').click();
  await expect(page.getByTestId('workshop-page')).toBeVisible();
  await expect(session.count).toHaveText('2 beantwoord');

  // Opened again: already added today, and nothing is added twice.
  await page.goto(b);
  await expect(page.getByTestId('return-already')).toContainText('al toegevoegd op');
  await expect(page.getByTestId('return-add')).toHaveCount(0);
  await page.getByTestId('return-open').click();
  await expect(session.count).toHaveText('2 beantwoord');
  // A participant without a name is said so, not "(van )".
  const nameless = await oneAnswer(browser, consoleErrors, invite, '', 'yes');
  await page.goto(nameless);
  await expect(page.getByTestId('return-target')).toContainText('(zonder naam)');

  // A return link of a session that is not in this browser.
  const { context, page: other } = await phone(browser, consoleErrors);
  await other.goto(b);
  await expect(other.getByTestId('return-error')).toContainText('niet in deze browser');
  // An invite opened in the app lands on the participant page.
  await other.goto(invite.replace('/p/#/i/', '/#/i/'));
  await expect(other.getByTestId('participant-intro')).toBeVisible();
  await expect(other).toHaveURL(/\/some\/dir\/p\/#\/i\//);
  // A broken invite says what is wrong.
  await other.goto(invite.slice(0, -4));
  await expect(other.getByTestId('invite-error')).toBeVisible();
  await context.close();
});

test('the quick scan of one client estimates both saldi and becomes entries only when asked; the handout prints', async ({ page, isMobile }) => {
  test.skip(isMobile, DESKTOP_ONLY);
  await page.addInitScript(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Scanbedrijf' });
  await expect(page.getByTestId('start-from-scan')).toBeVisible();
  await page.getByTestId('start-from-scan').getByRole('link').click();
  const a = new AssessmentPage(page);
  await page.getByTestId('assessment').waitFor();
  // Default weights are 3: delivered often (+6 × 3), payment taken often
  // (−6 × 3), a delivery error once (−1 × 3): our estimate is −3.
  await a.fill({ answers: { 'sw-payment': 'often', 'sw-delivery-error': 'once', 'sd-delivered': 'often' } });
  await expect(page.getByTestId('scan-supplier')).toContainText('−3');
  await expect(page.getByTestId('scan-supplier')).toContainText('Tijdelijk rood');
  await expect(page.getByTestId('scan-often-ours')).toContainText('Betaling ontvangen');
  await expectNoAxeViolations(page);
  await page.getByTestId('scan-make-entries').click();
  await page.getByTestId('scan-make-confirm').click();
  await expect(page.getByTestId('toast')).toContainText('13 boekingen toegevoegd');
  await new ClientPage(page).tab('ledger');
  await expect(page.getByTestId('card-supplier')).toContainText('−3');
  await expect(page.getByTestId('start-from-scan')).toHaveCount(0);

  await page.getByTestId('export-menu').locator('summary').click();
  await page.getByTestId('open-handout').click();
  await expect(page.getByTestId('client-handout')).toContainText('Scanbedrijf');
  await expect(page.getByTestId('handout-withdrawals')).toContainText('Betaling ontvangen');
  await expectNoAxeViolations(page);
  await page.getByTestId('print-client-handout').click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-client-handout')).toBeHidden();
  await expect(page.getByTestId('client-handout')).toBeVisible();
});

test('sessions are kept safely: an unreadable one is set aside, and sessions travel in the backup', async ({ page, isMobile }) => {
  test.skip(isMobile, DESKTOP_ONLY);
  const app = new AppPage(page);
  await app.open();
  const workshops = new WorkshopsPage(page);
  await workshops.open();
  await workshops.create({ title: 'Bewaard', exercises: ['hostmanship'] });
  await page.evaluate(() => localStorage.setItem('kbr:workshop:zzz', '{"schema":1,"session":{"id":"kapot"}}'));
  await app.reload();
  await page.goto('./#/recovery');
  await expect(page.getByTestId('main')).toContainText('kbr:workshop:zzz');

  // The backup holds the session; after wiping storage, import brings it back.
  await page.goto('./#/data');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-json').click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(text).toContain('"workshops"');
  expect(text).toContain('Bewaard');
  await page.evaluate(() => localStorage.clear());
  await app.reload();
  await page.goto('./#/data');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toContainText('1 workshopsessie');
  await workshops.open();
  await expect(page.getByTestId('session-row')).toContainText('Bewaard');
});

test.describe('at 360 px', () => {
  test.skip(({ isMobile }) => !isMobile, 'the phone project');
  test.use({ viewport: { width: 360, height: 740 } });

  test('the trainer and account-manager screens fit a phone', async ({ page, browser, consoleErrors }) => {
    const { expectNoSidewaysScroll } = await import('../pages/workshop.js');
    const workshops = new WorkshopsPage(page);
    await workshops.open();
    await expectNoSidewaysScroll(page);
    const session = await workshops.create({ title: 'Telefoon', exercises: ['hostmanship', 'quick-scan'] });
    await expectNoSidewaysScroll(page);
    const invite = await session.link();
    const a = await oneAnswer(browser, consoleErrors, invite, 'A', 2);
    const b = await oneAnswer(browser, consoleErrors, invite, 'B', 5);
    await session.paste(`${a}\n${b}`);
    await expect(session.count).toHaveText('2 beantwoord');
    await session.reveal();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
    await page.goto('./#/worksheet/hostmanship');
    await expect(page.getByTestId('worksheet')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);

    const app = new AppPage(page);
    await app.open();
    await new OverviewPage(page).createClient({ name: 'Klein scherm' });
    await new ClientPage(page).tab('clientview');
    const { ClientViewPage } = await import('../pages/workshop.js');
    const view = new ClientViewPage(page);
    await view.createRound({ sender: 'Eva' });
    await expect(view.round().getByTestId('qr')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAxeViolations(page);
  });
});
