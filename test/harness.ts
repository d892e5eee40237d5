/**
 * An app instance for integration tests: a fresh database, the real better-auth instance and
 * mailer (outbox), and tRPC callers acting as a given user — the same code paths as production.
 */
import crypto from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { openTestDatabase } from './database';
import type { QueryListener } from '@/db/open';
import { createMailer } from '@/server/mail/mailer';
import { createAuth } from '@/server/auth/auth';
import { createCaller } from '@/server/trpc/root';
import type { SessionUser } from '@/server/trpc/context';
import { outboxMessages } from '@/db/schema';
import type { CheckDeps } from '@/server/checks/types';
import { appCheckDeps } from '@/server/check-runs/network';
import { waitForRunsInFlight } from '@/server/check-runs/run';
import { waitForChatbotRuns } from '@/server/chatbot/run';
import { createReadCache } from '@/server/read-cache';

/** Tests that do not set up a testnet get a network that cannot leave the machine: DNS asks a closed loopback port. */
const isolatedCheckDeps = () => appCheckDeps({ checks: { dnsServers: ['127.0.0.1:9'], allowLoopbackTargets: false } });

export const TEST_APP_URL = 'http://localhost:3999';
export const TEST_PASSWORD = 'correct horse battery';

export async function createTestApp(options: { checkDeps?: () => CheckDeps; onQuery?: QueryListener } = {}) {
  const handle = await openTestDatabase({ onQuery: options.onQuery });
  const { db } = handle;
  const mailer = createMailer({ db, from: 'Launch Ready <test@launch-ready.local>' });
  const auth = createAuth({ db, mailer, secret: 'test-secret-test-secret-test-secret-1234', appUrl: TEST_APP_URL, rateLimit: { window: 60, max: 100 } });

  async function signUp(name = 'Test User', email = `${name.toLowerCase().replace(/\W+/g, '.')}.${crypto.randomBytes(3).toString('hex')}@example.test`): Promise<SessionUser> {
    const result = await auth.api.signUpEmail({ body: { name, email, password: TEST_PASSWORD } });
    const u = result.user;
    return { id: u.id, email: u.email, name: u.name, emailVerified: u.emailVerified };
  }

  // One per app, like one per web process: every test that writes and then reads goes through it.
  const reads = createReadCache({ maxProjects: 200 });

  function caller(user: SessionUser | null) {
    return createCaller({ db, user, mailer, appUrl: TEST_APP_URL, checkDeps: options.checkDeps ?? isolatedCheckDeps, reads });
  }

  /** The newest outbox message sent to an address, and the first app link in it. */
  async function lastMailTo(email: string) {
    const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.to, email)).orderBy(desc(outboxMessages.createdAt)).limit(1);
    if (!message) return null;
    const link = message.text.match(new RegExp(`${TEST_APP_URL}\\S+`))?.[0] ?? null;
    return { ...message, link };
  }

  async function close() {
    await waitForRunsInFlight();
    await waitForChatbotRuns();
    await handle.close();
  }

  return { db, handle, auth, mailer, signUp, caller, lastMailTo, close };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
