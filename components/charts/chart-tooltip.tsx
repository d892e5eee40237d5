'use client';
/** The tooltip every monitoring chart shares: the period, then one line per series. */
import type { PanelPoint } from './types';
import { periodLabel, type Resolution } from './format';

export type TooltipLine = { label: string; value: (p: PanelPoint) => string; color?: string };

type Props = { active?: boolean; payload?: readonly { payload?: unknown }[]; resolution: Resolution; lines: TooltipLine[] };

export function ChartTooltip({ active, payload, resolution, lines }: Props) {
  const point = payload?.[0]?.payload as PanelPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <div className="mb-1 font-medium text-fg">{periodLabel(point.start, resolution)}</div>
      {lines.map((line) => (
        <div key={line.label} className="flex items-center gap-2 text-fg-muted">
          {line.color ? <span aria-hidden="true" className="size-2 rounded-full" style={{ background: line.color }} /> : null}
          <span>{line.label}</span>
          <span className="ml-auto pl-3 font-medium text-fg tabular-nums">{line.value(point)}</span>
        </div>
      ))}
      <div className="mt-1 text-fg-subtle">
        {point.checks} checks{point.missed > 0 ? `, ${point.missed} without data` : ''}
      </div>
    </div>
  );
}
