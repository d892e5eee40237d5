import type { ComponentProps } from 'react';
import { cn } from './cn';

export const badgeTones = {
  neutral: 'border-border bg-surface-sunken text-fg-muted',
  info: 'border-info-200 bg-info-50 text-info-700',
  success: 'border-success-200 bg-success-50 text-success-700',
  warning: 'border-warning-200 bg-warning-50 text-warning-700',
  danger: 'border-danger-200 bg-danger-50 text-danger-700',
} as const;

const dotTones: Record<BadgeTone, string> = {
  neutral: 'bg-fg-subtle',
  info: 'bg-info-600',
  success: 'bg-success-600',
  warning: 'bg-warning-600',
  danger: 'bg-danger-600',
};

export type BadgeTone = keyof typeof badgeTones;

export type BadgeProps = ComponentProps<'span'> & {
  tone?: BadgeTone;
  /** A leading status dot, for states such as "Up" / "Down". */
  dot?: boolean;
};

/** A short status label. The text must carry the meaning; colour only reinforces it. */
export function Badge({ tone = 'neutral', dot = false, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        badgeTones[tone],
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden="true" className={cn('size-1.5 rounded-full', dotTones[tone])} /> : null}
      {children}
    </span>
  );
}
