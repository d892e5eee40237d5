import type { ComponentProps } from 'react';
import { cn } from './cn';

/**
 * A placeholder block shaped like the content that is loading. Hidden from assistive
 * technology: mark the loading region itself with aria-busy, or pair with a labelled Spinner.
 * Size it with classes, e.g. `<Skeleton className="h-4 w-40" />`.
 */
export function Skeleton({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-surface-sunken', className)}
      {...props}
    />
  );
}
