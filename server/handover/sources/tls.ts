/** TLS certificates with expiry dates, from the latest `tls` check results. */
import type { TlsCertificate, TlsSection } from '../types';
import { checklistSignals } from './checklist-signals';
import { latestCheckResults } from './check-results';
import type { SourceContext } from './context';
import { and, desc, eq } from 'drizzle-orm';
import { checkResults } from '@/db/schema';

const NOT_MEASURED = 'Certificate expiry dates have not been measured yet: run the TLS check on the Routing & edge stage, or add a certificate monitor on the Observability stage.';

type CertEvidence = { host?: unknown; domain?: unknown; notAfter?: unknown; validTo?: unknown; expiresAt?: unknown };

/** Reads host and expiry from a check's evidence, whichever of the usual field names it uses. */
function certificatesFrom(evidence: unknown, fallbackHost: string, now: Date, status: string): TlsCertificate[] {
  const list: unknown[] = Array.isArray(evidence) ? evidence : evidence && typeof evidence === 'object' && Array.isArray((evidence as { certificates?: unknown }).certificates) ? (evidence as { certificates: unknown[] }).certificates : [evidence];
  return list.flatMap((raw) => {
    if (!raw || typeof raw !== 'object') return [];
    const e = raw as CertEvidence;
    const host = typeof e.host === 'string' ? e.host : typeof e.domain === 'string' ? e.domain : fallbackHost;
    const expiry = [e.notAfter, e.validTo, e.expiresAt].find((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))) as string | undefined;
    const expiresOn = expiry ? new Date(expiry).toISOString().slice(0, 10) : null;
    const daysLeft = expiry ? Math.floor((Date.parse(expiry) - now.getTime()) / 86_400_000) : null;
    return [{ host, expiresOn, daysLeft, status }];
  });
}

export async function buildTls(ctx: SourceContext): Promise<TlsSection> {
  const [latest] = await ctx.db
    .select({ status: checkResults.status, evidence: checkResults.evidence, createdAt: checkResults.createdAt })
    .from(checkResults)
    .where(and(eq(checkResults.projectId, ctx.projectId), eq(checkResults.checkId, 'tls')))
    .orderBy(desc(checkResults.createdAt))
    .limit(1);
  const certificates = latest ? certificatesFrom(latest.evidence, ctx.project.primaryDomain, ctx.now, latest.status) : [];
  return {
    certificates:
      certificates.length > 0
        ? { state: 'measured', measuredAt: latest!.createdAt.toISOString(), data: certificates }
        : { state: 'not-measured', note: NOT_MEASURED },
    checklist: checklistSignals(ctx, ['tls', 'hsts']),
  };
}

