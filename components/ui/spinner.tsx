import type { ComponentProps } from 'react';
import { cn } from './cn';

const spinnerSizes = { sm: 'size-3.5', md: 'size-4', lg: 'size-6' } as const;

export type SpinnerProps = Omit<ComponentProps<'span'>, 'children'> & {
  size?: keyof typeof spinnerSizes;
  /** When set, the spinner is announced (role="status"); without it, it is decorative. */
  label?: string;
};

export function Spinner({ size = 'md', label, className, ...props }: SpinnerProps) {
  return (
    <span
      role={label ? 'status' : undefined}
      className={cn('inline-flex shrink-0 items-center', className)}
      {...props}
    >
      <svg
        viewBox="0 0 24 24"
        fill="none"
        aria-hidden="true"
        focusable="false"
        className={cn('animate-spin', spinnerSizes[size])}
      >
        <circle cx="12" cy="12" r="9" stroke="currentColor" strokeWidth="3" opacity="0.25" />
        <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
