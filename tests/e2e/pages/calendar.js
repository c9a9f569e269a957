// Page object: the calendar export (in a client's export menu or on the
// data page) and the calendar import with its preview.
import { daysFromToday } from './dates.js';

export class CalendarPanel {
  constructor(page) {
    this.page = page;
    this.import = page.getByTestId('calendar-import');
    this.preview = page.getByTestId('calendar-preview');
    this.rows = page.getByTestId('calendar-row');
    this.error = page.getByTestId('calendar-error');
    this.confirm = page.getByTestId('calendar-confirm');
  }

  /** Downloads the client's calendar from its export menu; returns the .ics text. */
  async exportClient(reminder) {
    const menu = this.page.getByTestId('export-menu');
    if (!(await menu.evaluate((el) => el.open))) await menu.locator('summary').click();
    if (reminder) await this.page.getByTestId('client-calendar-reminder').selectOption(reminder);
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('client-calendar-ics').click(),
    ]);
    return { name: download.suggestedFilename(), text: await readDownload(download) };
  }

  /** Chooses a calendar file (text or a Buffer) in the import. */
  async choose(content, name = 'agenda.ics') {
    const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    await this.page.getByTestId('calendar-file').setInputFiles({ name, mimeType: 'text/calendar', buffer });
  }
}

export async function readDownload(download) {
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** YYYYMMDD of `n` days from today (local time). */
export function icsDay(n = 0) {
  return daysFromToday(n).replaceAll('-', '');
}

/** A calendar export as Outlook writes one: a weekly series from today with
 * one date left out, a single call, a cancelled meeting, a rule the app
 * does not expand and a single meeting 106 days ahead (after the window). */
export function meetingSeries() {
  const lines = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
    'BEGIN:VEVENT', 'UID:040000008200E00074C5B7101A82E008-series', 'DTSTAMP:20261101T090000Z',
    `DTSTART;TZID=Europe/Amsterdam:${icsDay(0)}T100000`, `DTEND;TZID=Europe/Amsterdam:${icsDay(0)}T110000`,
    'RRULE:FREQ=WEEKLY', `EXDATE;TZID=Europe/Amsterdam:${icsDay(14)}T100000`,
    'SUMMARY:Weekoverleg Kalender BV\\, planning', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:single-call-1', `DTSTART;TZID=Europe/Amsterdam:${icsDay(3)}T143000`,
    'SUMMARY:Bellen met de planner', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:cancelled-1', `DTSTART;VALUE=DATE:${icsDay(5)}`, 'STATUS:CANCELLED',
    'SUMMARY:Afgezegd overleg', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:hourly-1', `DTSTART:${icsDay(1)}T090000Z`, 'RRULE:FREQ=HOURLY',
    'SUMMARY:Elk uur', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:far-single-1', `DTSTART;TZID=Europe/Amsterdam:${icsDay(106)}T100000`,
    'SUMMARY:Jaargesprek ver weg', 'END:VEVENT',
    'END:VCALENDAR', '',
  ];
  return lines.join('\r\n');
}
