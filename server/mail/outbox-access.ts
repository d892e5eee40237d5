/**
 * Who may read the in-app outbox. It holds password-reset, invitation and share links, so
 * reading someone else's mail there is taking over their account:
 * - this machine (a loopback request no proxy forwarded) in embedded mode sees everything, so a
 *   local install works with no mail server;
 * - a signed-in user sees the mail addressed to them;
 * - anyone else is asked to sign in.
 * With SMTP configured there is no outbox (production refuses to start without SMTP unless
 * MAIL_OUTBOX=on, server/config.ts).
 */
import type { AppConfig } from '@/server/config';
import type { ClientAddress } from '@/server/http/client-address';

export type OutboxView = { show: 'all' } | { show: 'addressed-to'; email: string } | { show: 'sign-in' } | { show: 'nothing' };

export function outboxView(config: Pick<AppConfig, 'mode' | 'outboxEnabled'>, client: ClientAddress, user: { email: string } | null): OutboxView {
  if (!config.outboxEnabled) return { show: 'nothing' };
  if (config.mode === 'embedded' && client.loopback) return { show: 'all' };
  if (user) return { show: 'addressed-to', email: user.email };
  return { show: 'sign-in' };
}
