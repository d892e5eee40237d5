/**
 * How long a publicly trusted TLS certificate may last, by the day it is issued (CA/Browser
 * Forum ballot SC-081): 398 days before 15 March 2026, then 200 days, 100 days from 15 March
 * 2027 and 47 days from 15 March 2029. Renewal tools renew at about two-thirds of a
 * certificate's life (certbot: 30 days before a 90-day certificate ends), so a certificate still
 * served well past that point says automatic renewal is not running.
 */
const DAY_MS = 86_400_000;

export const LIFETIME_STEPS: readonly { from: string; maxDays: number }[] = [
  { from: '2029-03-15', maxDays: 47 },
  { from: '2027-03-15', maxDays: 100 },
  { from: '2026-03-15', maxDays: 200 },
];
export const BEFORE_STEPS_MAX_DAYS = 398;

/** The longest lifetime a certificate issued on `day` may have. */
export function maxLifetimeDays(day: Date): number {
  const iso = day.toISOString().slice(0, 10);
  return LIFETIME_STEPS.find((step) => iso >= step.from)?.maxDays ?? BEFORE_STEPS_MAX_DAYS;
}

/** The steps still to come after `day`, for telling people what is next. */
export function upcomingSteps(day: Date): { from: string; maxDays: number }[] {
  const iso = day.toISOString().slice(0, 10);
  return LIFETIME_STEPS.filter((step) => step.from > iso).reverse();
}

export interface Lifetime {
  lifetimeDays: number;
  elapsedDays: number;
  /** validFrom + two-thirds of the lifetime: when a working renewal has replaced it. */
  renewalDueAt: string;
  /** Past the renewal point plus a grace (5% of the lifetime, at least 2 days) and still served. */
  overdue: boolean;
  /** The longest its replacement may last, if issued when this one ends. */
  replacementMaxDays: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export function lifetimeOf(validFrom: string, validTo: string, now: Date): Lifetime {
  const from = Date.parse(validFrom);
  const to = Date.parse(validTo);
  const lifetimeMs = Math.max(0, to - from);
  const due = from + (lifetimeMs * 2) / 3;
  const grace = Math.max(2 * DAY_MS, lifetimeMs * 0.05);
  return {
    lifetimeDays: round1(lifetimeMs / DAY_MS),
    elapsedDays: round1((now.getTime() - from) / DAY_MS),
    renewalDueAt: new Date(due).toISOString(),
    overdue: now.getTime() > due + grace,
    replacementMaxDays: maxLifetimeDays(new Date(to)),
  };
}

/** "15 March 2027" */
export function longDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
