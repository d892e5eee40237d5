/** What the stage pages show of the operating records, assembled from the tenancy-scoped reads. */
import type { DbOrTx } from '@/db/types';
import { getProject } from '@/db/queries/projects';
import { listMembers } from '@/db/queries/workspaces';
import { listContacts, listDocuments, listEnvVars, listHandoverEntries, listReleaseSteps } from '@/db/queries/records';
import { DEFAULT_ENVIRONMENTS } from '@/server/records/env-var-input';
import { DEFAULT_INCIDENT_TEMPLATE, DOCUMENT_PROMPTS, type DocumentKind } from '@/server/records/documents';
import { RELEASE_PHASES } from '@/server/records/release-steps';
import { rankImprovements } from '@/server/records/handover-entries';
import { openWeeklySuggestions } from './entries';

/** A secret not rotated for this long is flagged (the handover pack uses the same 180 days). */
const ROTATION_DUE_DAYS = 180;

export async function envVarInventory(db: DbOrTx, { projectId, workspaceId, includeMembers }: { projectId: string; workspaceId: string; includeMembers: boolean }) {
  const [rows, project, members] = await Promise.all([
    listEnvVars(db, { projectId }),
    getProject(db, { projectId }),
    includeMembers ? listMembers(db, { workspaceId }) : Promise.resolve([]),
  ]);
  const own = project?.project.environments.map((e) => e.name) ?? [];
  const used = rows.flatMap((r) => r.environments);
  const cutoff = new Date(Date.now() - ROTATION_DUE_DAYS * 86_400_000).toISOString().slice(0, 10);
  return {
    envVars: rows.map(({ ownerUserName, ...r }) => ({
      ...r,
      owner: ownerUserName ?? r.ownerName,
      rotationDue: r.isSecret && (r.lastRotatedOn === null || r.lastRotatedOn < cutoff),
    })),
    environments: [...new Set([...own, ...DEFAULT_ENVIRONMENTS, ...used])],
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    rotationDueDays: ROTATION_DUE_DAYS,
  };
}

/** Each document with its text (or null), and a prompt or a default to start from. */
export async function projectDocuments<K extends DocumentKind>(db: DbOrTx, { projectId, kinds }: { projectId: string; kinds: readonly K[] }) {
  const rows = await listDocuments(db, { projectId });
  return Object.fromEntries(
    kinds.map((kind) => {
      const row = rows.find((r) => r.kind === kind);
      return [
        kind,
        {
          body: row?.body ?? null,
          updatedAt: row?.updatedAt ?? null,
          updatedBy: row?.updatedBy ?? null,
          prompt: DOCUMENT_PROMPTS[kind],
          starter: kind === 'incident_template' ? DEFAULT_INCIDENT_TEMPLATE : null,
        },
      ];
    }),
  ) as Record<K, { body: string | null; updatedAt: Date | null; updatedBy: string | null; prompt: string; starter: string | null }>;
}

export async function releaseChecklist(db: DbOrTx, { projectId }: { projectId: string }) {
  const steps = await listReleaseSteps(db, { projectId });
  return {
    phases: RELEASE_PHASES.map((phase) => ({ phase, steps: steps.filter((s) => s.phase === phase) })),
    total: steps.length,
    done: steps.filter((s) => s.checkedAt !== null).length,
  };
}

export async function escalationContacts(db: DbOrTx, { projectId }: { projectId: string }) {
  const list = await listContacts(db, { projectId });
  return { contacts: list, fallback: list.find((c) => c.isFallback) ?? null };
}

export async function handoverEntries(db: DbOrTx, { projectId }: { projectId: string }) {
  const entries = await listHandoverEntries(db, { projectId });
  const suggestions = await openWeeklySuggestions(db, projectId, entries);
  return {
    limitations: entries.filter((e) => e.kind === 'known_limitation'),
    improvements: rankImprovements(entries.filter((e) => e.kind === 'improvement')),
    weeklyChecks: entries.filter((e) => e.kind === 'weekly_check'),
    weeklySuggestions: suggestions,
  };
}
