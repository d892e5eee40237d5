/**
 * The demo workspace the embedded first run starts with: a consultant, three client projects
 * (one per roadmap family) and a client who sees only the project shared with them.
 * Domains are the IANA example domains, so nothing here points at anyone's real product.
 */
import { count, eq } from 'drizzle-orm';
import type { Database } from '@/db/types';
import { projectShares, user } from '@/db/schema';
import type { Auth } from '@/server/auth/auth';
import { createWorkspace } from '@/server/services/workspaces';
import { createProject } from '@/server/services/projects';
import { projectFieldsSchema } from '@/server/projects/validation';
import { newToken } from '@/server/services/tokens';
import { seedDemoProgress } from './progress';
import { seedDemoRecords } from './records';
import { seedDemoMonitoring } from './monitoring';
import { seedDemoChatbot } from './chatbot';
import { seedDemoJourneys } from './journeys';

export const DEMO_PASSWORD = 'launch-ready-demo';
export const DEMO_CONSULTANT = { name: 'Dana Okafor', email: 'demo@launch-ready.local' };
export const DEMO_CLIENT = { name: 'Casey Lin', email: 'client@launch-ready.local' };

const DEMO_PROJECTS = [
  {
    name: 'Cohort Club',
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'customers-growth',
    primaryDomain: 'example.org',
    canonicalHost: 'www',
    subdomains: ['app', 'api', 'admin'],
    mailDomain: 'mail.example.org',
    dkimSelectors: ['resend'],
    productionUrl: 'https://www.example.org',
    endpoints: [
      { kind: 'signup', method: 'POST', url: '/api/auth/sign-up' },
      { kind: 'login', method: 'POST', url: '/api/auth/sign-in' },
      { kind: 'password-reset', method: 'POST', url: '/api/auth/reset' },
      { kind: 'dashboard', method: 'GET', url: '/api/feed' },
      { kind: 'payment-webhook', method: 'POST', url: '/api/webhooks/stripe' },
    ],
    environments: [{ name: 'production', url: 'https://www.example.org' }, { name: 'preview' }, { name: 'local' }],
  },
  {
    name: 'Coach Copilot',
    productType: 'ai-chatbot',
    segment: 'coach-consultant',
    maturity: 'demo-launch',
    primaryDomain: 'example.net',
    canonicalHost: 'apex',
    subdomains: ['app', 'api'],
    mailDomain: 'example.net',
    dkimSelectors: ['google'],
    productionUrl: 'https://example.net',
    endpoints: [
      { kind: 'login', method: 'POST', url: '/api/login' },
      { kind: 'chat', method: 'POST', url: '/api/chat' },
      { kind: 'checkout', method: 'POST', url: '/api/checkout' },
    ],
    environments: [{ name: 'production', url: 'https://example.net' }, { name: 'staging' }],
  },
  {
    name: 'Member Hub rescue',
    productType: 'membership-community',
    segment: 'membership-community',
    maturity: 'ai-rescue',
    primaryDomain: 'example.com',
    canonicalHost: 'apex',
    subdomains: ['app'],
    mailDomain: 'example.com',
    dkimSelectors: [],
    productionUrl: 'https://example.com',
    endpoints: [
      { kind: 'signup', method: 'POST', url: '/api/signup' },
      { kind: 'login', method: 'POST', url: '/api/login' },
    ],
    environments: [{ name: 'production', url: 'https://example.com' }],
  },
] as const;

async function createVerifiedUser(db: Database, auth: Auth, who: { name: string; email: string }) {
  const { user: created } = await auth.api.signUpEmail({ body: { ...who, password: DEMO_PASSWORD } });
  await db.update(user).set({ emailVerified: true }).where(eq(user.id, created.id));
  return { id: created.id, name: created.name, email: created.email };
}

/** Seeds only an empty database; returns whether it did. */
export async function seedDemoIfEmpty(db: Database, auth: Auth): Promise<boolean> {
  const [users] = await db.select({ n: count() }).from(user);
  if ((users?.n ?? 0) > 0) return false;

  const consultant = await createVerifiedUser(db, auth, DEMO_CONSULTANT);
  const client = await createVerifiedUser(db, auth, DEMO_CLIENT);
  const workspace = await createWorkspace(db, { actor: consultant }, { name: 'Northstar Studio (demo)' });
  const created = [];
  for (const raw of DEMO_PROJECTS) {
    const fields = projectFieldsSchema.parse(raw);
    created.push(await createProject(db, { workspaceId: workspace.id, actorId: consultant.id }, { fields }));
  }
  const shared = created[0]!;
  await db.insert(projectShares).values({
    projectId: shared.id,
    email: client.email,
    role: 'commenter',
    userId: client.id,
    tokenHash: newToken().hash,
    invitedBy: consultant.id,
    expiresAt: new Date(),
    acceptedAt: new Date(),
  });
  await seedDemoProgress(db, created, consultant.id);
  await seedDemoRecords(db, shared.id, consultant.id);
  await seedDemoMonitoring(db, created, consultant.id);
  await seedDemoChatbot(db, created[1]!, consultant.id);
  await seedDemoJourneys(db, created, consultant.id);
  return true;
}
