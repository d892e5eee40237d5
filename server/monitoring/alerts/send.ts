/**
 * Sends one alert to one destination. Email goes through the app's mailer (SMTP or the outbox);
 * Slack and webhooks go through server/net like every other outbound request. Webhooks are signed:
 * `X-LaunchReady-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` with the
 * timestamp in `X-LaunchReady-Timestamp`, so a receiver can reject forgeries and replays.
 */
import crypto from 'node:crypto';
import type { AlertChannelConfig, AlertPayload } from '@/db/schema';
import type { Mailer } from '@/server/mail/mailer';
import type { HttpClient } from '@/server/net';
import { alertHtml, alertSubject, alertText } from './messages';

export type Destination = { kind: 'email'; email: string } | { kind: 'slack'; url: string } | { kind: 'webhook'; url: string; secret: string };

/** `appUrl`: the app's public origin, for the link in an alert (absent: no link). */
export type SendDeps = { mailer: Mailer; http: HttpClient; now?: () => Date; appUrl?: string };

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function destinationOf(kind: 'email' | 'slack' | 'webhook', config: AlertChannelConfig): Destination {
  if (kind === 'email' && 'email' in config) return { kind, email: config.email };
  if (kind === 'webhook' && 'secret' in config) return { kind, url: config.url, secret: config.secret };
  if (kind === 'slack' && 'url' in config) return { kind, url: config.url };
  throw new Error(`The ${kind} channel is not configured correctly.`);
}

async function post(http: HttpClient, url: string, body: string, headers: Record<string, string>): Promise<void> {
  const response = await http.request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, timeoutMs: 10_000, followRedirects: false, maxBodyBytes: 16 * 1024 });
  if (response.status < 200 || response.status >= 300) throw new Error(`The receiver answered ${response.status}.`);
}

export async function sendAlert(deps: SendDeps, destination: Destination, payload: AlertPayload, deliveryKey: string): Promise<void> {
  switch (destination.kind) {
    case 'email':
      await deps.mailer.send({ to: destination.email, subject: alertSubject(payload), text: alertText(payload, deps.appUrl), html: alertHtml(payload, deps.appUrl), key: deliveryKey });
      return;
    case 'slack':
      await post(deps.http, destination.url, JSON.stringify({ text: alertText(payload, deps.appUrl) }), {});
      return;
    case 'webhook': {
      const body = JSON.stringify({ event: payload.kind, delivery: deliveryKey, ...payload });
      const timestamp = Math.floor((deps.now?.() ?? new Date()).getTime() / 1000);
      await post(deps.http, destination.url, body, {
        'x-launchready-delivery': deliveryKey,
        'x-launchready-timestamp': String(timestamp),
        'x-launchready-signature': signWebhook(destination.secret, timestamp, body),
      });
      return;
    }
  }
}
