// The user's own calendar: the .ics export of a client (stable UIDs, the
// reminder the user picks, done items cancelled) and the import of a
// meeting series as moments to prepare, with a preview and nothing written
// before the confirmation; hostile files change nothing.
import { test, expect, expectNoAxeViolations } from '../fixtures.js';
import { AppPage } from '../pages/app.js';
import { OverviewPage } from '../pages/overview.js';
import { ClientPage } from '../pages/client.js';
import { CalendarPanel, icsDay, meetingSeries } from '../pages/calendar.js';
import { expectNoSidewaysScroll } from '../pages/workshop.js';
import { daysFromToday } from '../pages/dates.js';

async function newClient(page, name) {
  const app = new AppPage(page);
  await app.open();
  await new OverviewPage(page).createClient({ name, start: '2024-01-01' });
  return { app, client: new ClientPage(page), calendar: new CalendarPanel(page) };
}

function events(text) {
  return text.split('BEGIN:VEVENT').slice(1).map((e) => e.replace(/\r\n /g, ''));
}

function field(event, name) {
  const m = event.match(new RegExp(`\\r\\n${name}(;[^:]*)?:([^\\r]*)`));
  return m ? m[2] : undefined;
}

test('export: a prepared moment and its extra as events with stable UIDs; done means cancelled', async ({ page }) => {
  // The export is stamped with the clock: held still here, and moved on a
  // few minutes before the second export, as a user's would be.
  const t0 = Date.now();
  await page.clock.setFixedTime(t0);
  const { client, calendar } = await newClient(page, 'Van Dalen');
  await client.tab('moments');
  await page.getByTestId('prepare-new').click();
  const f = page.getByTestId('prepare-form');
  await f.getByTestId('moment-description').fill('Kwartaaloverleg');
  await f.getByTestId('prepare-expectation').fill('Een plan voor januari, met de piek');
  await f.getByTestId('prepare-treatment').fill('Eerlijk horen wat kan');
  await f.getByTestId('prepare-extra').fill('planner terugbellen');
  await f.getByTestId('prepare-save').click();
  await expect(page.getByTestId('moment-planned')).toBeVisible();

  const first = await calendar.exportClient();
  expect(first.name).toMatch(/^klantbankrekening-agenda-van-dalen-\d{4}-\d{2}-\d{2}\.ics$/);
  expect(first.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  for (const line of first.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const evs = events(first.text);
  const action = evs.find((e) => field(e, 'SUMMARY')?.includes('extraatje'));
  const moment = evs.find((e) => field(e, 'UID')?.startsWith('kbr-moment-'));
  const stock = evs.find((e) => field(e, 'UID')?.startsWith('kbr-stocktake-'));
  expect(field(action, 'SUMMARY')).toBe('Klantbankrekening · Van Dalen · extraatje: planner terugbellen');
  expect(field(action, 'DTSTART')).toBe(icsDay(0));
  expect(action).toContain('DTSTART;VALUE=DATE:');
  expect(field(action, 'STATUS')).toBe('CONFIRMED');
  expect(field(action, 'TRIGGER')).toBe('PT32400S'); // the default: 9:00 on the day
  expect(field(moment, 'DESCRIPTION')).toContain('Een plan voor januari\\, met de piek');
  expect(stock).toBeUndefined(); // no entries yet: nothing to take stock of
  const dayBefore = events((await calendar.exportClient('day-before')).text);
  expect(field(dayBefore.find((e) => field(e, 'UID') === field(action, 'UID')), 'TRIGGER')).toBe('-PT54000S');

  // The day before, and after the extra is done: same UID, cancelled, no reminder.
  await page.getByTestId('moment-after').click();
  await page.getByTestId('moment-form').getByTestId('moment-save').click();
  await page.getByTestId('action-done').click();
  await expect(page.getByTestId('action-done')).toHaveCount(0);
  await page.clock.setFixedTime(t0 + 3 * 60_000);
  const second = await calendar.exportClient('day-before');
  const again = events(second.text);
  const uids = (list) => list.map((e) => field(e, 'UID')).sort();
  expect(uids(again)).toEqual(uids(evs));
  // Each event found by its UID in both files: the cancelled ones carry a
  // higher SEQUENCE than before (or a calendar keeps the older version).
  for (const uid of [field(moment, 'UID'), field(action, 'UID')]) {
    const earlier = evs.find((e) => field(e, 'UID') === uid);
    const later = again.find((e) => field(e, 'UID') === uid);
    expect(field(earlier, 'STATUS')).toBe('CONFIRMED');
    expect(field(later, 'STATUS')).toBe('CANCELLED');
    expect(later).not.toContain('BEGIN:VALARM');
    expect(Number(field(later, 'SEQUENCE'))).toBeGreaterThan(Number(field(earlier, 'SEQUENCE')));
  }
  await expectNoAxeViolations(page);
});

test('import: a meeting series becomes moments to prepare, after a preview, once', async ({ page }) => {
  const { app, client, calendar } = await newClient(page, 'Kalender BV');
  await client.tab('moments');
  await page.getByTestId('calendar-import-open').click();
  await calendar.choose(meetingSeries());
  await expect(calendar.preview).toBeVisible();
  // Weekly from today for 90 days (13 Tuesdays or whichever day), less one left out, and one call.
  await expect(calendar.rows).toHaveCount(13);
  // Events (in the file) and dates (in the window) are told apart, and the
  // window is the same for a single meeting as for a series.
  const until = daysFromToday(90).split('-').reverse().join('-');
  await expect(page.getByTestId('calendar-summary')).toHaveText(
    `In het bestand: 5 afspraken. Van vandaag tot en met ${until} (de komende 90 dagen; een reeks telt met elke datum) zijn er 13 data: nieuw om klaar te zetten 13, al bekend bij deze klant 0.`);
  await expect(page.getByTestId('calendar-skipped')).toContainText('Niet overgenomen: 3');
  await expect(page.getByTestId('calendar-skipped')).toContainText('Jaargesprek ver weg: pas na de komende 90 dagen');
  await expect(calendar.rows.first()).toContainText('Weekoverleg Kalender BV, planning');
  await expect(calendar.rows.filter({ hasText: 'Bellen met de planner' })).toContainText('Telefoongesprek');
  await expectNoSidewaysScroll(page);
  await expectNoAxeViolations(page);
  // Nothing is written before the confirmation.
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('kbr:client:'))
    .map((k) => localStorage.getItem(k)).join(''));
  expect(await stored()).not.toContain('Weekoverleg');
  await expect(page.getByTestId('moment')).toHaveCount(0);

  // Leave one out, confirm.
  await calendar.rows.filter({ hasText: 'Bellen met de planner' }).getByTestId('calendar-pick').uncheck();
  await expect(calendar.confirm).toHaveText('12 momenten klaarzetten');
  await calendar.confirm.click();
  await expect(page.getByTestId('calendar-done')).toContainText('12 momenten klaargezet bij Kalender BV');
  await expect(page.getByTestId('moment')).toHaveCount(12);
  await expect(page.getByTestId('moment-planned')).toHaveCount(12);
  // One undo takes the whole import back; redo is not needed: import again.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('moment')).toHaveCount(0);
  await calendar.choose(meetingSeries());
  await calendar.rows.filter({ hasText: 'Bellen met de planner' }).getByTestId('calendar-pick').uncheck();
  await calendar.confirm.click();
  await expect(page.getByTestId('moment')).toHaveCount(12);

  // The same file again: the series is known, only the call is new.
  await calendar.choose(meetingSeries());
  await expect(page.getByTestId('calendar-known')).toHaveCount(12);
  await expect(calendar.confirm).toHaveText('1 moment klaarzetten');

  // Kept across a reload, and an imported moment can be prepared.
  await app.reload();
  await client.tab('moments');
  await expect(page.getByTestId('moment')).toHaveCount(12);
  const last = page.getByTestId('moment').last();
  await expect(last.getByTestId('not-prepared')).toBeVisible();
  await last.getByTestId('moment-prepare').click();
  const f = page.getByTestId('prepare-form');
  await expect(f.getByTestId('moment-description')).toHaveValue('10:00 · Weekoverleg Kalender BV, planning');
  await f.getByTestId('prepare-extra').fill('Agenda vooraf mailen');
  await f.getByTestId('prepare-save').click();
  await expect(page.getByTestId('moment').last().getByTestId('prepared-note')).toContainText('Agenda vooraf mailen');
  await expect(page.getByTestId('moment').last().getByTestId('not-prepared')).toHaveCount(0);
  await expect(page.getByTestId('moment').last().getByTestId('moment-action')).toBeVisible();
  expect(await stored()).toContain('Weekoverleg');
});

