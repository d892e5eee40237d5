import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { InboxIcon } from './icons';

export type EmptyStateProps = Omit<ComponentProps<'div'>, 'title'> & {
  title: ReactNode;
  description?: ReactNode;
  /** Decorative icon; a neutral inbox icon when omitted. */
  icon?: ReactNode;
  /** The next step, usually a Button or ButtonLink. */
  action?: ReactNode;
  /** Heading level that fits the page outline. */
  titleAs?: 'h2' | 'h3' | 'p';
};

/** What a list or section shows when it has nothing yet, and how to get started. */
export function EmptyState({
  title,
  description,
  icon,
  action,
  titleAs: Title = 'h2',
  className,
  ...props
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        'flex flex-col items-center rounded-card border border-dashed border-border-strong bg-surface px-6 py-12 text-center',
        className,
      )}
      {...props}
    >
      <div aria-hidden="true" className="mb-4 flex size-10 items-center justify-center rounded-control bg-surface-sunken text-fg-muted [&_svg]:size-5">
        {icon ?? <InboxIcon />}
      </div>
      <Title className="text-base font-semibold text-fg">{title}</Title>
      {description ? <p className="mt-1 max-w-md text-sm text-pretty text-fg-muted">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
