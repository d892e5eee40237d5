import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export type PageHeaderProps = Omit<ComponentProps<'header'>, 'title'> & {
  title: ReactNode;
  description?: ReactNode;
  /** Primary actions for the page, shown at the right (below the title on phones). */
  actions?: ReactNode;
  /** Small line above the title: a breadcrumb, back link or context badge. */
  eyebrow?: ReactNode;
};

/** The page's h1 with its description and actions; use once per page. */
export function PageHeader({ title, description, actions, eyebrow, className, ...props }: PageHeaderProps) {
  return (
    <header
      className={cn('mb-8 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between', className)}
      {...props}
    >
      <div className="grid min-w-0 gap-1.5">
        {eyebrow ? <div className="text-sm text-fg-muted">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-balance text-fg">{title}</h1>
        {description ? <p className="max-w-2xl text-sm text-pretty text-fg-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
