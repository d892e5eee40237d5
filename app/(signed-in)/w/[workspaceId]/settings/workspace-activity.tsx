/** Membership, role and invitation changes, for the owners and admins who manage people (docs/decisions/0017). */
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/dates';

export type WorkspaceActivityEntry = { id: number; actor: string | null; summary: string; createdAt: Date };

export function WorkspaceActivity({ entries }: { entries: WorkspaceActivityEntry[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Membership activity</CardTitle>
        <CardDescription>Who invited, joined, left or changed a role in this workspace, newest first. Only owners and admins see this.</CardDescription>
      </CardHeader>
      <CardContent>
        {entries.length === 0 ? (
          <p className="text-sm text-fg-muted">Nothing yet: invitations, role changes and people leaving will show here.</p>
        ) : (
          <ol className="grid gap-0 border-l border-border" aria-label="Membership activity">
            {entries.map((entry) => (
              <li key={entry.id} className="relative py-2 pl-5">
                <span aria-hidden="true" className="absolute top-3.5 -left-1 size-2 rounded-full bg-border-strong" />
                <p className="text-sm break-words text-fg">
                  <span className="font-medium">{entry.actor ?? 'Someone no longer here'}</span> {entry.summary}
                </p>
                <time className="text-xs text-fg-muted" dateTime={entry.createdAt.toISOString()}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
