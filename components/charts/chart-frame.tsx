/** A titled chart area with a legend line and an empty state; the chart itself is the child. */
import type { ReactNode } from 'react';

export function ChartFrame({ title, description, empty, emptyText, children }: { title: string; description?: string; empty: boolean; emptyText?: string; children: ReactNode }) {
  return (
    <figure className="grid gap-2">
      <figcaption>
        <span className="text-sm font-semibold text-fg">{title}</span>
        {description ? <span className="block text-xs text-fg-muted">{description}</span> : null}
      </figcaption>
      {empty ? (
        <div className="flex h-48 items-center justify-center rounded-lg border border-dashed border-border text-sm text-fg-muted">{emptyText ?? 'No checks in this period yet.'}</div>
      ) : (
        <div className="h-48 w-full">{children}</div>
      )}
    </figure>
  );
}
