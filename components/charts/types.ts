/**
 * The data shape every monitoring chart draws: plain numbers and epoch milliseconds, so the same
 * series can be drawn by recharts in the browser and by hand-built SVG in a PDF.
 */
export type PanelPoint = {
  /** Start of the hour or day, epoch ms (UTC). */
  start: number;
  checks: number;
  failures: number;
  /** Slots nobody ran: "no data". */
  missed: number;
  /** Share of the checks that ran which succeeded (server/monitoring/uptime.ts); null when none ran. */
  uptimePercent: number | null;
  /** Failed checks as a share of checks (100 minus the uptime); null when there were none. */
  errorRatePercent: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
};

export type PanelSummary = Omit<PanelPoint, 'start'>;

/** A p95 target drawn over the latency lines: its kind of endpoint, the number, and where it came from. */
export type TargetLine = { kind: 'common-read' | 'heavy-action' | 'chat'; kindLabel: string; ms: number; from: string };

/**
 * `p95Ms`: the number the p95 figure is judged against (a monitor's own target; a project's
 * common-read target). `p95Lines`: every target the latency chart draws (one per kind of
 * endpoint the panel covers).
 */
export type PanelTargets = { p95Ms: number | null; uptimePercent: number | null; p95Lines: TargetLine[] };

/** What the panel covers: website monitors, how many are paused and, when all are, since when (epoch ms). */
export type PanelMonitoring = { monitors: number; paused: number; pausedSince: number | null };

export type MonitoringPanel = {
  /** 168 hourly points, oldest first. */
  hourly: PanelPoint[];
  /** 7 daily points, oldest first. */
  daily: PanelPoint[];
  last7d: PanelSummary;
  last24h: PanelSummary;
  targets: PanelTargets;
  monitoring: PanelMonitoring;
};
