/**
 * The automated checks a run can use, by the id roadmap items name in `automatedCheck`,
 * with the part of the project each one is pointed at.
 */
import type { CheckModule, CheckTarget } from '@/server/checks/types';
import * as spf from '@/server/checks/spf';
import * as dkim from '@/server/checks/dkim';
import * as dmarc from '@/server/checks/dmarc';
import type { ProjectCheckTarget } from './target';

export type RegisteredCheck = CheckModule & { targetFor(project: ProjectCheckTarget): CheckTarget };

const mailTarget = (project: ProjectCheckTarget): CheckTarget => ({ domain: project.mailDomain ?? project.domain, dkimSelectors: project.dkimSelectors });

export const CHECKS: readonly RegisteredCheck[] = [
  { ...spf, targetFor: mailTarget },
  { ...dkim, targetFor: mailTarget },
  { ...dmarc, targetFor: mailTarget },
];

export function findCheck(id: string): RegisteredCheck | undefined {
  return CHECKS.find((c) => c.id === id);
}
