import type { Database } from '@/db/types';
import type { Mailer } from '@/server/mail/mailer';

export type SessionUser = { id: string; email: string; name: string; emailVerified: boolean };

/** Everything a procedure may use; built per request from the session cookie (or by tests). */
export type Context = {
  db: Database;
  user: SessionUser | null;
  mailer: Mailer;
  /** Public origin, for links in emails. */
  appUrl: string;
};
