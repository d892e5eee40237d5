/** TLS certificates with expiry dates, from the latest `tls` check results. */
import type { TlsCertificate, TlsSection } from '../types';
import { checklistSignals } from './checklist-signals';
import type { SourceContext } from './context';
import { and, desc, eq } from 'drizzle-orm';
import { checkResults, type StoredFinding } from '@/db/schema';

const NOT_MEASURED = 'Certificate expiry dates have not been measured yet: run the TLS check on the Routing & edge stage, or add a certificate monitor on the Observability stage.';

type CertEvidence = { host?: unknown; domain?: unknown; notAfter?: unknown; validTo?: unknown; expiresAt?: unknown };

/** The list of certificates inside a check's evidence (`{ hosts: [...] }` from the TLS check, or similar shapes). */
function listOf(evidence: unknown): unknown[] {
  if (Array.isArray(evidence)) return evidence;
  if (evidence && typeof evidence === 'object') {
    const e = evidence as { hosts?: unknown; certificates?: unknown };
    if (Array.isArray(e.hosts)) return e.hosts;
    if (Array.isArray(e.certificates)) return e.certificates;
  }
  return [evidence];
}

/** Reads host and expiry from a check's evidence, whichever of the usual field names it uses. */
function certificatesFrom(evidence: unknown, fallbackHost: string, now: Date, status: string, findings: StoredFinding[]): TlsCertificate[] {
  return listOf(evidence).flatMap((raw) => {
    if (!raw || typeof raw !== 'object') return [];
    const e = raw as CertEvidence;
    const host = typeof e.host === 'string' ? e.host : typeof e.domain === 'string' ? e.domain : fallbackHost;
    const expiry = [e.validTo, e.notAfter, e.expiresAt].find((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v))) as string | undefined;
    const expiresOn = expiry ? new Date(expiry).toISOString().slice(0, 10) : null;
    const daysLeft = expiry ? Math.floor((Date.parse(expiry) - now.getTime()) / 86_400_000) : null;
    // The TLS check ties each finding to its host; without one, the run's result stands.
    const own = findings.filter((f) => (f.evidence as { host?: unknown } | null)?.host === host);
    const hostStatus = own.length === 0 ? (findings.length === 0 ? status : 'pass') : own.some((f) => f.severity === 'critical' || f.severity === 'high') ? 'fail' : 'warn';
    return [{ host, expiresOn, daysLeft, status: hostStatus }];
  });
}

export async function buildTls(ctx: SourceContext): Promise<TlsSection> {
  const [latest] = await ctx.db
    .select({ status: checkResults.status, evidence: checkResults.evidence, findings: checkResults.findings, createdAt: checkResults.createdAt })
    .from(checkResults)
    .where(and(eq(checkResults.projectId, ctx.projectId), eq(checkResults.checkId, 'tls')))
    .orderBy(desc(checkResults.createdAt))
    .limit(1);
  const certificates = latest ? certificatesFrom(latest.evidence, ctx.project.primaryDomain, ctx.now, latest.status, latest.findings) : [];
  return {
    certificates:
      certificates.length > 0
        ? { state: 'measured', measuredAt: latest!.createdAt.toISOString(), data: certificates }
        : { state: 'not-measured', note: NOT_MEASURED },
    checklist: checklistSignals(ctx, ['tls', 'hsts']),
  };
}

