// Asking the client end to end: the account manager (1280 wide) sends an
// invite, the client contact (a phone, 360 wide) answers, the return link
// comes back, stays closed until our own self-assessment of the round, then
// shows the trust gap; foreign and tampered codes are refused; reload keeps
// it all; an answer is booked only when the user chooses.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage } from '../pages/client.js';
import { hostmanshipAnswers } from '../pages/questionnaires.js';
import { ClientViewPage, ParticipantPage, phone, expectNoSidewaysScroll } from '../pages/workshop.js';

test.skip(({ isMobile }) => isMobile, 'the account manager works at a desktop; the client is a phone inside the test');

async function clientAnswers(browser, errors, link, { name = '', answer }) {
  const { context, page } = await phone(browser, errors);
  const p = new ParticipantPage(page);
  await p.open(link);
  await p.start(name);
  await p.fillAll(answer);
  const back = await p.link();
  return { context, page, back };
}

test('client invite: link, the client answers on a phone, blind until our own scorecard, trust gap, refusals, booking, reload', async ({ page, browser, consoleErrors }) => {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Van Dalen Bouw', manager: 'Eva' });
  await new ClientPage(page).tab('clientview');
  const view = new ClientViewPage(page);
  await expectNoAxeViolations(page);
  // Who asks is required: a person and an organisation.
  await view.createRound({ sender: '', person: '' });
  await expect(page.getByTestId('new-round').getByRole('alert')).toContainText('Jouw naam is verplicht.');
  await expect(page.getByTestId('new-round').getByRole('alert')).toContainText('Organisatie is verplicht.');
  await expect(view.rounds).toHaveCount(0);
  await view.createRound({ sender: 'Jansen ICT', lang: 'en' });
  const invite = await view.inviteLink();
  expect(invite).toMatch(/\/some\/dir\/p\/#\/i\/[A-Za-z0-9_-]+$/);
  await expect(view.round().getByTestId('round-message')).toHaveValue(new RegExp(invite.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  await expect(view.round().getByTestId('round-message')).toHaveValue(/Jansen ICT/);
  await expect(view.round().getByTestId('qr')).toBeVisible();
  await expectNoAxeViolations(page);

  // The client, in English, on a phone.
  const client = await (async () => {
    const { context, page: ph } = await phone(browser, consoleErrors);
    const p = new ParticipantPage(ph);
    await p.open(invite);
    await expect(ph.getByRole('heading', { level: 1 })).toContainText('Eva de Vries, Jansen ICT asks');
    await expect(ph.getByTestId('no-server')).toContainText('Nothing is stored on any server');
    await expectNoAxeViolations(ph);
    // Our tool's name and our principle names stay on our side.
    await expect(ph.locator('body')).not.toContainText('Client bank account');
    await p.start('Ans');
    await expect(ph.getByText('My supplier knows what success means')).toBeVisible();
    await expect(ph.getByTestId('section-heading')).toHaveText('Does the supplier work for your success?');
    await expect(ph.locator('body')).not.toContainText('Serving');
    await expectNoSidewaysScroll(ph);
    await expectNoAxeViolations(ph);
    await p.fillAll((item) => {
      if (item.startsWith('cv-dialogue')) return 2;
      if (item === 'cv-last-contact') return 'below';
      if (item === 'cv-next-time') return 'Call back when you promise to';
      if (item === 'cv-remark') return 'Good people, too busy';
      if (item.startsWith('cv-') || item === 'cv-treated') return 4;
      return undefined;
    });
    await expect(ph.getByTestId('participant-done')).toContainText('Thank you');
    await expect(ph.getByTestId('participant-done')).toContainText('Jansen ICT');
    // Nobody is there to scan a code: the client is told to send the link.
    await expect(ph.getByTestId('return-how')).toHaveText('Copy the link into a mail or chat, share it, or download it as a file and send that.');
    await expectNoAxeViolations(ph);
    await expectNoSidewaysScroll(ph);
    const back = await p.link();
    // A reload on the phone loses nothing.
    await ph.reload();
    await expect(ph.getByTestId('participant-done')).toBeVisible();
    expect(await p.link()).toBe(back);
    await context.close();
    return back;
  })();
  expect(client).toMatch(/\/some\/dir\/#\/r\/[A-Za-z0-9_-]+$/);

  // A second round, answered by someone else, is another round's code.
  await view.createRound({ sender: 'Jansen ICT' });
  const second = await view.inviteLink(0);
  // A Dutch client is addressed with "u" throughout, never with "je".
  {
    const { context, page: nl } = await phone(browser, consoleErrors);
    await new ParticipantPage(nl).open(second);
    await expect(nl.getByTestId('no-server')).toContainText('Uw antwoorden blijven op dit toestel tot u ze zelf terugstuurt');
    await expect(nl.getByTestId('participant-intro')).not.toContainText(/\b(je|jij|jouw)\b/i);
    await context.close();
  }
  const other = await clientAnswers(browser, consoleErrors, second, { answer: () => 'skip' });
  await expect(other.page.getByTestId('participant-done')).toContainText('U hebt');
  await expect(other.page.getByTestId('participant-done')).not.toContainText(/\b(je|jij|jouw)\b/i);
  await other.context.close();

  // Refusals: a tampered code and a code of the other round.
  const code = client.split('#/r/')[1];
  const flipped = code.slice(0, 10) + (code[10] === 'A' ? 'B' : 'A') + code.slice(11);
  await view.paste(`hier: https://x.nl/#/r/${flipped}`, 1);
  await expect(view.round(1).getByTestId('outcome-refused')).toContainText('veranderd of afgeknipt');
  await view.paste(other.back, 1);
  await expect(view.round(1).getByTestId('outcome-refused')).toContainText('andere sessie of klantuitnodiging');
  await expect(view.round(1)).toContainText('0 antwoorden');
  await expect(view.round(1).getByTestId('round-state')).toHaveText('wacht op antwoorden');

  // The client's answers: kept, but closed until our own scorecard.
  await view.paste(`Van Ans: ${client}`, 1);
  await expect(view.round(1).getByTestId('outcome-ok')).toContainText('Ans');
  await expect(view.round(1).getByTestId('round-sealed')).toContainText('1 antwoord ontvangen');
  await expect(view.round(1).getByTestId('round-state')).toHaveText('gesloten');
  await expect(view.round(1).getByTestId('gap-view')).toHaveCount(0);
  await expect(page.getByText('Good people, too busy')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await app.reload();
  await expect(view.round(1).getByTestId('round-sealed')).toBeVisible();

  await view.round(1).getByTestId('round-fill-own').click();
  const form = view.round(1).getByTestId('assessment-form');
  for (const [item, v] of Object.entries(hostmanshipAnswers(4))) await form.getByTestId(`q-${item}-${v}`).check();
  await form.getByTestId('assessment-save').click();
  const gap = view.round(1).getByTestId('gap-view');
  await expect(gap).toBeVisible();
  await expect(gap.getByTestId('gap-basis')).toContainText('ingevuld voordat je de antwoorden zag');
  await expect(view.round(1).getByTestId('round-state')).toHaveText('open');
  // Ours 4,0 on every principle; the client gave dialogue 2 → gap 2,0 first.
  await expect(gap.getByTestId('gap-sentences').locator('li').first()).toHaveText('Je schat Dialoog voeren 2,0 punt hoger in dan de klant.');
  await expect(gap.getByTestId('gap-dialogue')).toContainText('wij 4,0');
  await expect(gap.getByTestId('gap-dialogue')).toContainText('klant 2,0');
  await expect(gap.getByTestId('gap-remarks')).toContainText('Good people, too busy');
  await expect(gap.getByTestId('gap-next-time')).toContainText('Call back when you promise to');
  await expectNoAxeViolations(page);

  // Booking is the user's choice: the low score as a noted withdrawal.
  const row = view.round(1).getByTestId('return-row');
  await expect(row.getByTestId('book-return')).toHaveCount(2);
  await row.getByTestId('book-return').first().click();
  await expect(row.getByTestId('return-booked')).toBeVisible();

  await app.reload();
  await expect(view.round(1).getByTestId('gap-view')).toBeVisible();
  await expect(view.round(1).getByTestId('return-booked')).toBeVisible();

  // The client's link opened once more: already there, nothing added twice.
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('kbr:')).sort()));
  await page.goto(client);
  const today = new Date().toLocaleDateString('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric' }).replaceAll('/', '-');
  await expect(page.getByTestId('return-already')).toHaveText(`Deze antwoorden zijn al toegevoegd op ${today}.`);
  await expect(page.getByTestId('return-add')).toHaveCount(0);
  await page.getByTestId('return-open').click();
  await expect(view.round(1).getByTestId('gap-view')).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('kbr:')).sort()))).toBe(stored);
  await new ClientPage(page).tab('ledger');
  await expect(page.getByRole('cell', { name: /Scorecard van de klant/ })).toBeVisible();
});

