/**
 * Which checks a project run executes: every check in the catalogue applies to a project with a
 * domain; the mail checks look at the mail-sending domain (or the primary domain, which can be
 * spoofed either way). A check that applies but lacks what it needs is not run: it is recorded
 * as skipped with the reason and the one action that unblocks it.
 */
import type { CatalogueEntry } from '@/server/checks/catalogue';
import type { ProjectCheckTarget } from './target';

export type Blocker = { code: string; reason: string; action: string; /** Where in the app the action is done, relative to /p/<projectId>. */ where: 'settings' | 'settings#ownership' | 'stages/performance#chatbot' };

export type ActionWhere = Blocker['where'];

/** Where a skipped result's action is done, read back from its finding's evidence ({ where }). */
export function actionWhereOf(evidence: unknown): ActionWhere | null {
  const where = evidence !== null && typeof evidence === 'object' && 'where' in evidence ? evidence.where : null;
  return where === 'settings' || where === 'settings#ownership' || where === 'stages/performance#chatbot' ? where : null;
}

const SIGN_IN_KINDS = new Set(['login']);

/** Null when the check can run on this project; otherwise why not and what to do. */
export function blockerFor(check: Pick<CatalogueEntry, 'id'>, target: ProjectCheckTarget): Blocker | null {
  switch (check.id) {
    case 'rate-limit':
      if (!target.endpoints.some((e) => SIGN_IN_KINDS.has(e.kind))) {
        return {
          code: 'rate-limit.no-login-endpoint',
          reason: 'The sign-in rate limit was not probed: the project lists no login endpoint.',
          action: 'Add the URL your sign-in form posts to as a "Login" endpoint in project settings.',
          where: 'settings',
        };
      }
      if (!target.ownershipVerified) {
        return {
          code: 'rate-limit.ownership-unverified',
          reason: `The sign-in rate limit was not probed: it sends a burst of failed sign-ins, which we only do once you have proved you own ${target.domain}.`,
          action: `Prove you own ${target.domain} (a DNS TXT record or a file on the site), then run the checks again.`,
          where: 'settings#ownership',
        };
      }
      return null;
    case 'exposed-paths':
      if (!target.ownershipVerified) {
        return {
          code: 'exposed-paths.ownership-unverified',
          reason: `Exposed files (.env, .git, backups, admin tools) were not looked for: that asks your site for paths an attacker's scanner would, which we only do once you have proved you own ${target.domain}.`,
          action: `Prove you own ${target.domain} (a DNS TXT record or a file on the site), then run the checks again.`,
          where: 'settings#ownership',
        };
      }
      return null;
    case 'chat':
      if (!target.chat) {
        return {
          code: 'chat.no-template',
          reason: 'The chat endpoint was not sent a test prompt: its request template (the JSON body with {{prompt}}) is not set up yet.',
          action: 'Set up the request template in the Chatbot section of the performance stage.',
          where: 'stages/performance#chatbot',
        };
      }
      if (!target.ownershipVerified) {
        return {
          code: 'chat.ownership-unverified',
          reason: `The chat endpoint was not sent a test prompt: each one costs you a model call, so we only send them once you have proved you own ${target.domain}.`,
          action: `Prove you own ${target.domain} (a DNS TXT record or a file on the site), then run the checks again.`,
          where: 'settings#ownership',
        };
      }
      return null;
    case 'payment-webhook':
      if (!target.ownershipVerified) {
        return {
          code: 'payment-webhook.ownership-unverified',
          reason: `The payment webhook was not sent test events: we only send them once you have proved you own ${target.domain}.`,
          action: `Prove you own ${target.domain} (a DNS TXT record or a file on the site), then run the checks again.`,
          where: 'settings#ownership',
        };
      }
      if (!target.paymentWebhooks.some((w) => w.secretName)) {
        return {
          code: 'payment-webhook.no-signing-secret',
          reason: 'The payment webhook was not sent test events: a test event has to be signed, and no signing secret is chosen for the endpoint.',
          action: 'Add the endpoint\'s test-mode signing secret (whsec_… from Stripe → Developers → Webhooks) under Secrets in project settings, and choose it as the payment webhook\'s signing secret.',
          where: 'settings',
        };
      }
      return null;
    case 'dkim':
      if (target.dkimSelectors.length === 0) {
        return {
          code: 'dkim.no-selectors',
          reason: `DKIM was not checked: no selectors are listed for ${target.mailDomain ?? target.domain}, and the keys cannot be found without them.`,
          action: 'Add the DKIM selectors from your mail provider\'s setup page (the part before "._domainkey") in project settings.',
          where: 'settings',
        };
      }
      return null;
    default:
      return null;
  }
}
