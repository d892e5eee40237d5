/** The latest automated result of each given check for a project (table `check_results`). */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { checkResults } from '@/db/schema';
import type { CheckSignal, Measured } from '../types';
import type { SourceContext } from './context';

export async function latestCheckResults(ctx: SourceContext, checkIds: readonly string[], notMeasured: string): Promise<Measured<CheckSignal[]>> {
  const rows = await ctx.db
    .select({ checkId: checkResults.checkId, status: checkResults.status, findings: checkResults.findings, createdAt: checkResults.createdAt })
    .from(checkResults)
    .where(and(eq(checkResults.projectId, ctx.projectId), inArray(checkResults.checkId, [...checkIds])))
    .orderBy(desc(checkResults.createdAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.checkId)) latest.set(row.checkId, row);
  if (latest.size === 0) return { state: 'not-measured', note: notMeasured };
  const data = [...latest.values()].map((r) => ({
    check: r.checkId,
    status: r.status,
    checkedAt: r.createdAt.toISOString(),
    findings: r.findings.map((f) => `${f.message}${f.fix ? ` Fix: ${f.fix}` : ''}`),
  }));
  const measuredAt = data.map((d) => d.checkedAt).sort().at(-1) ?? null;
  return { state: 'measured', measuredAt, data };
}
