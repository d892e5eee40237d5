import { describe, expect, it } from 'vitest';
import { handoverFilename } from './filename';
import { pdfSafe } from './pdf/safe-text';
import { lastSevenDays, summarise } from './sources/monitoring';
import { histogramOf } from '@/server/monitoring/histogram';

describe('handover helpers', () => {
  it('names downloads with an ASCII slug, the word handover and the date', () => {
    expect(handoverFilename('Café Club: “Beta”', '2026-05-01', 'pdf')).toBe('cafe-club-beta-handover-2026-05-01.pdf');
    expect(handoverFilename('***', '2026-05-01', 'md')).toBe('project-handover-2026-05-01.md');
  });

  it('keeps WinAnsi text for the built-in Helvetica and spells out the rest', () => {
    expect(pdfSafe('“Quotes” — café ×8 → next ≥ 2 ✓ 日本')).toBe('“Quotes” — café ×8 -> next >= 2 yes ??');
  });

  it('summarises seven days of monitor data, leaving days without checks empty', () => {
    const days = lastSevenDays(new Date('2026-05-07T12:00:00Z'));
    expect(days).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07']);
    const byDay = new Map([
      ['2026-05-06', { checks: 100, failures: 2, serverErrors: 1, histogram: histogramOf(Array.from({ length: 98 }, (_, i) => 100 + i)) }],
      ['2026-05-07', { checks: 100, failures: 0, serverErrors: 0, histogram: histogramOf(Array.from({ length: 100 }, () => 300)) }],
    ]);
    const s = summarise(byDay, days);
    expect(s.days).toHaveLength(7);
    expect(s.days[0]).toEqual({ date: '2026-05-01', uptimePercent: null, errorRatePercent: null, p95Ms: null });
    expect(s.days[5]).toMatchObject({ uptimePercent: 98, errorRatePercent: 1 });
    expect(s.days[5]!.p95Ms).toBeGreaterThan(185);
    expect(s.days[5]!.p95Ms).toBeLessThan(198);
    expect(s.whole).toMatchObject({ uptimePercent: 99, errorRatePercent: 0.5 });
  });
});
