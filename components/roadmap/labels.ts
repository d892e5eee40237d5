/** Words and badge tones for roadmap states, shared by every roadmap screen. */
import type { BadgeTone } from '@/components/ui/badge';

import { IMPACT_LABELS, ITEM_STATUS_LABELS, ITEM_STATUSES, SEVERITY_LABELS, type ImpactArea, type ItemStatus, type Severity } from '@/lib/vocabulary/roadmap';

export type ItemStatusValue = ItemStatus;
export type SeverityValue = Severity;
export type ImpactValue = ImpactArea;
export type VerdictValue = 'go' | 'no-go' | 'not-yet';

const STATUS_TONES: Record<ItemStatus, BadgeTone> = { todo: 'neutral', in_progress: 'info', passed: 'success', failed: 'danger', not_applicable: 'neutral' };

export const STATUS_OPTIONS: { value: ItemStatusValue; label: string; tone: BadgeTone }[] = ITEM_STATUSES.map((value) => ({
  value,
  label: ITEM_STATUS_LABELS[value],
  tone: STATUS_TONES[value],
}));

export const statusOption = (value: ItemStatusValue) => STATUS_OPTIONS.find((o) => o.value === value)!;

export const SEVERITY_TONES: Record<SeverityValue, BadgeTone> = { critical: 'danger', high: 'warning', medium: 'info', low: 'neutral' };
export { IMPACT_LABELS, SEVERITY_LABELS };

export const VERDICTS: Record<VerdictValue, { label: string; tone: BadgeTone; summary: string }> = {
  go: { label: 'Go', tone: 'success', summary: 'Nothing measured stands in the way: no open critical or high findings, critical items passed with evidence, monitors within target.' },
  'no-go': { label: 'No-go', tone: 'danger', summary: 'A critical problem is open: fix it before you put paying users on the product.' },
  'not-yet': { label: 'Not yet', tone: 'warning', summary: 'Something still needs fixing, measuring or verifying: each reason below links to its evidence.' },
};
