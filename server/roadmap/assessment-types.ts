import type { StageKey } from '@/lib/vocabulary/projects';
import type { ImpactArea, Severity } from '@/lib/vocabulary/roadmap-template';

export type ItemStatus = 'todo' | 'in_progress' | 'passed' | 'failed' | 'not_applicable';

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

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
