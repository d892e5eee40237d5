import type { StageKey } from '@/server/projects/kinds';

export type StageRecordsProps = { projectId: string; stageKey: StageKey; canEdit: boolean };

/** The operating records a stage keeps beside its checklist (deployment, observability, handover). */
export async function StageRecords(_props: StageRecordsProps) {
  return null;
}
