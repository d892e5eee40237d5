import { describe, expect, it } from 'vitest';
import { handoverFilename } from './filename';
import { pdfSafe } from './pdf/safe-text';
import { dailyPoint, rollupsFromResults } from './sources/monitoring';

describe('handover helpers', () => {
  it('names downloads with an ASCII slug, the word handover and the date', () => {
    expect(handoverFilename('Café Club: “Beta”', '2026-05-01', 'pdf')).toBe('cafe-club-beta-handover-2026-05-01.pdf');
    expect(handoverFilename('***', '2026-05-01', 'md')).toBe('project-handover-2026-05-01.md');
  });

  it('keeps WinAnsi text for the built-in Helvetica and spells out the rest', () => {
    expect(pdfSafe('“Quotes” — café ×8 → next ≥ 2 ✓ 日本')).toBe('“Quotes” — café ×8 -> next >= 2 yes ??');
  });

  it('rolls raw results up by hour as the worker does: failures counted, latency of good checks only', () => {
    const at = (iso: string) => new Date(iso);
    const hours = rollupsFromResults([
      { at: at('2026-05-07T10:05:00Z'), ok: true, latencyMs: 120 },
      { at: at('2026-05-07T10:35:00Z'), ok: false, latencyMs: 9000 },
      { at: at('2026-05-07T11:05:00Z'), ok: true, latencyMs: 300 },
    ]);
    expect(hours.map((h) => [h.hour.toISOString(), h.checks, h.failures])).toEqual([
      ['2026-05-07T10:00:00.000Z', 2, 1],
      ['2026-05-07T11:00:00.000Z', 1, 0],
    ]);
    expect(Object.values(hours[0]!.histogram)).toEqual([1]);
    expect(dailyPoint({ checks: 7, failures: 3, missed: 0, uptimePercent: 57.142, errorRatePercent: 42.858, p50Ms: 1, p95Ms: 480.6, p99Ms: 2 }, '2026-05-07')).toEqual({
      date: '2026-05-07',
      uptimePercent: 57.142,
      errorRatePercent: 42.858,
      p95Ms: 481,
    });
  });
});
