/** "3 days ago", "2 hours ago", "just now" — how long before `now` a moment was; "never" for none. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const format = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

export function ageLabel(iso: string | null, now: Date): string {
  if (iso === null) return 'never';
  const elapsed = now.getTime() - Date.parse(iso);
  if (elapsed < MINUTE) return 'just now';
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  // Days up to two months: evidence age is judged in days (stale after 7).
  if (elapsed < 60 * DAY) return format.format(-Math.floor(elapsed / DAY), 'day');
  if (elapsed < 365 * DAY) return format.format(-Math.floor(elapsed / (30 * DAY)), 'month');
  return format.format(-Math.floor(elapsed / (365 * DAY)), 'year');
}
