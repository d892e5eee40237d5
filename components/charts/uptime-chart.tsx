'use client';
/** Uptime per period as bars; periods below the target are amber, periods with an outage red. */
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { CHART_COLORS, formatPercent, tickLabel, type Resolution, ticksFor } from './format';
import type { PanelPoint } from './types';

export type UptimeChartProps = { points: PanelPoint[]; resolution: Resolution; span: 'day' | 'week'; targetPercent: number | null };

export function UptimeChart({ points, resolution, span, targetPercent }: UptimeChartProps) {
  const values = points.map((p) => p.uptimePercent).filter((v): v is number => v !== null);
  const lowest = Math.min(targetPercent ?? 100, ...values);
  const floor = lowest >= 99 ? 98 : lowest >= 90 ? 90 : 0;
  const ticks = [0, 1, 2, 3, 4].map((i) => floor + ((100 - floor) * i) / 4);
  const color = (p: PanelPoint) => (p.uptimePercent === null ? 'transparent' : p.uptimePercent < 100 - 1e-9 && targetPercent !== null && p.uptimePercent < targetPercent ? (p.uptimePercent < 95 ? CHART_COLORS.down : CHART_COLORS.belowTarget) : CHART_COLORS.up);
  return (
    <ChartFrame title="Uptime" description={`Share of the time not inside an outage${targetPercent ? `; red line: target ${formatPercent(targetPercent, 1)}` : ''}. Gaps mean no data.`} empty={values.length === 0}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 28, bottom: 0, left: 0 }} barCategoryGap={points.length > 48 ? 0 : 1}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="start" ticks={ticksFor(points, resolution, span)} interval="preserveStartEnd" minTickGap={6} tickFormatter={(v: number) => tickLabel(v, resolution, span)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis domain={[floor, 100]} ticks={ticks} allowDataOverflow tickFormatter={(v: number) => `${v} %`} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} width={68} tickLine={false} axisLine={false} />
          <Tooltip cursor={{ fill: 'rgba(79,70,229,0.06)' }} content={(props) => <ChartTooltip {...props} resolution={resolution} lines={[{ label: 'Uptime', value: (p) => formatPercent(p.uptimePercent, 3) }]} />} />
          {targetPercent ? <ReferenceLine y={targetPercent} stroke={CHART_COLORS.target} strokeDasharray="4 3" /> : null}
          <Bar dataKey="uptimePercent" isAnimationActive={false}>
            {points.map((p) => (
              <Cell key={p.start} fill={color(p)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
