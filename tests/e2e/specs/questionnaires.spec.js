import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage, kbrStorage, settled } from '../pages/app.js';
import { daysFromToday } from '../pages/dates.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage, rowAction, monthsAgo, todayIso } from '../pages/client.js';
import { MomentsPage, AssessmentPage, hostmanshipAnswers } from '../pages/questionnaires.js';
import { readFileSync } from 'node:fs';

async function newClient(page, name) {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name, manager: 'Eva' });
  return { app, client: new ClientPage(page) };
}

test('interaction moment: three questions, the extra becomes an action, done, booked as a deposit; reload keeps it', async ({ page }) => {
  const { app, client } = await newClient(page, 'Waterschap Oost');
  const moments = new MomentsPage(page);
  await client.tab('moments');
  await expect(moments.stat('moments')).toHaveText('0');
  await expectNoAxeViolations(page);

  // "As soon as possible" is not a deadline: planning needs a date.
  await moments.log({
    kind: 'meeting',
    description: 'Kwartaaloverleg met de teamleider',
    answers: {
      'q1-outcome': 'exceeded',
      'q1-why': 'Rapport een week eerder en met een extra analyse',
      'q2-treatment': 4,
      'q2-why': 'Goed geluisterd, iets te lang over onszelf',
      'q3-extra': 'Samenvatting met drie verbeterideeën sturen',
    },
    due: '',
    submit: false,
  });
  await expectNoAxeViolations(page);
  await moments.form.getByTestId('moment-save').click();
  await expect(moments.errors).toContainText("'zo snel mogelijk' is geen deadline");
  await expect(moments.moments).toHaveCount(0);
  await moments.form.getByTestId('moment-due').fill(daysFromToday(7));
  await moments.form.getByTestId('moment-save').click();

  const card = moments.moment('Kwartaaloverleg');
  await expect(card.getByTestId('moment-outcome')).toHaveText('Promotor');
  await expect(card.getByTestId('moment-treatment')).toHaveText('Behandeling 4/5');
  await expect(card.getByTestId('moment-action')).toContainText('Actie gepland');
  await expect(moments.stat('moments')).toHaveText('1');
  await expect(moments.stat('exceeded')).toHaveText('100%');
  await expect(moments.stat('treatment')).toHaveText('4,0 / 5');
  await expect(moments.stat('open-actions')).toHaveText('1');

  // A second moment below expectations, its extra planned afterwards from the list.
  await moments.log({
    kind: 'call',
    description: 'Klacht over de planning',
    answers: { 'q1-outcome': 'below', 'q2-treatment': 2, 'q3-extra': 'Zelf terugbellen met de nieuwe planning' },
  });
  const call = moments.moment('Klacht over de planning');
  await expect(call.getByTestId('moment-outcome')).toHaveText('Ontevreden');
  await call.getByTestId('plan-action').click();
  await expect(call.getByRole('alert')).toContainText('concrete datum');
  await call.getByTestId('plan-due').fill(daysFromToday(3));
  await call.getByTestId('plan-action').click();
  await expect(call.getByTestId('moment-action')).toContainText('Actie gepland');
  await expect(moments.stat('exceeded')).toHaveText('50%');
  await expect(moments.stat('treatment')).toHaveText('3,0 / 5');
  await expect(moments.stat('open-actions')).toHaveText('2');

  // Edit the call: it turned out better than feared. The action stays.
  await call.getByTestId('edit-moment').click();
  const edit = call.getByTestId('moment-form');
  await expect(edit.getByTestId('moment-description')).toHaveValue('Klacht over de planning');
  await expect(edit.getByTestId('q-q2-treatment-2')).toBeChecked();
  await edit.getByTestId('moment-description').fill('Klacht over de planning, samen opgelost');
  await edit.getByTestId('q-q1-outcome-as-expected').check();
  await edit.getByTestId('moment-save').click();
  const solved = moments.moment('samen opgelost');
  await expect(solved.getByTestId('moment-outcome')).toHaveText('Tevreden');
  await expect(solved.getByTestId('moment-action')).toContainText('Actie gepland');
  await expect(moments.moments).toHaveCount(2);
  await expect(moments.stat('open-actions')).toHaveText('2');

  // Done, then booked as a deposit: our saldo moves.
  await card.getByTestId('action-done').click();
  await expect(card.getByTestId('book-form')).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByTestId(/^book-weight-m\d+-3$/).check();
  await card.getByTestId('book-deposit').click();
  await expect(card.getByTestId('action-booked')).toContainText('+3');
  await expect(moments.stat('open-actions')).toHaveText('1');
  await client.tab('ledger');
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');
  await expect(client.ledgerRows.first()).toContainText('Samenvatting met drie verbeterideeën sturen');
  await expect(client.ledgerRows.first().getByTestId('from-moment')).toContainText('extraatje van contactmoment');

  // Deleting the booked deposit reopens the booking; undo links it again.
  await rowAction(client.ledgerRows.first(), 'delete-entry');
  await expect(client.saldo(client.supplierCard)).toHaveText('0');
  await client.tab('moments');
  await expect(card.getByTestId('book-form')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(card.getByTestId('action-booked')).toContainText('+3');
  await client.tab('ledger');
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');

  await app.reload();
  await expect(client.saldo(client.supplierCard)).toHaveText('+3');
  await client.tab('moments');
  await expect(moments.moments).toHaveCount(2);
  await expect(moments.moment('Kwartaaloverleg').getByTestId('action-booked')).toContainText('+3');
  await expect(moments.stat('open-actions')).toHaveText('1');

  // The overview shows the open action.
  await page.getByRole('link', { name: 'Klanten' }).click();
  await expect(new OverviewPage(page).row('Waterschap Oost').getByTestId('row-open-actions')).toHaveText('1 openstaande actie');

  // Delete a moment, then undo.
  await new OverviewPage(page).open('Waterschap Oost');
  await client.tab('moments');
  await moments.moment('samen opgelost').getByTestId('delete-moment').click();
  await expect(moments.moments).toHaveCount(1);
  await page.getByTestId('undo').click();
  await expect(moments.moments).toHaveCount(2);
});

test('hostmanship twice: radar against the previous one, weakest principle with its tip, compare; integrity checklist; overview total', async ({ page }) => {
  const { app } = await newClient(page, 'Zorggroep West');
  const client = new ClientPage(page);
  const assessment = new AssessmentPage(page);
  await client.tab('assessments');
  await expect(page.getByTestId('questionnaire-hostmanship').getByTestId('questionnaire-latest')).toHaveText('Nog niet ingevuld.');
  await expectNoAxeViolations(page);
  await assessment.open('hostmanship');

  // First: everything 3 except dialogue 1, with one statement skipped.
  const first = hostmanshipAnswers(3, { dialogue: 1 });
  first['knowledge-admit'] = 'skip';
  await assessment.fill({ date: monthsAgo(2), answers: first });
  await expect(assessment.total).toHaveText('Totaal 42/100');
  await expect(page.getByTestId('radar-current')).toBeVisible();
  await expect(page.getByTestId('radar-previous')).toHaveCount(0);
  await expect(page.getByTestId('weakest')).toContainText('Zwakste principe: Dialoog');
  await expect(assessment.section('knowledge')).toContainText('3,0 / 5');

  // Second: everything 4 except knowledge 2.
  await page.getByTestId('assessment-new').click();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Annuleren' }).click();
  await assessment.fill({ answers: hostmanshipAnswers(4, { knowledge: 2 }) });
  await expect(assessment.total).toHaveText(/^Totaal 67\/100 \(\+25 /);
  await expect(page.getByTestId('radar-previous')).toBeVisible();
  await expect(page.getByTestId('weakest')).toContainText('Zwakste principe: Kennis');
  await expect(page.getByTestId('weakest-tip')).toContainText('jaarverslag');
  await expect(assessment.section('dialogue')).toContainText('4,0 / 5');
  await expect(assessment.section('dialogue')).toContainText('1,0 / 5');
  await expect(assessment.section('dialogue')).toContainText('+75');
  await expect(assessment.historyRows).toHaveCount(2);
  await expectNoAxeViolations(page);

  // Compare with nothing, then show the older one on its own.
  await page.getByTestId('compare-b').selectOption('');
  await expect(page.getByTestId('radar-previous')).toHaveCount(0);
  await expect(assessment.total).toHaveText('Totaal 67/100');
  const options = page.getByTestId('compare-a').locator('option');
  await page.getByTestId('compare-a').selectOption(await options.nth(1).getAttribute('value'));
  await expect(assessment.total).toHaveText('Totaal 42/100');
  // Deleting the one on show falls back to the latest; undo brings it back.
  await assessment.historyRows.nth(1).getByTestId('delete-assessment').click();
  await expect(assessment.total).toHaveText('Totaal 67/100');
  await page.getByTestId('undo').click();
  await expect(assessment.total).toHaveText('Totaal 42/100');
  await expect(assessment.historyRows).toHaveCount(2);

  // The integrity checklist: same screens, no radar for one section.
  await page.getByTestId('tab-assessments').click();
  await expect(page.getByTestId('questionnaire-hostmanship').getByTestId('questionnaire-latest')).toContainText('67/100');
  await assessment.open('integrity');
  await assessment.fill({
    answers: { 'told-wrong': 'yes', 'said-no': 'yes', 'explainable-terms': 'no', 'within-competence': 'yes', 'no-hiding': 'yes', 'own-mistakes': 'skip' },
  });
  await expect(assessment.total).toHaveText('Totaal 80/100');
  await expect(page.getByTestId('radar')).toHaveCount(0);
  await expect(assessment.section('integrity')).toContainText('80%');
  await expect(page.getByTestId('attention')).toContainText('Al onze prijzen en voorwaarden');
  await expectNoAxeViolations(page);

  // Overview: the latest hostmanship total; reload keeps everything.
  await page.getByRole('link', { name: 'Klanten' }).click();
  const row = new OverviewPage(page).row('Zorggroep West');
  await expect(row.getByTestId('row-hostmanship')).toHaveText('Hostmanship 67/100');
  await app.reload();
  await expect(row.getByTestId('row-hostmanship')).toHaveText('Hostmanship 67/100');
  await row.getByTestId('row-hostmanship').click();
  await expect(assessment.historyRows).toHaveCount(2);

  // Delete the latest, undo.
  await assessment.historyRows.first().getByTestId('delete-assessment').click();
  await expect(assessment.historyRows).toHaveCount(1);
  await expect(assessment.total).toHaveText('Totaal 42/100');
  await page.getByTestId('undo').click();
  await expect(assessment.historyRows).toHaveCount(2);
});

test('export and import carry moments and assessments', async ({ page }) => {
  const { app, client } = await newClient(page, 'Hogeschool Zuid');
  await client.tab('moments');
  const moments = new MomentsPage(page);
  await moments.log({ description: 'Oplevering fase 2', kind: 'delivery', answers: { 'q1-outcome': 'as-expected', 'q2-treatment': 5, 'q3-extra': 'Taart bij de oplevering' }, due: daysFromToday(1) });
  await expect(moments.moments).toHaveCount(1);
  await client.tab('assessments');
  const assessment = new AssessmentPage(page);
  await assessment.open('hostmanship');
  await assessment.fill({ answers: hostmanshipAnswers(5, { serving: 1 }) });
  await expect(assessment.total).toHaveText('Totaal 83/100');

  await page.goto('./#/data');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  const backup = JSON.parse(exported);
  expect(backup.schema).toBe(5);
  const account = backup.clients[0];
  expect(account.m[0].answers['q1-outcome']).toEqual({ choice: 'as-expected' });
  expect(account.m[0].action.due).toBe(daysFromToday(1));
  expect(account.q[0]).toMatchObject({ definition: 'hostmanship', version: 1, date: todayIso() });

  // A broken answer is refused with the client named; nothing changes.
  const bad = structuredClone(backup);
  bad.clients[0].q[0].answers['serving-success'] = { scale: 9 };
  const file = page.getByTestId('import-file');
  await settled(page);
  const before = await kbrStorage(page);
  await file.setInputFiles({ name: 'fout.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('import-error')).toContainText('Hogeschool Zuid');
  await expect(page.getByTestId('import-error')).toContainText('serving-success');
  await settled(page);
  expect(await kbrStorage(page)).toEqual(before);

  // Start empty, import the export: everything is back, and exports the same bytes.
  await page.evaluate(() => localStorage.clear());
  await app.reload();
  await page.goto('./#/data');
  await file.setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('import-plan')).toContainText('1 contactmomenten en 1 zelftoetsen');
  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  expect(readFileSync(await again.path(), 'utf8')).toBe(exported);
  await app.open('#/');
  await new OverviewPage(page).open('Hogeschool Zuid');
  await client.tab('moments');
  await expect(moments.moment('Oplevering fase 2').getByTestId('moment-outcome')).toHaveText('Tevreden');
  await client.tab('assessments');
  await expect(page.getByTestId('questionnaire-hostmanship').getByTestId('questionnaire-latest')).toContainText('83/100');
});

test('an unknown questionnaire in the URL says so and links back', async ({ page }) => {
  await newClient(page, 'Adres BV');
  const url = page.url().replace(/#.*$/, '');
  const id = await page.evaluate(() => location.hash.split('/')[2]);
  await page.goto(`${url}#/client/${id}/assessments/nope`);
  await expect(page.getByTestId('unknown-questionnaire')).toContainText('bestaat niet');
  await page.getByTestId('unknown-questionnaire').getByRole('link').click();
  await expect(page.getByTestId('questionnaire-integrity')).toBeVisible();
  // The questionnaires follow the language switch, like every other text.
  await new AppPage(page).switchLanguage('en');
  await expect(page.getByTestId('questionnaire-hostmanship')).toContainText('Hostmanship: six principles');
  await page.getByTestId('open-integrity').click();
  await page.getByTestId('assessment-new').click();
  await expect(page.getByTestId('assessment-form')).toContainText('When the client was wrong, I told them');
  await expect(page.getByTestId('assessment-form')).toContainText('Skip');
  await page.getByTestId('tab-moments').click();
  await expect(page.getByTestId('moment-new')).toHaveText('Log an interaction');
});