test('import on the data page: the client is picked, and hostile files change nothing', async ({ page }) => {
  const { app, calendar } = await newClient(page, 'Eerste BV');
  await app.open();
  await new OverviewPage(page).createClient({ name: 'Tweede BV' });
  await app.open('#/data');
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const refuse = async (content, text) => {
    await calendar.choose(content);
    await expect(calendar.error).toContainText(text);
  };
  await refuse('dit is geen agenda', 'geen agendabestand');
  await refuse(`BEGIN:VCALENDAR\r\n${'BEGIN:VEVENT\r\n'.repeat(5000)}`, 'dieper genest');
  await refuse('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n', 'Regel 2 van dit agendabestand begint een onderdeel (BEGIN) dat nergens wordt afgesloten (END).');
  await refuse('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nzomaar tekst\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'Regel 3 van dit agendabestand is geen agendaregel');
  await refuse(Buffer.alloc(4 * 1024 * 1024 + 10, 'A'), 'MB');
  await refuse('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'geen afspraken');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  await expectNoAxeViolations(page);

  await calendar.choose(meetingSeries());
  await expect(calendar.confirm).toBeDisabled();
  await page.getByTestId('calendar-client').selectOption({ label: 'Tweede BV' });
  await expect(calendar.confirm).toHaveText('13 momenten klaarzetten');
  await calendar.confirm.click();
  await expect(page.getByTestId('calendar-done')).toContainText('Tweede BV');

  // The data page also exports every client's calendar.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calendar-ics').click()]);
  expect(download.suggestedFilename()).toMatch(/^klantbankrekening-agenda-\d{4}-\d{2}-\d{2}\.ics$/);
});

test('the export says what was saved and how to import it, and is honest about Google Calendar', async ({ page }) => {
  const { calendar } = await newClient(page, 'Café Zoë');
  await expect(page.getByTestId('client-calendar-saved')).toHaveCount(0);
  const { name } = await calendar.exportClient();
  expect(name).toMatch(/^klantbankrekening-agenda-cafe-zoe-\d{4}-\d{2}-\d{2}\.ics$/);
  const saved = page.getByTestId('client-calendar-saved');
  await expect(saved).toContainText(`Opgeslagen als ${name}`);
  await expect(saved).toContainText('Outlook');
  await expect(saved).toContainText('Google Agenda');
  await expect(page.getByTestId('client-calendar-google')).toContainText('Google Agenda negeert afzeggingen en herinneringen');
  await expectNoAxeViolations(page);
});
