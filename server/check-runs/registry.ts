/**
 * The automated checks a run can use (the catalogue, by the id roadmap items name in
 * `automatedCheck`), with the part of the project each is pointed at: mail checks look at the
 * mail-sending domain, the others at the product's domains and endpoints.
 */
import { CATALOGUE, type CatalogueEntry } from '@/server/checks/catalogue';
import type { CheckTarget } from '@/server/checks/types';
import type { ProjectCheckTarget } from './target';

export type RegisteredCheck = CatalogueEntry & { targetFor(project: ProjectCheckTarget): CheckTarget };

const MAIL_CHECKS = new Set(['spf', 'dkim', 'dmarc']);
const mailTarget = (project: ProjectCheckTarget): CheckTarget => ({ domain: project.mailDomain ?? project.domain, dkimSelectors: project.dkimSelectors });
const productTarget = (project: ProjectCheckTarget): CheckTarget => project;

export const CHECKS: readonly RegisteredCheck[] = CATALOGUE.map((check) => ({ ...check, targetFor: MAIL_CHECKS.has(check.id) ? mailTarget : productTarget }));

export function findCheck(id: string): RegisteredCheck | undefined {
  return CHECKS.find((c) => c.id === id);
}
