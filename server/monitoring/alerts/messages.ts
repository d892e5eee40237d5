/** What an alert says, in plain words, for email, Slack and webhooks alike. */
import type { AlertPayload } from '@/db/schema';
import { uptimeLine } from '../uptime';

const when = (iso: string) => new Date(iso).toUTCString();

export function alertSubject(p: AlertPayload): string {
  switch (p.kind) {
    case 'down':
      return `[${p.projectName}] ${p.monitorName} is down`;
    case 'recovered':
      return `[${p.projectName}] ${p.monitorName} is back up`;
    case 'degraded':
      return `[${p.projectName}] ${p.monitorName} is slow`;
    case 'test':
      return `[${p.projectName}] Test alert from Launch Ready`;
  }
}

export function alertText(p: AlertPayload, appUrl?: string): string {
  const lines = [alertSubject(p), ''];
  if (p.kind === 'test') lines.push('This is a test. If you can read it, alerts for this project reach you here.');
  else {
    lines.push(`Monitor: ${p.monitorName}`, `Address: ${p.url}`, `Since: ${when(p.at)}`);
    if (p.cause) lines.push(`Cause: ${p.cause}`);
    if (p.uptime24h) lines.push(uptimeLine(p.uptime24h, 'last 24 h'));
  }
  if (appUrl && p.monitorId) lines.push('', `Details: ${appUrl}`);
  return lines.join('\n');
}

export function alertHtml(p: AlertPayload): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return alertText(p)
    .split('\n')
    .map((line) => (line ? `<p>${escape(line)}</p>` : ''))
    .join('');
}
