import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { DocumentCard } from './document-card';
import { documentView } from './format';
import { RecordsSection } from './records-section';

/** Observability: the incident note template, and who gets called (kept on the Handover stage). */
export async function ObservabilityRecords({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const caller = await serverCaller();
  const [documents, escalation] = await Promise.all([loadOrNotFound(caller.observability.documents({ projectId })), loadOrNotFound(caller.handover.contacts({ projectId }))]);
  return (
    <RecordsSection title="Incident records" description="How an outage is written up, and who is called when one starts.">
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <DocumentCard
          projectId={projectId}
          title="Incident note template"
          description="Copy it for each incident: when it started and ended, what caused it, who was affected, what you did and what follows."
          document={documentView('incident_template', documents.incident_template)}
          canEdit={canEdit}
        />
        <Card>
          <CardHeader>
            <CardTitle>Who gets called</CardTitle>
            <CardDescription>
              In this order.{' '}
              <Link className="font-medium text-brand-700 underline" href={`/p/${projectId}/stages/handover`}>
                {canEdit ? 'Edit on the Handover stage' : 'Details on the Handover stage'}
              </Link>
            </CardDescription>
          </CardHeader>
          <CardContent>
            {escalation.contacts.length === 0 ? (
              <p className="text-sm text-fg-muted">Nobody yet: add escalation contacts on the Handover stage.</p>
            ) : (
              <ol className="grid list-decimal gap-1.5 pl-5 text-sm text-fg">
                {escalation.contacts.map((c) => (
                  <li key={c.id}>
                    <span className="font-medium">{c.name}</span>
                    {c.role ? <span className="text-fg-muted"> · {c.role}</span> : null} {c.isFallback ? <Badge tone="warning">Fallback</Badge> : null}
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>
    </RecordsSection>
  );
}
