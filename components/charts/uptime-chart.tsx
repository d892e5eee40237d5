'use client';
/** Uptime per period as bars; periods below the target are amber, badly down ones red. */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { CHART_COLORS, formatUptime, tickLabel, type Resolution, ticksFor } from './format';
import { uptimeSummary } from './summaries';
import type { PanelPoint } from './types';

export type UptimeChartProps = { points: PanelPoint[]; resolution: Resolution; span: 'day' | 'week'; targetPercent: number | null; title: string };

export function UptimeChart({ points, resolution, span, targetPercent, title }: UptimeChartProps) {
  const values = points.map((p) => p.uptimePercent).filter((v): v is number => v !== null);
  const lowest = Math.min(targetPercent ?? 100, ...values);
  const floor = lowest >= 99 ? 98 : lowest >= 90 ? 90 : 0;
  const ticks = [0, 1, 2, 3, 4].map((i) => floor + ((100 - floor) * i) / 4);
  const color = (p: PanelPoint) => (p.uptimePercent === null ? 'transparent' : p.uptimePercent < 100 && targetPercent !== null && p.uptimePercent < targetPercent ? (p.uptimePercent < 95 ? CHART_COLORS.down : CHART_COLORS.belowTarget) : CHART_COLORS.up);
  return (
    <ChartFrame
      title={title}
      description={`Share of checks that succeeded${targetPercent ? `; red dashed line: target ${formatUptime(targetPercent)}` : ''}. Gaps: no checks (paused or not running), not counted as up.`}
      summary={uptimeSummary(points, resolution, targetPercent)}
      empty={values.length === 0}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={points.length > 48 ? 0 : 1}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="start" ticks={ticksFor(points, resolution, span)} interval="preserveStartEnd" minTickGap={6} tickFormatter={(v: number) => tickLabel(v, resolution, span)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis domain={[floor, 100]} ticks={ticks} allowDataOverflow tickFormatter={(v: number) => `${v} %`} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} width={60} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'rgba(79,70,229,0.06)' }}
            content={(props) => <ChartTooltip {...props} resolution={resolution} lines={[{ label: 'Uptime', value: (p) => `${formatUptime(p.uptimePercent)} (${p.checks - p.failures} of ${p.checks})` }]} />}
          />
          <Bar dataKey="uptimePercent" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.start} fill={color(p)} />
            ))}
          </Bar>
          {targetPercent ? <ReferenceLine y={targetPercent} zIndex={450} stroke={CHART_COLORS.target} strokeWidth={1.5} strokeDasharray="5 3" /> : null}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
