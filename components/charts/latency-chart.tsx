'use client';
/** p50 / p95 / p99 response time per period, with the p95 target drawn on top of the lines. */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { CHART_COLORS, formatMs, niceTicks, tickLabel, type Resolution, ticksFor } from './format';
import { latencySummary } from './summaries';
import type { PanelPoint } from './types';

export type LatencyChartProps = { points: PanelPoint[]; resolution: Resolution; span: 'day' | 'week'; targetMs: number | null; title: string };

export function LatencyChart({ points, resolution, span, targetMs, title }: LatencyChartProps) {
  const empty = points.every((p) => p.p95Ms === null);
  // Isolated periods draw no line segment: show dots while data is sparse.
  const dot = points.filter((p) => p.p95Ms !== null).length < 12 ? { r: 2.5 } : false;
  const ticks = niceTicks(Math.max(targetMs ?? 0, ...points.map((p) => p.p99Ms ?? 0)) * 1.05);
  return (
    <ChartFrame
      title={title}
      description={`p50, p95 and p99 response times${targetMs ? `; red dashed line: p95 target ${formatMs(targetMs)}` : ''}.`}
      summary={latencySummary(points, resolution, targetMs)}
      empty={empty}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} vertical={false} />
          <XAxis dataKey="start" ticks={ticksFor(points, resolution, span)} interval="preserveStartEnd" minTickGap={6} tickFormatter={(v: number) => tickLabel(v, resolution, span)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} tickLine={false} />
          <YAxis domain={[0, ticks.at(-1)!]} ticks={ticks} tickFormatter={(v: number) => formatMs(v)} tick={{ fontSize: 11, fill: CHART_COLORS.axis }} width={60} tickLine={false} axisLine={false} />
          <Tooltip
            content={(props) => (
              <ChartTooltip
                {...props}
                resolution={resolution}
                lines={[
                  { label: 'p50', value: (p) => formatMs(p.p50Ms), color: CHART_COLORS.p50 },
                  { label: 'p95', value: (p) => formatMs(p.p95Ms), color: CHART_COLORS.p95 },
                  { label: 'p99', value: (p) => formatMs(p.p99Ms), color: CHART_COLORS.p99 },
                ]}
              />
            )}
          />
          <Legend verticalAlign="top" height={20} iconType="plainline" wrapperStyle={{ fontSize: 11 }} />
          <Line type="monotone" dataKey="p50Ms" name="p50" stroke={CHART_COLORS.p50} dot={dot} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          <Line type="monotone" dataKey="p95Ms" name="p95" stroke={CHART_COLORS.p95} dot={dot} strokeWidth={2.5} isAnimationActive={false} connectNulls={false} />
          <Line type="monotone" dataKey="p99Ms" name="p99" stroke={CHART_COLORS.p99} dot={dot} strokeWidth={1.5} strokeDasharray="4 2" isAnimationActive={false} connectNulls={false} />
          {/* Drawn after the lines so it stays visible where p50 runs along it. */}
          {targetMs ? <ReferenceLine y={targetMs} zIndex={450} stroke={CHART_COLORS.target} strokeWidth={2} strokeDasharray="6 3" label={{ value: 'p95 target', position: 'insideTopRight', fontSize: 10, fill: CHART_COLORS.target }} /> : null}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
