'use client';
/** A panel: summary numbers plus uptime, error-rate and latency charts, at three resolutions. */
import { useState } from 'react';
import { ErrorRateChart } from './error-rate-chart';
import { LatencyChart } from './latency-chart';
import { PanelSummaryStats } from './panel-summary';
import { UptimeChart } from './uptime-chart';
import type { MonitoringPanel } from './types';

const VIEWS = [
  { key: '24h', label: 'Last 24 hours' },
  { key: 'hourly', label: '7 days, hourly' },
  { key: 'daily', label: '7 days, daily' },
] as const;
type View = (typeof VIEWS)[number]['key'];

export function MonitoringPanels({ panel, initialView = '24h' }: { panel: MonitoringPanel; initialView?: View }) {
  const [view, setView] = useState<View>(initialView);
  const points = view === 'daily' ? panel.daily : view === 'hourly' ? panel.hourly : panel.hourly.slice(-24);
  const resolution = view === 'daily' ? 'day' : 'hour';
  const span = view === '24h' ? 'day' : 'week';
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PanelSummaryStats summary={view === '24h' ? panel.last24h : panel.last7d} targets={panel.targets} period={view === '24h' ? '24 h' : '7 days'} />
      </div>
      <div role="group" aria-label="Period" className="inline-flex w-fit rounded-md border border-border bg-surface p-0.5 text-sm">
        {VIEWS.map((v) => (
          <button
            key={v.key}
            type="button"
            aria-pressed={view === v.key}
            onClick={() => setView(v.key)}
            className={`rounded px-3 py-1 ${view === v.key ? 'bg-brand-600 text-white' : 'text-fg-muted hover:text-fg'}`}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <UptimeChart points={points} resolution={resolution} span={span} targetPercent={panel.targets.uptimePercent} />
        <ErrorRateChart points={points} resolution={resolution} span={span} />
        <div className="lg:col-span-2">
          <LatencyChart points={points} resolution={resolution} span={span} targetMs={panel.targets.p95Ms} />
        </div>
      </div>
    </div>
  );
}