test('the sender chooses "je" or "u": the whole client flow, from message to thanks, keeps that one register', async ({ page, browser, consoleErrors }) => {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Bakkerij Zoë', manager: 'Eva' });
  await new ClientPage(page).tab('clientview');
  const view = new ClientViewPage(page);
  // "u" is chosen until the sender says otherwise; the choice is explained.
  const form = page.getByTestId('new-round');
  await expect(form.getByTestId('round-register-u')).toBeChecked();
  await expect(form.getByRole('group', { name: 'Aanspreekvorm' })).toHaveAccessibleDescription(/met u of met je/);
  await view.createRound({ sender: 'Jansen ICT', register: 'je' });
  await expect(view.round()).toContainText('Nederlands, je');
  const message = await view.round().getByTestId('round-message').inputValue();
  expect(message).toContain('Wil je deze korte vragenlijst invullen?');
  expect(message).not.toMatch(/\b(u|uw)\b/i);
  const invite = await view.inviteLink();
  await expectNoAxeViolations(page);

  const informal = /\b(u|uw)\b/i;
  const { context, page: ph } = await phone(browser, consoleErrors);
  const p = new ParticipantPage(ph);
  await p.open(invite);
  const intro = ph.getByTestId('participant-intro');
  await expect(ph.getByRole('heading', { level: 1 })).toHaveText('Eva de Vries, Jansen ICT vraagt hoe je de samenwerking ervaart');
  await expect(ph.getByTestId('no-server')).toContainText('Je antwoorden blijven op dit toestel tot je ze zelf terugstuurt');
  await expect(intro).toContainText('Je naam (niet verplicht)');
  await expect(intro).not.toContainText(informal);
  const screens = [];
  await p.start();
  await expect(ph.getByTestId('section-heading')).toHaveText('Werkt de leverancier aan jouw succes?');
  await p.fillAll((item) => ({ 'cv-remark': 'Prima', 'cv-next-time': undefined, 'cv-last-contact': 'as-expected' })[item] ?? 4, screens);
  expect(screens.length).toBe(7);
  expect(screens.join('\n')).toContain('Heeft je leverancier bij het laatste contact je verwachting waargemaakt');
  for (const text of screens) expect(text).not.toMatch(informal);
  const done = ph.getByTestId('participant-done');
  await expect(done.getByRole('heading', { level: 1 })).toHaveText('Dank je wel!');
  await expect(done).toContainText('Stuur je antwoorden terug naar Eva de Vries, Jansen ICT');
  await expect(done).toContainText('Je hebt 7 stappen doorlopen');
  await expect(done).not.toContainText(informal);
  await expectNoAxeViolations(ph);
  // The answers come back like any others.
  const back = await p.link();
  await context.close();
  await view.paste(back);
  await expect(view.round()).toContainText('1 antwoord');
});

