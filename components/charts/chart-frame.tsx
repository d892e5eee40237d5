/**
 * A titled chart area with a legend line and an empty state; the chart itself is the child.
 * The drawing is hidden from screen readers: `summary` says in words what it shows, and the
 * panel's figures table has every number.
 */
import type { ReactNode } from 'react';

export function ChartFrame({ title, description, summary, empty, emptyText, children }: { title: string; description?: string; summary: string; empty: boolean; emptyText?: string; children: ReactNode }) {
  return (
    <figure className="grid min-w-0 gap-2">
      <figcaption>
        <span className="text-sm font-semibold text-fg">{title}</span>
        {description ? <span className="block text-xs text-fg-muted">{description}</span> : null}
        <span className="sr-only">{empty ? (emptyText ?? 'No checks in this period yet.') : summary}</span>
      </figcaption>
      {empty ? (
        <div aria-hidden="true" className="flex h-48 items-center justify-center rounded-lg border border-dashed border-border text-sm text-fg-muted">
          {emptyText ?? 'No checks in this period yet.'}
        </div>
      ) : (
        <div aria-hidden="true" className="h-48 w-full">
          {children}
        </div>
      )}
    </figure>
  );
}
