/**
 * The payment webhook check signs with the endpoint's test signing secret, kept in the project's
 * vault. The run's stored target holds only the secret's name; the value is opened here, just
 * before the check runs, and what the check returns is masked before it is stored.
 */
import type { Database } from '@/db/types';
import { openProjectSecrets } from '@/server/vault';
import type { CheckResult, CheckTarget } from '@/server/checks/types';
import type { ProjectCheckTarget } from './target';

export async function withWebhookSecrets(db: Database, projectId: string, target: ProjectCheckTarget): Promise<{ target: CheckTarget; mask: (result: CheckResult) => CheckResult }> {
  const box = await openProjectSecrets(db, projectId);
  const opened = (name: string | null): string | null => {
    if (!name) return null;
    try {
      return box.fill(`{{secret.${name}}}`);
    } catch {
      return null; // not set or unreadable: the check says so and what to do
    }
  };
  return {
    target: { ...target, paymentWebhooks: target.paymentWebhooks.map((w) => ({ ...w, signingSecret: opened(w.secretName) })) },
    // Evidence never carries the secret by construction; masking guards against an endpoint echoing it.
    mask: (result) => JSON.parse(box.mask(JSON.stringify(result))) as CheckResult,
  };
}
