/**
 * When a project's scheduled run is due. A project runs at its hour of the day (UTC) and a minute
 * derived from its id, so projects that keep the same hour still spread over it. The next slot
 * after a run is the run's *slot* plus a day or a week (no drift); slots that passed while no
 * worker ran are not caught up one by one: the project runs once, then returns to its grid.
 */
import crypto from 'node:crypto';
import type { CHECK_SCHEDULE_FREQUENCIES } from '@/db/schema';

export type Frequency = (typeof CHECK_SCHEDULE_FREQUENCIES)[number];
export type ScheduleSetting = { frequency: Frequency; hourUtc: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const PERIOD_MS: Record<Exclude<Frequency, 'off'>, number> = { daily: DAY_MS, weekly: 7 * DAY_MS };

function hashOf(projectId: string): number {
  return crypto.createHash('sha256').update(`check-schedule:${projectId}`).digest().readUInt32BE(0);
}

/** The minute past the hour this project's runs start at (0–59). */
export function minuteOf(projectId: string): number {
  return hashOf(projectId) % 60;
}

/** The setting a project has until someone changes it: daily, at an hour spread by its id. */
export function defaultSetting(projectId: string): ScheduleSetting {
  return { frequency: 'daily', hourUtc: Math.floor(hashOf(projectId) / 60) % 24 };
}

/** The first time at the project's hour and minute strictly after `after` (null when off). */
export function firstSlot(projectId: string, setting: ScheduleSetting, after: Date): Date | null {
  if (setting.frequency === 'off') return null;
  const day = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  const at = day + setting.hourUtc * HOUR_MS + minuteOf(projectId) * 60_000;
  return new Date(at > after.getTime() ? at : at + DAY_MS);
}

/** The slot after a run for `slot`: one period on, and past `now` (missed slots are not run). */
export function slotAfter(setting: ScheduleSetting, slot: Date, now: Date): Date | null {
  if (setting.frequency === 'off') return null;
  const period = PERIOD_MS[setting.frequency];
  let next = slot.getTime() + period;
  if (next <= now.getTime()) next += Math.ceil((now.getTime() - next + 1) / period) * period;
  return new Date(next);
}
