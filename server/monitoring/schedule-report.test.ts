import { describe, expect, it } from 'vitest';
import { slotsIn } from './schedule-report';
import { firstSlot, slotOffsetMs } from './schedule';

describe('slotsIn', () => {
  const id = 'monitor-a';
  const offset = slotOffsetMs(id, 60_000);
  const base = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('counts the grid slots in a half-open window', () => {
    expect(slotsIn(id, 60, base, base + 60_000)).toBe(1);
    expect(slotsIn(id, 60, base, base + 180_000)).toBe(3);
    // A window starting exactly on a slot includes it; one ending on a slot does not.
    expect(slotsIn(id, 60, base + offset, base + offset + 1)).toBe(1);
    expect(slotsIn(id, 60, base + offset + 1, base + offset + 60_000)).toBe(0);
    expect(slotsIn(id, 60, base, base)).toBe(0);
  });

  it('agrees with the worker’s own grid', () => {
    const first = firstSlot(id, 60, new Date(base)).getTime();
    expect(slotsIn(id, 60, base + 1, first)).toBe(first - 60_000 > base ? 1 : 0);
    expect(slotsIn(id, 60, first, first + 10 * 60_000)).toBe(10);
  });
});
