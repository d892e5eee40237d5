import type { ComponentProps } from 'react';
import { cn } from './cn';

export type TableProps = ComponentProps<'table'> & {
  /** Classes for the bordered, horizontally scrolling box around the table. */
  containerClassName?: string;
};

/**
 * A data table in a bordered box that scrolls sideways on narrow screens instead of
 * squashing columns (or widening the page). Compose with THead/TBody/TR/TH/TD (and a <caption className="sr-only">
 * when the table has no visible heading).
 */
export function Table({ className, containerClassName, ...props }: TableProps) {
  return (
    // `relative`: visually hidden header text (absolutely positioned) stays inside the scroll box
    // instead of widening the page. tabIndex: a keyboard can scroll a table that has no links.
    <div
      tabIndex={0}
      className={cn(
        'relative w-full overflow-x-auto rounded-card border border-border bg-surface shadow-card',
        containerClassName,
      )}
    >
      <table className={cn('w-full border-collapse text-left text-sm', className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<'thead'>) {
  return <thead className={cn('bg-surface-muted', className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<'tbody'>) {
  return <tbody className={cn('[&>tr:last-child]:border-b-0', className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<'tr'>) {
  return (
    <tr
      className={cn('border-b border-border [tbody>&]:hover:bg-surface-muted/70', className)}
      {...props}
    />
  );
}

export function TH({ className, scope = 'col', ...props }: ComponentProps<'th'>) {
  return (
    <th
      scope={scope}
      className={cn(
        'h-10 px-4 text-xs font-medium tracking-wide whitespace-nowrap text-fg-muted uppercase',
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<'td'>) {
  return <td className={cn('px-4 py-3 align-middle text-fg', className)} {...props} />;
}
