/** How a monitor's state and times read on the monitoring pages. */
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/dates';

const STATES = {
  up: { label: 'Up', tone: 'success' },
  down: { label: 'Down', tone: 'danger' },
  degraded: { label: 'Slow', tone: 'warning' },
  pending: { label: 'Waiting for first check', tone: 'neutral' },
  paused: { label: 'Paused', tone: 'neutral' },
} as const;

export function StateBadge({ state, enabled }: { state: keyof typeof STATES; enabled: boolean }) {
  const s = enabled ? STATES[state] : STATES.paused;
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}

export function when(date: Date | null | undefined): string {
  if (!date) return '—';
  return formatDateTime(date, { seconds: true });
}

export function duration(from: Date, to: Date | null): string {
  const ms = (to ?? new Date()).getTime() - from.getTime();
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

export function every(seconds: number): string {
  if (seconds >= 86_400) return 'daily';
  if (seconds % 60 === 0) return `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}
