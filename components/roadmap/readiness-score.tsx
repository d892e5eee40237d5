import { cn } from '@/components/ui/cn';

/** The readiness number in a ring; colour follows the score. */
export function ReadinessScore({ score, size = 'lg' }: { score: number | null; size?: 'md' | 'lg' }) {
  const value = score ?? 0;
  const tone = score === null ? 'text-fg-subtle' : value >= 80 ? 'text-success-600' : value >= 50 ? 'text-warning-600' : 'text-danger-600';
  const radius = 42;
  const circumference = 2 * Math.PI * radius;
  return (
    <div className={cn('relative shrink-0', size === 'lg' ? 'size-28' : 'size-20')} role="img" aria-label={score === null ? 'No readiness score yet' : `Readiness ${value} out of 100`}>
      <svg viewBox="0 0 100 100" className="size-full -rotate-90" aria-hidden="true">
        <circle cx="50" cy="50" r={radius} fill="none" strokeWidth="10" className="stroke-surface-sunken" />
        <circle
          cx="50"
          cy="50"
          r={radius}
          fill="none"
          strokeWidth="10"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - value / 100)}
          className={cn('stroke-current', tone)}
        />
      </svg>
      <span className={cn('absolute inset-0 flex items-center justify-center font-semibold tabular-nums text-fg', size === 'lg' ? 'text-2xl' : 'text-lg')}>
        {score === null ? '–' : value}
      </span>
    </div>
  );
}
