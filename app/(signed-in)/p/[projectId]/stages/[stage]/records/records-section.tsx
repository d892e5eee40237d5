import type { ReactNode } from 'react';

/** The heading that sets the operating records apart from the checklist above them. */
export function RecordsSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby="stage-records-heading" className="grid gap-4 border-t border-border pt-6">
      <div className="grid gap-1">
        <h2 id="stage-records-heading" className="text-lg font-semibold text-fg">
          {title}
        </h2>
        <p className="max-w-3xl text-sm text-fg-muted">{description}</p>
      </div>
      {children}
    </section>
  );
}
