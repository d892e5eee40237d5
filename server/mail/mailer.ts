/**
 * Outgoing mail. With SMTP_URL set it goes out over SMTP; without it, it lands in the
 * in-app outbox (outbox_messages) so a local user can still follow verification and reset links.
 */
import nodemailer from 'nodemailer';
import type { Database } from '@/db/types';
import { outboxMessages } from '@/db/schema';

export type MailMessage = { to: string; subject: string; text: string; html: string };
export type Mailer = { send(message: MailMessage): Promise<void>; transport: 'smtp' | 'outbox' };

export function createMailer(options: { db: Database; smtpUrl?: string; from: string }): Mailer {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      transport: 'smtp',
      async send(message) {
        await transporter.sendMail({ from: options.from, ...message });
      },
    };
  }
  return {
    transport: 'outbox',
    async send(message) {
      await options.db.insert(outboxMessages).values(message);
    },
  };
}
