/** Words and badge tones for roadmap states, shared by every roadmap screen. */
import type { BadgeTone } from '@/components/ui/badge';

export type ItemStatusValue = 'todo' | 'in_progress' | 'passed' | 'failed' | 'not_applicable';
export type SeverityValue = 'critical' | 'high' | 'medium' | 'low';
export type ImpactValue = 'onboarding' | 'revenue' | 'security' | 'deliverability' | 'operations';
export type VerdictValue = 'go' | 'no-go' | 'not-yet';

export const STATUS_OPTIONS: { value: ItemStatusValue; label: string; tone: BadgeTone }[] = [
  { value: 'todo', label: 'To do', tone: 'neutral' },
  { value: 'in_progress', label: 'In progress', tone: 'info' },
  { value: 'passed', label: 'Passed', tone: 'success' },
  { value: 'failed', label: 'Failed', tone: 'danger' },
  { value: 'not_applicable', label: 'Not applicable', tone: 'neutral' },
];

export const statusOption = (value: ItemStatusValue) => STATUS_OPTIONS.find((o) => o.value === value)!;

export const SEVERITY_TONES: Record<SeverityValue, BadgeTone> = { critical: 'danger', high: 'warning', medium: 'info', low: 'neutral' };
export const SEVERITY_LABELS: Record<SeverityValue, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export const IMPACT_LABELS: Record<ImpactValue, string> = {
  revenue: 'Revenue',
  security: 'Security',
  deliverability: 'Email deliverability',
  onboarding: 'Onboarding',
  operations: 'Operations',
};

export const VERDICTS: Record<VerdictValue, { label: string; tone: BadgeTone; summary: string }> = {
  go: { label: 'Go', tone: 'success', summary: 'Nothing measured stands in the way: no open critical or high findings, critical items passed with evidence, monitors within target.' },
  'no-go': { label: 'No-go', tone: 'danger', summary: 'A critical problem is open: fix it before you put paying users on the product.' },
  'not-yet': { label: 'Not yet', tone: 'warning', summary: 'Something still needs fixing, measuring or verifying: each reason below links to its evidence.' },
};
