import type { StageKey } from '@/lib/vocabulary/projects';
import { DeploymentRecords } from './deployment-records';
import { HandoverRecords } from './handover-records';
import { ObservabilityRecords } from './observability-records';

export type StageRecordsProps = { projectId: string; stageKey: StageKey; canEdit: boolean };

/** The operating records a stage keeps beside its checklist (deployment, observability, handover). */
export async function StageRecords({ projectId, stageKey, canEdit }: StageRecordsProps) {
  switch (stageKey) {
    case 'deployment':
      return <DeploymentRecords projectId={projectId} canEdit={canEdit} />;
    case 'observability':
      return <ObservabilityRecords projectId={projectId} canEdit={canEdit} />;
    case 'handover':
      return <HandoverRecords projectId={projectId} canEdit={canEdit} />;
    default:
      return null;
  }
}
