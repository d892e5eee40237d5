/**
 * Operating records for the demo's most advanced project, so its deployment and handover pages
 * and its handover pack show what a finished inventory looks like. Names only: no values.
 */
import type { Database } from '@/db/types';
import { envVarFieldsSchema } from '@/server/records/env-var-input';
import { contactFieldsSchema } from '@/server/records/contacts';
import { entryFieldsSchema } from '@/server/records/handover-entries';
import { addEnvVar } from '@/server/services/records/env-vars';
import { addContact } from '@/server/services/records/contacts';
import { addEntry } from '@/server/services/records/entries';
import { saveDocument } from '@/server/services/records/documents';
import { addStandardReleaseSteps } from '@/server/services/records/release-steps';

const ENV_VARS = [
  { name: 'DATABASE_URL', environments: ['production', 'preview'], purpose: 'Postgres connection for the member database', storedIn: 'Vercel project settings', isSecret: true },
  { name: 'STRIPE_SECRET_KEY', environments: ['production'], purpose: 'Charges and subscription changes', storedIn: 'Vercel project settings', isSecret: true },
  { name: 'STRIPE_WEBHOOK_SECRET', environments: ['production'], purpose: 'Verifies Stripe webhook signatures', storedIn: 'Vercel project settings', isSecret: true },
  { name: 'RESEND_API_KEY', environments: ['production', 'preview'], purpose: 'Transactional email (invites, resets, receipts)', storedIn: '1Password: Ops vault', isSecret: true },
  { name: 'NEXT_PUBLIC_APP_URL', environments: ['production', 'preview', 'local'], purpose: 'Public base URL used in links', storedIn: 'Repository .env.example', isSecret: false },
];

const RUNBOOK = `1. Merge to main; the preview deploy must be green.
2. Run database migrations with the release job before switching traffic.
3. Promote the preview to production in Vercel.
4. Smoke test: sign up, log in, open the feed, a test checkout in Stripe test mode.
5. Watch the monitors and error tracker for 15 minutes.`;

const ROLLBACK = `1. In Vercel, promote the previous production deployment (one click; about a minute).
2. Migrations are backward compatible for one release, so the database stays as it is.
3. Post in #launch what was rolled back and why; open an incident note if members were affected.`;

export async function seedDemoRecords(db: Database, projectId: string, actorId: string): Promise<void> {
  const scope = { projectId, actorId };
  for (const envVar of ENV_VARS) await addEnvVar(db, scope, envVarFieldsSchema.parse({ ...envVar, ownerName: 'Dana (consultant)', lastRotatedOn: '2026-10-01' }));
  await saveDocument(db, scope, 'deployment_runbook', RUNBOOK);
  await saveDocument(db, scope, 'rollback_path', ROLLBACK);
  await addStandardReleaseSteps(db, scope);
  await addContact(db, scope, contactFieldsSchema.parse({ name: 'Dana Okafor', role: 'Consultant, first responder', email: 'demo@launch-ready.local', isFallback: false }));
  await addContact(db, scope, contactFieldsSchema.parse({ name: 'Casey Lin', role: 'Founder, fallback contact', email: 'client@launch-ready.local', phone: '+44 20 7946 0000', isFallback: true }));
  const entries = [
    { kind: 'known_limitation', title: 'Feed pagination slows past about 5,000 posts per community', detail: 'Cursor pagination is planned; until then, archive old posts.' },
    { kind: 'improvement', title: 'Move the payment key to a server-only variable and rotate it', businessValue: 5 },
    { kind: 'improvement', title: 'Add a second person who can deploy and roll back', businessValue: 4 },
    { kind: 'improvement', title: 'Cache the public landing pages at the edge', businessValue: 2 },
    { kind: 'weekly_check', title: 'Read the 7-day uptime and p95 panels; note anything over target' },
    { kind: 'weekly_check', title: 'Confirm a password reset email arrives in an inbox, not spam' },
  ];
  for (const entry of entries) await addEntry(db, scope, entryFieldsSchema.parse(entry));
}
