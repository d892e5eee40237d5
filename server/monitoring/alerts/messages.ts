/** What an alert says, in plain words, for email, Slack and webhooks alike. */
import type { AlertPayload, FindingAlertPayload } from '@/db/schema';
import { uptimeLine } from '../uptime';

const when = (iso: string) => new Date(iso).toUTCString();
const short = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function findingSubject(p: FindingAlertPayload): string {
  const severity = p.severity === 'critical' ? 'Critical' : 'High';
  return p.transition === 'new' ? `[${p.projectName}] New ${p.severity} finding: ${short(p.message)}` : `[${p.projectName}] ${severity} finding is back: ${short(p.message)}`;
}

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
    case 'chatbot':
      return `[${p.projectName}] Chatbot: a critical prompt that passed now fails`;
    case 'finding':
      return findingSubject(p);
  }
}

export function alertText(p: AlertPayload, appUrl?: string): string {
  const lines = [alertSubject(p), ''];
  if (p.kind === 'test') lines.push('This is a test. If you can read it, alerts for this project reach you here.');
  else if (p.kind === 'finding') {
    lines.push(
      p.transition === 'new' ? 'The scheduled checks found a problem that was not there before.' : 'The scheduled checks found a problem again that had been fixed.',
      '',
      `What: ${p.message}`,
      `Where: ${p.subject}`,
      `Check: ${p.checkTitle}`,
      `Found: ${when(p.at)}`,
      '',
      `How to fix it: ${p.fix}`,
    );
    if (appUrl) lines.push('', `Details: ${appUrl}/p/${p.projectId}/risks#finding-${p.findingId}`);
  } else {
    lines.push(`Monitor: ${p.monitorName}`, `Address: ${p.url}`, `Since: ${when(p.at)}`);
    if (p.cause) lines.push(`Cause: ${p.cause}`);
    if (p.uptime24h) lines.push(uptimeLine(p.uptime24h, 'last 24 h'));
    if (appUrl && p.monitorId) lines.push('', `Details: ${appUrl}`);
  }
  return lines.join('\n');
}

/** What the alert is about, in a few words (the alerts page's list). */
export function alertAbout(p: AlertPayload): string {
  return p.kind === 'finding' ? short(p.message, 80) : p.monitorName;
}

export function alertHtml(p: AlertPayload, appUrl?: string): string {
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return alertText(p, appUrl)
    .split('\n')
    .map((line) => (line ? `<p>${escapeHtml(line)}</p>` : ''))
    .join('');
}
