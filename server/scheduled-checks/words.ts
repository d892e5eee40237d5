/** How a schedule reads on the page: no server-only imports, so client components may use it. */
export type FrequencyWord = 'off' | 'daily' | 'weekly';

export const FREQUENCY_LABELS: Record<FrequencyWord, string> = { off: 'Off', daily: 'Every day', weekly: 'Every week' };

export const pad2 = (n: number) => String(n).padStart(2, '0');

/** "05:17 UTC" */
export function timeOfDay(hourUtc: number, minute: number): string {
  return `${pad2(hourUtc)}:${pad2(minute)} UTC`;
}

/** "every day at 05:17 UTC", "every week on Thursday at 05:17 UTC", "off". */
export function describeSchedule(s: { frequency: FrequencyWord; hourUtc: number; minute: number; nextRunAt: Date | null }): string {
  if (s.frequency === 'off') return 'off';
  if (s.frequency === 'daily') return `every day at ${timeOfDay(s.hourUtc, s.minute)}`;
  const day = s.nextRunAt ? ` on ${s.nextRunAt.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })}` : '';
  return `every week${day} at ${timeOfDay(s.hourUtc, s.minute)}`;
}

/** "Thu, 3 Dec 2026, 05:17 UTC" */
export function whenUtc(at: Date): string {
  return `${at.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' })} UTC`;
}
