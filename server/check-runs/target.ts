/** Turns a project's fields into what the checks are pointed at. */
import type { ProjectEndpoint } from '@/db/schema';
import type { ChatCheckTarget, LatencyTargets } from '@/server/checks/types';

export type ProjectCheckTarget = {
  domain: string;
  canonicalHost: 'apex' | 'www';
  subdomains: string[];
  mailDomain: string | null;
  dkimSelectors: string[];
  productionUrl: string | null;
  /** Absolute URLs: paths are resolved against the production URL (or https://canonical host). */
  endpoints: (Omit<ProjectEndpoint, 'label' | 'signingSecret'> & { url: string })[];
  targets: LatencyTargets;
  ownershipVerified: boolean;
  /** Payment webhook endpoints with the NAME of their signing secret; values are opened only when the check runs (./webhook-secrets.ts). */
  paymentWebhooks: { url: string; secretName: string | null; signingSecret: null }[];
  /** The chat endpoint with its request template, once both are set up (server/chatbot/chat-target.ts). */
  chat?: ChatCheckTarget;
};

type ProjectFields = {
  primaryDomain: string;
  canonicalHost: 'apex' | 'www';
  subdomains: string[];
  mailDomain: string | null;
  dkimSelectors: string[];
  productionUrl: string | null;
  endpoints: ProjectEndpoint[];
};

export function buildCheckTarget(project: ProjectFields, targets: ProjectCheckTarget['targets'], ownershipVerified: boolean): ProjectCheckTarget {
  const canonical = project.canonicalHost === 'www' ? `www.${project.primaryDomain}` : project.primaryDomain;
  const base = project.productionUrl ?? `https://${canonical}/`;
  return {
    domain: project.primaryDomain,
    canonicalHost: project.canonicalHost,
    subdomains: project.subdomains,
    mailDomain: project.mailDomain,
    dkimSelectors: project.dkimSelectors,
    productionUrl: project.productionUrl,
    endpoints: project.endpoints.map((e) => ({
      kind: e.kind,
      method: e.method,
      url: new URL(e.url, base).toString(),
      ...(e.p95TargetMs ? { p95TargetMs: e.p95TargetMs } : {}),
      // Placeholders only (pasted values are refused when saved): safe to store with the run.
      ...(e.headers?.length ? { headers: e.headers } : {}),
      ...(e.body ? { body: e.body } : {}),
      ...(e.safeToReplay ? { safeToReplay: true } : {}),
    })),
    targets: {
      commonReadP95Ms: targets.commonReadP95Ms,
      ...(targets.heavyActionP95Ms ? { heavyActionP95Ms: targets.heavyActionP95Ms } : {}),
      ...(targets.chatStartP95Ms ? { chatStartP95Ms: targets.chatStartP95Ms } : {}),
      ...(targets.chatResponseP95Ms ? { chatResponseP95Ms: targets.chatResponseP95Ms } : {}),
    },
    paymentWebhooks: project.endpoints
      .filter((e) => e.kind === 'payment-webhook')
      .map((e) => ({ url: new URL(e.url, base).toString(), secretName: e.signingSecret ?? null, signingSecret: null })),
    ownershipVerified,
  };
}
