import type { StageKey } from '@/lib/vocabulary/projects';
import { SEVERITY_ORDER, type ImpactArea, type ItemStatus, type Severity } from '@/lib/vocabulary/roadmap';

export type { ItemStatus };

/** What the assessments need to know of a checklist item. */
export type AssessedItem = {
  id: string;
  title: string;
  stageKey: StageKey;
  severity: Severity;
  impact: ImpactArea;
  status: ItemStatus;
  dueDate: string | null;
  ownerLabel: string | null;
};

export { SEVERITY_ORDER };
