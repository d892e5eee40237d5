/**
 * The panel's figures as a table: the text alternative to the charts, and the place to read exact
 * numbers. Folded away by default; periods without checks say whether monitoring was paused.
 */
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { emptyPeriodLabel, formatMs, formatUptime, periodLabel, type Resolution } from './format';
import { targetsSentence } from './summaries';
import type { PanelPoint, TargetLine } from './types';

/** `targets`: the p95 targets the latency chart draws; a p95 over the lowest of them is marked. */
export function PanelTable({ points, resolution, pausedSince, caption, targets = [] }: { points: PanelPoint[]; resolution: Resolution; pausedSince: number | null; caption: string; targets?: TargetLine[] }) {
  const lowest = targets.length ? Math.min(...targets.map((t) => t.ms)) : null;
  return (
    <details className="min-w-0 text-sm">
      <summary className="w-fit cursor-pointer font-medium text-brand-700 hover:underline">Show the figures as a table</summary>
      <p className="mt-2 text-fg-muted">{targetsSentence(targets)}</p>
      <Table containerClassName="mt-2 max-h-96 overflow-y-auto shadow-none">
        <caption className="sr-only">{`${caption}. ${targetsSentence(targets)}`}</caption>
        <THead>
          <TR>
            <TH>Period (UTC)</TH>
            <TH className="text-right">Checks</TH>
            <TH className="text-right">Uptime</TH>
            <TH className="text-right">Failed</TH>
            <TH className="text-right">p50</TH>
            <TH className="text-right">p95</TH>
            <TH className="text-right">p99</TH>
          </TR>
        </THead>
        <TBody>
          {[...points].reverse().map((p) => (
            <TR key={p.start}>
              <TD className="whitespace-nowrap">{periodLabel(p.start, resolution)}</TD>
              {p.checks === 0 ? (
                <TD colSpan={6} className="text-fg-muted">
                  {emptyPeriodLabel(p.start, resolution, pausedSince)}
                  {p.missed > 0 ? ` (${p.missed} slots missed)` : ''}
                </TD>
              ) : (
                <>
                  <TD className="text-right tabular-nums">{p.checks}</TD>
                  <TD className="text-right tabular-nums">{formatUptime(p.uptimePercent)}</TD>
                  <TD className="text-right tabular-nums">{p.failures}</TD>
                  <TD className="text-right tabular-nums">{formatMs(p.p50Ms)}</TD>
                  <TD className="text-right tabular-nums">
                    {formatMs(p.p95Ms)}
                    {lowest !== null && p.p95Ms !== null && p.p95Ms > lowest ? <span className="text-danger-700"> (over {formatMs(lowest)})</span> : null}
                  </TD>
                  <TD className="text-right tabular-nums">{formatMs(p.p99Ms)}</TD>
                </>
              )}
            </TR>
          ))}
        </TBody>
      </Table>
    </details>
  );
}
