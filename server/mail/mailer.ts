/**
 * Outgoing mail. With SMTP_URL set it goes out over SMTP; without it, it lands in the
 * in-app outbox (outbox_messages) so a local user can still follow verification and reset links.
 */
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Database } from '@/db/types';
import { outboxMessages } from '@/db/schema';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Names one logical message (an alert's delivery key). Sending it again after a crash gives the
   * same Message-ID over SMTP, so mail systems and clients can drop the repeat, and is a no-op in
   * the outbox.
   */
  key?: string;
};
export type Mailer = { send(message: MailMessage): Promise<void>; transport: 'smtp' | 'outbox' };

/** A stable Message-ID for a key (keys hold characters a Message-ID may not). */
export function messageIdOf(key: string): string {
  return `<${crypto.createHash('sha256').update(key).digest('hex').slice(0, 32)}@launch-ready.local>`;
}

export function createMailer(options: { db: Database; smtpUrl?: string; from: string }): Mailer {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      transport: 'smtp',
      async send(message) {
        const { key, ...mail } = message;
        await transporter.sendMail({ from: options.from, ...mail, ...(key ? { messageId: messageIdOf(key) } : {}) });
      },
    };
  }
  return {
    transport: 'outbox',
    async send(message) {
      const { key, ...mail } = message;
      await options.db.insert(outboxMessages).values({ ...mail, messageKey: key ?? null }).onConflictDoNothing();
    },
  };
}
