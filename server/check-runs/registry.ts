/**
 * The automated checks a run can use, by the id roadmap items name in `automatedCheck`,
 * with the part of the project each one is pointed at: mail checks look at the mail-sending
 * domain, the others at the product's domains and endpoints.
 */
import type { CheckModule, CheckTarget } from '@/server/checks/types';
import * as cdn from '@/server/checks/cdn';
import * as cookies from '@/server/checks/cookies';
import * as cors from '@/server/checks/cors';
import * as dkim from '@/server/checks/dkim';
import * as dmarc from '@/server/checks/dmarc';
import * as dns from '@/server/checks/dns';
import * as hsts from '@/server/checks/hsts';
import * as redirects from '@/server/checks/redirects';
import * as secrets from '@/server/checks/secrets';
import * as securityHeaders from '@/server/checks/security-headers';
import * as spf from '@/server/checks/spf';
import * as staticCaching from '@/server/checks/static-caching';
import * as tls from '@/server/checks/tls';
import type { ProjectCheckTarget } from './target';

export type RegisteredCheck = CheckModule & { targetFor(project: ProjectCheckTarget): CheckTarget };

const mailTarget = (project: ProjectCheckTarget): CheckTarget => ({ domain: project.mailDomain ?? project.domain, dkimSelectors: project.dkimSelectors });
const productTarget = (project: ProjectCheckTarget): CheckTarget => project;

const webChecks: CheckModule[] = [dns, redirects, tls, hsts, securityHeaders, cookies, staticCaching, cdn, secrets, cors];

export const CHECKS: readonly RegisteredCheck[] = [
  ...webChecks.map((check) => ({ id: check.id, title: check.title, run: check.run, targetFor: productTarget })),
  ...[spf, dkim, dmarc].map((check) => ({ id: check.id, title: check.title, run: check.run, targetFor: mailTarget })),
];

export function findCheck(id: string): RegisteredCheck | undefined {
  return CHECKS.find((c) => c.id === id);
}