test('a later round shows whether the gap closed: the gap per principle, round by round', async ({ page, browser, consoleErrors }) => {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Rondes BV' });
  await new ClientPage(page).tab('clientview');
  const view = new ClientViewPage(page);
  // Each round: the client rates dialogue `dialogue`, everything else 4;
  // we rate ourselves 4 on every statement.
  for (const dialogue of [2, 4]) {
    await view.createRound({ sender: 'Jansen ICT' });
    const answered = await clientAnswers(browser, consoleErrors, await view.inviteLink(0), {
      answer: (item) => {
        if (item.startsWith('cv-dialogue')) return dialogue;
        if (item === 'cv-last-contact') return 'as-expected';
        if (item.startsWith('cv-') && item !== 'cv-next-time' && item !== 'cv-remark') return 4;
        return undefined;
      },
    });
    await answered.context.close();
    await view.paste(answered.back, 0);
    await expect(view.round(0).getByTestId('outcome-ok')).toBeVisible();
    await view.round(0).getByTestId('round-fill-own').click();
    const form = view.round(0).getByTestId('assessment-form');
    for (const [item, v] of Object.entries(hostmanshipAnswers(4))) await form.getByTestId(`q-${item}-${v}`).check();
    await form.getByTestId('assessment-save').click();
    await expect(view.round(0).getByTestId('gap-view')).toBeVisible();
  }
  const history = page.getByTestId('gap-history');
  await expect(history).toBeVisible();
  const dialogueRow = history.getByRole('row', { name: /Dialoog voeren/ });
  // First round: we rated dialogue 2,0 higher; the later one: no gap left.
  await expect(dialogueRow.getByRole('cell')).toHaveText(['+2,0', '0,0']);
  await expectNoAxeViolations(page);
  await app.reload();
  await expect(page.getByTestId('gap-history').getByRole('row', { name: /Dialoog voeren/ }).getByRole('cell')).toHaveText(['+2,0', '0,0']);
});
