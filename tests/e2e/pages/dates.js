// Dates as the specs need them: in local time, which playwright.config.js
// sets to the browser's zone, so "today" here is the app's today.

const pad = (x) => String(x).padStart(2, '0');

/** YYYY-MM-DD of a Date, in local time. */
export function isoDate(d) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** YYYY-MM-DD of `n` days from today (negative: before). */
export function daysFromToday(n) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return isoDate(d);
}

/** YYYY-MM-DD of `n` days before today. */
export function daysAgo(n) {
  return daysFromToday(-n);
}

/** YYYY-MM-DD of today. */
export function todayIso() {
  return daysFromToday(0);
}

/** YYYY-MM-DD of the `day`th of the month `n` months before today. */
export function monthsAgo(n, day = 10) {
  const d = new Date();
  return isoDate(new Date(d.getFullYear(), d.getMonth() - n, day));
}
