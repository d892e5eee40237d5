/**
 * The text documents a project keeps: the deployment runbook and rollback path (Deployment
 * stage) and the incident note template (Observability stage).
 */
import { safeText } from '@/server/validation';
import { DOCUMENT_LABELS, type DocumentKind } from './vocabulary';

export { DOCUMENT_LABELS, type DocumentKind };

/** What a blank runbook or rollback path could cover: shown as a prompt, never stored for you. */
export const DOCUMENT_PROMPTS: Record<DocumentKind, string> = {
  deployment_runbook: [
    '1. Who may release, and when (e.g. weekdays before 15:00).',
    '2. Build: the exact command or platform step.',
    '3. Migrate: how migrations run, and on what they are tried first.',
    '4. Release: how the new version goes live.',
    '5. Verify: which pages and flows to try right after (sign-up, sign-in, payment).',
  ].join('\n'),
  rollback_path: [
    'When to roll back: e.g. sign-in or payments fail, error rate doubles.',
    'How: the exact steps to put the previous version back.',
    'Database: can the previous version run on the new schema? If not, how to undo the migration.',
    'Who decides, and who tells customers.',
  ].join('\n'),
  incident_template: '',
};

/** Offered when the project has no incident template yet; every heading a write-up needs. */
export const DEFAULT_INCIDENT_TEMPLATE = [
  '# Incident: <short title>',
  '',
  'Start: <date and time, with time zone>',
  'End: <date and time, or "ongoing">',
  'Duration: <minutes or hours>',
  '',
  '## Cause',
  'What broke, and why.',
  '',
  '## Impact',
  'Who was affected, what they could not do, and for how long. Any lost payments or data?',
  '',
  '## Actions',
  'What we did, in order, with times.',
  '',
  '## Follow-ups',
  '- [ ] What we will change so it does not happen again (owner, date)',
].join('\n');

export const documentBodySchema = safeText({ multiline: true }).max(20_000, 'Keep the document under 20,000 characters.');
