/**
 * Suggested weekly operating checks, drawn from the project's playbook snapshot: its targets
 * give the numbers, its lines decide which checks apply (payments, email, AI …), and the
 * Observability stage's warning signs say what to watch for. Pure; the founder edits the result.
 */
import type { RoadmapSnapshot } from '@/db/schema/roadmap';

export type WeeklySuggestion = { key: string; title: string; detail: string };

/** Every line of the snapshot a check's relevance can be read from. */
function playbookText(snapshot: RoadmapSnapshot): string {
  const lines = [
    ...snapshot.automate,
    ...snapshot.minimumBar,
    ...snapshot.targets.notes,
    ...(snapshot.rescue?.productionRisks ?? []),
    ...(snapshot.rescue?.sprintDays.flatMap((d) => d.lines) ?? []),
  ];
  return lines.map((l) => l.text).join('\n');
}

function targetsSentence(targets: RoadmapSnapshot['targets']): string {
  const parts = [`p95 under ${targets.commonReadP95Ms} ms for common reads`];
  if (targets.heavyActionP95Ms) parts.push(`${targets.heavyActionP95Ms} ms for heavier signed-in actions`);
  if (targets.uptimePercent) parts.push(`${targets.uptimePercent} % uptime`);
  return `Your playbook’s targets: ${parts.join(', ')}.`;
}

export function weeklySuggestions(snapshot: RoadmapSnapshot, observabilitySignals: readonly string[] = []): WeeklySuggestion[] {
  const text = playbookText(snapshot);
  const mentions = (pattern: RegExp) => pattern.test(text);
  const { targets } = snapshot;
  const warning = observabilitySignals[0] ? ` Warning sign: ${observabilitySignals[0]}` : '';
  const out: WeeklySuggestion[] = [
    {
      key: 'health-panel',
      title: 'Look at the last 7 days of uptime, errors and p95 response times',
      detail: `${targetsSentence(targets)}${warning}`,
    },
    {
      key: 'error-review',
      title: 'Read new and repeating errors in the error tracker or logs',
      detail: 'Fix or ticket anything that repeats, and make sure no secrets or personal data appear in them.',
    },
  ];
  if (mentions(/alert/i)) {
    out.push({
      key: 'alerts-reach',
      title: 'Check that last week’s alerts reached someone who acted on them',
      detail: 'If a customer told you about a problem before an alert did, fix the alert route first.',
    });
  }
  if (targets.loginSuccessPercent) {
    out.push({
      key: 'login-success',
      title: `Check that more than ${targets.loginSuccessPercent} % of sign-ins succeed`,
      detail: 'Try signing in yourself, and look at failed sign-ins in the logs.',
    });
  }
  const chatTarget = targets.chatStartP95Ms ?? targets.chatResponseP95Ms;
  if (chatTarget) {
    out.push({
      key: 'chat-latency',
      title: 'Check chat reply times against the target',
      detail: `p95 under ${chatTarget / 1000} s ${targets.chatStartP95Ms ? 'for a reply to start' : 'for a complete reply'}. When slow, find out whether the app, the database or the AI provider is to blame.`,
    });
  }
  if (mentions(/payment|checkout|billing|subscription|stripe/i)) {
    out.push({
      key: 'payments',
      title: 'Look at failed payments and cancellations, and follow up',
      detail: 'Retry or contact the customer; a spike after a release means the release broke something.',
    });
  }
  if (mentions(/\b(?:SPF|DKIM|DMARC)\b|e-?mail/i)) {
    out.push({
      key: 'email-delivery',
      title: 'Send yourself a password-reset email and check it lands in the inbox',
      detail: 'If it lands in spam or never arrives, check SPF, DKIM and DMARC on the Perimeter stage.',
    });
  }
  if (mentions(/\bSSL\b|certificate|\bTLS\b/i)) {
    out.push({
      key: 'certificates',
      title: 'Check that no certificate or domain expires in the next 30 days',
      detail: 'An expired certificate takes the whole product offline for every visitor.',
    });
  }
  out.push({
    key: 'secrets',
    title: 'Check the environment-variable inventory for secrets due for rotation',
    detail: 'Rotate anything that was exposed today, and make sure every secret has an owner.',
  });
  if (mentions(/\bevals?\b|evaluation|red-team/i)) {
    out.push({
      key: 'ai-evals',
      title: 'Re-run the AI evaluation prompts if prompts, tools or the model changed',
      detail: 'A short set of real prompts catches a bot that starts making things up or leaking data.',
    });
  }
  return out;
}
