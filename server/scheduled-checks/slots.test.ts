import { describe, expect, it } from 'vitest';
import { defaultSetting, firstSlot, minuteOf, slotAfter } from './slots';

const id = 'project-1';
const minute = minuteOf(id);
const at = (iso: string) => new Date(iso);
const hhmm = (d: Date | null) => d?.toISOString().slice(0, 16);
const pad = (n: number) => String(n).padStart(2, '0');

describe('schedule slots', () => {
  it('spreads projects over the hours and minutes by their id, the same every time', () => {
    const settings = Array.from({ length: 200 }, (_, i) => defaultSetting(`p${i}`));
    expect(new Set(settings.map((s) => s.hourUtc)).size).toBeGreaterThan(20);
    expect(settings.every((s) => s.frequency === 'daily' && s.hourUtc >= 0 && s.hourUtc < 24)).toBe(true);
    expect(new Set(Array.from({ length: 200 }, (_, i) => minuteOf(`p${i}`))).size).toBeGreaterThan(40);
    expect(defaultSetting(id)).toEqual(defaultSetting(id));
  });

  it('puts the first slot at the next occurrence of the hour and minute', () => {
    const daily = { frequency: 'daily' as const, hourUtc: 5 };
    expect(hhmm(firstSlot(id, daily, at('2026-12-02T04:00:00Z')))).toBe(`2026-12-02T05:${pad(minute)}`);
    expect(hhmm(firstSlot(id, daily, at('2026-12-02T06:00:00Z')))).toBe(`2026-12-03T05:${pad(minute)}`);
    // Exactly at the slot: the next one (a slot is never "after" itself).
    expect(hhmm(firstSlot(id, daily, at(`2026-12-02T05:${pad(minute)}:00Z`)))).toBe(`2026-12-03T05:${pad(minute)}`);
    expect(firstSlot(id, { frequency: 'off', hourUtc: 5 }, at('2026-12-02T04:00:00Z'))).toBeNull();
  });

  it('moves one period on from the slot, not from when the run finished', () => {
    const slot = at('2026-12-02T05:17:00Z');
    expect(slotAfter({ frequency: 'daily', hourUtc: 5 }, slot, at('2026-12-02T05:19:30Z'))?.toISOString()).toBe('2026-12-03T05:17:00.000Z');
    expect(slotAfter({ frequency: 'weekly', hourUtc: 5 }, slot, at('2026-12-02T05:19:30Z'))?.toISOString()).toBe('2026-12-09T05:17:00.000Z');
  });

  it('does not catch up missed slots one by one: the next slot is the first one after now', () => {
    const slot = at('2026-12-02T05:17:00Z');
    expect(slotAfter({ frequency: 'daily', hourUtc: 5 }, slot, at('2026-12-05T09:00:00Z'))?.toISOString()).toBe('2026-12-06T05:17:00.000Z');
    expect(slotAfter({ frequency: 'daily', hourUtc: 5 }, slot, at('2026-12-03T05:17:00Z'))?.toISOString()).toBe('2026-12-04T05:17:00.000Z');
    expect(slotAfter({ frequency: 'weekly', hourUtc: 5 }, slot, at('2026-12-20T00:00:00Z'))?.toISOString()).toBe('2026-12-23T05:17:00.000Z');
    expect(slotAfter({ frequency: 'off', hourUtc: 5 }, slot, at('2026-12-20T00:00:00Z'))).toBeNull();
  });
});
