/** Mail goes out over real SMTP when configured (a loopback SMTP server here), else to the outbox. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createMailer } from './mailer';
import { passwordResetEmail } from './templates';
import { createTestApp, type TestApp } from '@/test/harness';

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let smtp: SMTPServer;
let port: number;
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await app.close();
});

it('delivers over SMTP when SMTP_URL is set, and keeps nothing in the outbox', async () => {
  const mailer = createMailer({ db: app.db, smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Launch Ready <alerts@launch-ready.local>' });
  expect(mailer.transport).toBe('smtp');
  await mailer.send(passwordResetEmail('founder@example.test', 'http://localhost:3999/api/auth/reset-password/abc'));
  expect(received).toHaveLength(1);
  expect(received[0]!.from).toBe('alerts@launch-ready.local');
  expect(received[0]!.to).toEqual(['founder@example.test']);
  expect(received[0]!.raw).toContain('Subject: Reset your Launch Ready password');
  expect(await app.lastMailTo('founder@example.test')).toBeNull();
});

it('keeps mail in the outbox without SMTP', async () => {
  const mailer = createMailer({ db: app.db, from: 'Launch Ready <alerts@launch-ready.local>' });
  await mailer.send(passwordResetEmail('local@example.test', 'http://localhost:3999/x'));
  expect((await app.lastMailTo('local@example.test'))?.subject).toBe('Reset your Launch Ready password');
});
