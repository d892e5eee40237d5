import type { ComponentProps } from 'react';
import { cn } from './cn';

/** Keeps progress inside 0–100 and whole, whatever the caller computed. */
export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(100, Math.max(0, value)));
}

export type ProgressBarProps = Omit<ComponentProps<'div'>, 'children'> & {
  /** 0–100. */
  value: number;
  /** Accessible name, e.g. "Roadmap progress". */
  label: string;
  tone?: 'brand' | 'success';
};

export function ProgressBar({ value, label, tone = 'brand', className, ...props }: ProgressBarProps) {
  const percent = clampPercent(value);
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-surface-sunken', className)}
      {...props}
    >
      <div
        className={cn('h-full rounded-full transition-[width]', tone === 'success' ? 'bg-success-600' : 'bg-brand-600')}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

export type ProgressRingProps = Omit<ComponentProps<'svg'>, 'children'> & {
  /** 0–100. Decorative: show the number in text next to it. */
  value: number;
};

/** A small decorative ring; turns green when complete. */
export function ProgressRing({ value, className, ...props }: ProgressRingProps) {
  const percent = clampPercent(value);
  const radius = 6.5;
  const circumference = 2 * Math.PI * radius;
  const complete = percent === 100;
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={cn('size-4 shrink-0 -rotate-90', className)}
      {...props}
    >
      <circle cx="8" cy="8" r={radius} fill="none" strokeWidth="2.5" className="stroke-border-strong" />
      <circle
        cx="8"
        cy="8"
        r={radius}
        fill="none"
        strokeWidth="2.5"
        strokeLinecap={percent > 0 && !complete ? 'round' : 'butt'}
        strokeDasharray={circumference}
        strokeDashoffset={circumference * (1 - percent / 100)}
        className={complete ? 'stroke-success-600' : 'stroke-brand-600'}
      />
    </svg>
  );
}
