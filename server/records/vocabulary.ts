/** Words for the operating records, shared by the schemas, services and pages (no zod, safe in the browser). */
export const RELEASE_PHASES = ['build', 'migrate', 'verify', 'rollback'] as const;
export type ReleasePhase = (typeof RELEASE_PHASES)[number];

export const RELEASE_PHASE_LABELS: Record<ReleasePhase, string> = {
  build: 'Build',
  migrate: 'Migrate',
  verify: 'Verify',
  rollback: 'Be ready to roll back',
};

export const ENTRY_KINDS = ['known_limitation', 'improvement', 'weekly_check'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_LABELS: Record<EntryKind, string> = {
  known_limitation: 'known limitation',
  improvement: 'improvement',
  weekly_check: 'weekly check',
};

/** Improvements are rated 1–5; 5 ranks first. */
export const BUSINESS_VALUES = [5, 4, 3, 2, 1] as const;
export const BUSINESS_VALUE_LABELS: Record<number, string> = {
  5: 'Protects revenue or trust',
  4: 'High',
  3: 'Medium',
  2: 'Low',
  1: 'Nice to have',
};

export type DocumentKind = 'deployment_runbook' | 'rollback_path' | 'incident_template';

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  deployment_runbook: 'deployment runbook',
  rollback_path: 'rollback path',
  incident_template: 'incident note template',
};
