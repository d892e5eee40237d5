/**
 * Assembles the handover pack's document model from a project. Each section comes from one
 * source in ./sources; secret-looking values in free text are masked before anything renders.
 */
import type { Database } from '@/db/types';
import { findGaps } from './gaps';
import { redactDeep } from './redact';
import { buildContacts } from './sources/contacts';
import { loadContext } from './sources/context';
import { buildCover } from './sources/cover';
import { buildDomains } from './sources/domains';
import { buildEmailAuth } from './sources/email-auth';
import { buildEntries } from './sources/entries';
import { buildEnvVars, buildSecrets } from './sources/env-vars';
import { buildIncidents } from './sources/incidents';
import { buildChatbot } from './sources/chatbot';
import { buildMonitoring } from './sources/monitoring';
import { buildRisks } from './sources/risks';
import { buildRunbook } from './sources/runbook';
import { buildSecurity } from './sources/security';
import { buildStages } from './sources/stages';
import { buildTls } from './sources/tls';
import { writeSummary } from './summary';
import type { HandoverDocument } from './types';

/** `appUrl`: the app's public base URL (config), so links in the pack open the app's pages. */
export type BuildOptions = { preparedBy: string; now?: Date; appUrl?: string };

export async function buildHandoverDocument(db: Database, projectId: string, { preparedBy, now = new Date(), appUrl }: BuildOptions): Promise<HandoverDocument> {
  const ctx = await loadContext(db, projectId, now, appUrl);
  const [cover, domains, tls, emailAuth, security, envVars, runbook, monitoring, risks, entries, contacts] = await Promise.all([
    buildCover(ctx, preparedBy),
    buildDomains(ctx),
    buildTls(ctx),
    buildEmailAuth(ctx),
    buildSecurity(ctx),
    buildEnvVars(ctx),
    buildRunbook(ctx),
    buildMonitoring(ctx),
    buildRisks(ctx),
    buildEntries(ctx),
    buildContacts(ctx),
  ]);
  const incidents = await buildIncidents(ctx, monitoring.monitors.state === 'measured');
  const chatbot = await buildChatbot(ctx);
  const draft = {
    generatedAt: now.toISOString(),
    cover,
    stages: buildStages(ctx),
    domains,
    tls,
    emailAuth,
    security,
    envVars,
    secrets: buildSecrets(envVars, now),
    runbook,
    monitoring,
    incidents,
    chatbot,
    risks,
    ...entries,
    contacts,
  };
  const gaps = findGaps(draft);
  const withSummary = { ...draft, gaps, summary: writeSummary({ ...draft, gaps }) };
  const { value, count } = redactDeep(withSummary);
  return { ...value, redactions: count };
}
