import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn('rounded-card border border-border bg-surface shadow-card', className)}
      {...props}
    />
  );
}

export type CardHeaderProps = ComponentProps<'div'> & {
  /** Buttons or links shown at the header's right edge. */
  actions?: ReactNode;
};

export function CardHeader({ className, actions, children, ...props }: CardHeaderProps) {
  return (
    // Wraps rather than squeezing: on a phone a wide action moves under the title instead of
    // leaving the description a narrow column; a small one ("Decide") stays beside it.
    <div className={cn('flex flex-wrap items-start justify-between gap-x-4 gap-y-3 px-5 pt-5 pb-1', className)} {...props}>
      <div className="grid min-w-0 flex-1 basis-56 gap-1">{children}</div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export type CardTitleProps = ComponentProps<'h2'> & {
  /** Heading level that fits the page outline: h2 under a page's h1 by default, h1 for a lone card page (sign-in). */
  as?: 'h1' | 'h2' | 'h3' | 'h4';
};

export function CardTitle({ as: Heading = 'h2', className, ...props }: CardTitleProps) {
  // A card that is the whole page (sign-in) carries the page title, so it gets a touch more size.
  const size = Heading === 'h1' ? 'text-lg' : 'text-base';
  return <Heading className={cn(size, 'font-semibold text-fg', className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<'p'>) {
  return <p className={cn('text-sm text-fg-muted', className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentProps<'div'>) {
  // Top padding only when the content opens the card; after a header the header's padding suffices.
  return <div className={cn('px-5 pt-4 pb-5 first:pt-5', className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<'div'>) {
  return (
    <div
      className={cn(
        'flex flex-wrap items-center gap-3 rounded-b-card border-t border-border bg-surface-muted px-5 py-3',
        className,
      )}
      {...props}
    />
  );
}
