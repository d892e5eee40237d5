'use client';
/** A panel: summary numbers plus uptime, error-rate and latency charts, at three resolutions, and the figures as a table. */
import { useState } from 'react';
import { ErrorRateChart } from './error-rate-chart';
import { LatencyChart } from './latency-chart';
import { PanelSummaryStats } from './panel-summary';
import { PanelTable } from './panel-table';
import { UptimeChart } from './uptime-chart';
import type { MonitoringPanel } from './types';

const VIEWS = [
  { key: '24h', label: 'Last 24 hours', period: 'last 24 hours' },
  { key: 'hourly', label: '7 days, hourly', period: 'last 7 days, by hour' },
  { key: 'daily', label: '7 days, daily', period: 'last 7 days, by day' },
] as const;
type View = (typeof VIEWS)[number]['key'];

export function MonitoringPanels({ panel, initialView = '24h' }: { panel: MonitoringPanel; initialView?: View }) {
  const [view, setView] = useState<View>(initialView);
  const points = view === 'daily' ? panel.daily : view === 'hourly' ? panel.hourly : panel.hourly.slice(-24);
  const resolution = view === 'daily' ? 'day' : 'hour';
  const span = view === '24h' ? 'day' : 'week';
  const period = VIEWS.find((v) => v.key === view)!.period;
  return (
    <div className="grid min-w-0 gap-4 [&>*]:min-w-0">
      <PanelSummaryStats summary={view === '24h' ? panel.last24h : panel.last7d} targets={panel.targets} period={view === '24h' ? '24 h' : '7 days'} monitoring={panel.monitoring} />
      {/* biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, not a form field set */}
      <div role="group" aria-label="Period" className="flex w-full flex-wrap rounded-md border border-border bg-surface p-0.5 text-sm sm:w-fit">
        {VIEWS.map((v) => (
          <button
            key={v.key}
            type="button"
            aria-pressed={view === v.key}
            onClick={() => setView(v.key)}
            className={`flex-1 rounded px-3 py-1 whitespace-nowrap sm:flex-none ${view === v.key ? 'bg-brand-600 text-white' : 'text-fg-muted hover:text-fg'}`}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <UptimeChart points={points} resolution={resolution} span={span} targetPercent={panel.targets.uptimePercent} title={`Uptime, ${period}`} />
        <ErrorRateChart points={points} resolution={resolution} span={span} title={`Error rate, ${period}`} />
        <div className="min-w-0 lg:col-span-2">
          <LatencyChart points={points} resolution={resolution} span={span} targets={panel.targets.p95Lines} title={`Response time, ${period}`} />
        </div>
      </div>
      <PanelTable points={points} resolution={resolution} pausedSince={panel.monitoring.pausedSince} caption={`Uptime, error rate and response times, ${period} (UTC)`} targets={panel.targets.p95Lines} />
    </div>
  );
}
