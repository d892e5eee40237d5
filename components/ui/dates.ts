/**
 * The one way dates are written on screen: "2 Dec 2026" and "2 Dec 2026, 08:36 UTC". Always in
 * UTC, so a server-rendered page and the browser print the same text, a due date (2026-12-31)
 * never slips to the day before west of Greenwich, and times match monitors, charts and alerts.
 */
type DateLike = Date | string | number;

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const DATE_TIME_SECONDS = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export const formatDate = (value: DateLike) => DATE.format(new Date(value));

/** With `seconds` for moments that are seconds apart (monitor checks). */
export const formatDateTime = (value: DateLike, options: { seconds?: boolean } = {}) =>
  `${(options.seconds ? DATE_TIME_SECONDS : DATE_TIME).format(new Date(value))} UTC`;
