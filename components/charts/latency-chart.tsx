'use client';
/** p50 / p95 / p99 response time per period, with each p95 target (one per kind of endpoint) drawn on top of the lines. */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { CHART_COLORS, formatMs, niceTicks, tickLabel, type Resolution, ticksFor } from './format';
import { latencySummary } from './summaries';
import type { PanelPoint, TargetLine } from './types';

export type LatencyChartProps = { points: PanelPoint[]; resolution: Resolution; span: 'day' | 'week'; targets: TargetLine[]; title: string };

/** Each kind of target keeps its own dash, so two red lines stay apart without relying on colour. */
const DASH: Record<TargetLine['kind'], string> = { 'common-read': '6 3', 'heavy-action': '2 3', chat: '10 3 2 3' };

function targetWords(targets: TargetLine[]): string {
  if (targets.length === 0) return '';
  if (targets.length === 1) return `; red dashed line: p95 target ${formatMs(targets[0]!.ms)} for ${targets[0]!.kindLabel} (${targets[0]!.from})`;
  return `; red dashed lines: p95 targets ${targets.map((t) => `${formatMs(t.ms)} for ${t.kindLabel}`).join(', ')}`;
}

export function LatencyChart({ points, resolution, span, targets, title }: LatencyChartProps) {
  const empty = points.every((p) => p.p95Ms === null);
  // Isolated periods draw no line segment: show dots while data is sparse.
  const dot = points.filter((p) => p.p95Ms !== null).length < 12 ? { r: 2.5 } : false;
  const ticks = niceTicks(Math.max(0, ...targets.map((t) => t.ms), ...points.map((p) => p.p99Ms ?? 0)) * 1.05);
  return (
    <ChartFrame
      title={title}
      description={`p50, p95 and p99 response times${targetWords(targets)}.`}
      summary={latencySummary(points, resolution, targets)}
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
          {/* Drawn after the lines (and above them) so each stays visible where p50 or p95 runs along it. */}
          {targets.map((t, i) => (
            <ReferenceLine
              key={t.kind}
              y={t.ms}
              zIndex={450}
              stroke={CHART_COLORS.target}
              strokeWidth={2}
              strokeDasharray={DASH[t.kind]}
              label={{ value: `${t.kindLabel} target ${formatMs(t.ms)}`, position: i % 2 === 0 ? 'insideTopRight' : 'insideTopLeft', fontSize: 10, fill: CHART_COLORS.target }}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
