import { loadOrNotFound } from '@/app/_lib/guard';
import { serverCaller } from '@/server/trpc/server-caller';
import { DocumentCard } from './document-card';
import { EnvVarInventory } from './env-var-inventory';
import { documentView, iso } from './format';
import { RecordsSection } from './records-section';
import { ReleaseChecklist } from './release-checklist';

/** Deployment: the env-var inventory, the runbook and rollback path, the release checklist. */
export async function DeploymentRecords({ projectId, canEdit }: { projectId: string; canEdit: boolean }) {
  const caller = await serverCaller();
  const [inventory, documents, release] = await Promise.all([
    loadOrNotFound(caller.deployment.envVars({ projectId })),
    loadOrNotFound(caller.deployment.documents({ projectId })),
    loadOrNotFound(caller.deployment.releaseChecklist({ projectId })),
  ]);
  return (
    <RecordsSection title="Deployment records" description="What it takes to ship a release safely and to take it back: kept here so anyone on the team can do it, not only the person who set it up.">
      <EnvVarInventory
        projectId={projectId}
        envVars={inventory.envVars.map(({ updatedAt: _updatedAt, ...v }) => v)}
        environments={inventory.environments}
        members={inventory.members}
        rotationDueDays={inventory.rotationDueDays}
        canEdit={canEdit}
      />
      <div className="grid items-stretch gap-4 lg:grid-cols-2">
        <DocumentCard
          projectId={projectId}
          title="Deployment runbook"
          description="The exact steps to put a new version live, in order."
          document={documentView('deployment_runbook', documents.deployment_runbook)}
          canEdit={canEdit}
        />
        <DocumentCard
          projectId={projectId}
          title="Rollback path"
          description="When to go back to the previous version, and exactly how."
          document={documentView('rollback_path', documents.rollback_path)}
          canEdit={canEdit}
        />
      </div>
      <ReleaseChecklist
        projectId={projectId}
        phases={release.phases.map((p) => ({ phase: p.phase, steps: p.steps.map((s) => ({ id: s.id, phase: s.phase, title: s.title, checkedAt: iso(s.checkedAt), checkedBy: s.checkedBy })) }))}
        total={release.total}
        done={release.done}
        canEdit={canEdit}
      />
    </RecordsSection>
  );
}
