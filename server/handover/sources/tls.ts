/** TLS certificates with expiry dates, from the latest `tls` check result, read through its evidence contract. */
import type { TlsCertificate, TlsSection } from '../types';
import { checklistSignals } from './checklist-signals';
import type { SourceContext } from './context';
import { and, desc, eq } from 'drizzle-orm';
import { checkResults, type StoredFinding } from '@/db/schema';
import { readEvidence } from '@/server/checks/evidence';
import { tlsFindingEvidence, type TlsEvidence } from '@/server/checks/evidence/tls';

const NOT_MEASURED = 'Certificate expiry dates have not been measured yet: run the TLS check on the Routing & edge stage, or add a certificate monitor on the Observability stage.';
const OLDER_FORMAT = 'The latest TLS check result is evidence in an older format, so its certificate dates are not shown: run the TLS check again on the Routing & edge stage.';

const DAY_MS = 86_400_000;

/** The findings about one host; a finding whose evidence names no host is about none. */
const findingsOf = (findings: StoredFinding[], host: string) => findings.filter((f) => tlsFindingEvidence.safeParse(f.evidence).data?.host === host);

function certificatesFrom(evidence: TlsEvidence, now: Date, status: string, findings: StoredFinding[]): TlsCertificate[] {
  return evidence.hosts.map((entry) => {
    const expiry = 'validTo' in entry && entry.validTo && !Number.isNaN(Date.parse(entry.validTo)) ? entry.validTo : null;
    // The TLS check ties each finding to its host; without one, the run's result stands.
    const own = findingsOf(findings, entry.host);
    const hostStatus = own.length === 0 ? (findings.length === 0 ? status : 'pass') : own.some((f) => f.severity === 'critical' || f.severity === 'high') ? 'fail' : 'warn';
    return {
      host: entry.host,
      expiresOn: expiry ? new Date(expiry).toISOString().slice(0, 10) : null,
      daysLeft: expiry ? Math.floor((Date.parse(expiry) - now.getTime()) / DAY_MS) : null,
      status: hostStatus,
    };
  });
}

export async function buildTls(ctx: SourceContext): Promise<TlsSection> {
  const [latest] = await ctx.db
    .select({ status: checkResults.status, evidence: checkResults.evidence, findings: checkResults.findings, createdAt: checkResults.createdAt })
    .from(checkResults)
    .where(and(eq(checkResults.projectId, ctx.projectId), eq(checkResults.checkId, 'tls')))
    .orderBy(desc(checkResults.createdAt))
    .limit(1);
  const read = latest ? readEvidence('tls', latest.evidence) : ({ state: 'none' } as const);
  const certificates = read.state === 'read' ? certificatesFrom(read.evidence, ctx.now, latest!.status, latest!.findings) : [];
  return {
    certificates:
      certificates.length > 0
        ? { state: 'measured', measuredAt: latest!.createdAt.toISOString(), data: certificates }
        : { state: 'not-measured', note: read.state === 'older-format' ? OLDER_FORMAT : NOT_MEASURED },
    checklist: checklistSignals(ctx, ['tls', 'hsts']),
  };
}
