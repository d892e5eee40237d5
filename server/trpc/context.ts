import type { Database } from '@/db/types';
import type { Mailer } from '@/server/mail/mailer';
import type { CheckDeps } from '@/server/checks/types';
import type { ReadCache } from '@/server/read-cache';
import type { AccessMemo } from './access-memo';
import type { SessionUser } from '@/server/auth/session-user';

export type { SessionUser };

/** Everything a procedure may use; built per request from the session cookie (or by tests). */
export type Context = {
  db: Database;
  user: SessionUser | null;
  mailer: Mailer;
  /** Public origin, for links in emails. */
  appUrl: string;
  /** Network dependencies for automated checks (tests point them at the loopback testnet). */
  checkDeps: () => CheckDeps;
  /** Remembered project reads, shared by every request of this process (server/read-cache.ts). */
  reads: ReadCache;
  /** Per-request memory of the caller's access (absent: every procedure asks the database). */
  access?: AccessMemo;
};
