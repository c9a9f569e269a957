// Stored records written straight into localStorage, as an older version,
// another tab or a broken disk would leave them.

import { daysAgo } from './dates.js';

const CATS = ['sd-delivered', 'sw-payment', 'cd-paid-on-time', 'cw-paid-late'];
const NOTES = [
  'Afspraak over de planning van volgende week', 'Rapportage op tijd opgeleverd', 'Factuur van de maand betaald',
  'Vraag over de koppeling beantwoord', 'Overleg met de teamleider gehad', 'Testdata aangeleverd door de klant',
];
const DAY0 = Date.UTC(2000, 0, 1);

/** Days from 2000-01-01 of an ISO date. */
function dayNumber(iso) {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - DAY0) / 86_400_000);
}

// Specs import it from here too.
export { daysAgo };

/**
 * A compact (schema 2) record of `n` valid entries over the last 700 days:
 * the form older versions wrote, migrated by the app when read.
 */
export function bigRecord(id, name, n) {
  const rows = [];
  const today = dayNumber(daysAgo(0));
  for (let i = 0; i < n; i++) {
    const kind = i % 4;
    const code = kind * 5 + (i % 5);
    rows.push([i + 1, today - (i % 700), code, kind, 1 + (i % 3), NOTES[i % NOTES.length]]);
  }
  return JSON.stringify({
    schema: 2, rev: 1, client: { id, name }, ids: CATS, who: ['', 'consultant', 'projectmanager', 'facturatie'], e: rows,
  });
}

/** A plain (schema 1) record with the given entries. */
export function plainRecord(id, name, entries, extra = {}) {
  return JSON.stringify({ schema: 1, rev: 1, account: { client: { id, name }, entries, ...extra } });
}
