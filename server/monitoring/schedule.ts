/**
 * Each monitor runs on its own grid: slots at offset + k·interval, where the offset comes from a
 * hash of the monitor's id, so monitors spread over the interval instead of bunching at the top
 * of the minute. The next slot is always the previous *scheduled* slot plus the interval, never
 * "now plus the interval", so the schedule does not drift.
 */
import crypto from 'node:crypto';

export const MIN_INTERVAL_SECONDS = 30;
export const MAX_INTERVAL_SECONDS = 300;
export const CERTIFICATE_INTERVAL_SECONDS = 86_400;

/** A stable offset in [0, interval) derived from the id. */
export function slotOffsetMs(monitorId: string, intervalMs: number): number {
  const digest = crypto.createHash('sha256').update(monitorId).digest();
  return digest.readUInt32BE(0) % intervalMs;
}

/** The first slot strictly after `now` on the monitor's grid. */
export function firstSlot(monitorId: string, intervalSeconds: number, now: Date): Date {
  const intervalMs = intervalSeconds * 1000;
  const offset = slotOffsetMs(monitorId, intervalMs);
  const base = Math.floor((now.getTime() - offset) / intervalMs) * intervalMs + offset;
  return new Date(base + intervalMs);
}

/**
 * How late a never-started slot may be and still run. Older slots are recorded as "no data"
 * (every worker was down or overloaded) and the monitor resumes at its next grid slot, which
 * spreads the catch-up over one interval instead of firing every monitor at once.
 */
export function graceMs(intervalSeconds: number): number {
  return Math.min(15_000, (intervalSeconds * 1000) / 2);
}

export type MissedSlots = { missed: Date[]; next: Date };

/**
 * For a slot that is too late to run: every slot from it up to now is missed, and the monitor
 * continues at the first slot after now.
 */
export function skipMissed(scheduled: Date, intervalSeconds: number, now: Date): MissedSlots {
  const intervalMs = intervalSeconds * 1000;
  const missed: Date[] = [];
  let t = scheduled.getTime();
  while (t <= now.getTime()) {
    missed.push(new Date(t));
    t += intervalMs;
  }
  return { missed, next: new Date(t) };
}

export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/** Missed slots counted per hour, for the rollups. */
export function missedPerHour(missed: Date[]): Map<number, number> {
  const perHour = new Map<number, number>();
  for (const slot of missed) {
    const hour = hourOf(slot).getTime();
    perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
  }
  return perHour;
}
