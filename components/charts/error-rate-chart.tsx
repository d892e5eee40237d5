'use client';
/** Failed checks as a share of all checks, per period (100 % minus the uptime). */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { CHART_COLORS, formatUptime, niceTicks, tickLabel, type Resolution, ticksFor } from './format';
import { errorSummary } from './summaries';
import type { PanelPoint } from './types';

export type ErrorRateChartProps = { points: PanelPoint[]; resolution: Resolution; span: 'day' | 'week'; title: string };

export function ErrorRateChart({ points, resolution, span, title }: ErrorRateChartProps) {
  const empty = points.every((p) => p.errorRatePercent === null);
  const ticks = niceTicks(Math.max(1, ...points.map((p) => p.errorRatePercent ?? 0)));
  return (
    <ChartFrame
      title={title}
      description="Failed checks as a share of all checks (wrong status, missing keyword, timeout, no connection)."
      summary={errorSummary(points, resolution)}
      empty={empty}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={points.length > 48 ? 0 : 1}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="start" ticks={ticksFor(points, resolution, span)} interval="preserveStartEnd" minTickGap={6} tickFormatter={(v: number) => tickLabel(v, resolution, span)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis domain={[0, ticks.at(-1)!]} ticks={ticks} tickFormatter={(v: number) => `${v} %`} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} width={60} tickLine={false} axisLine={false} />
          <Tooltip
            cursor={{ fill: 'rgba(220,38,38,0.06)' }}
            content={(props) => <ChartTooltip {...props} resolution={resolution} lines={[{ label: 'Error rate', value: (p) => `${formatUptime(p.errorRatePercent)} (${p.failures} of ${p.checks})` }]} />}
          />
          <Bar dataKey="errorRatePercent" fill={CHART_COLORS.errors} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
