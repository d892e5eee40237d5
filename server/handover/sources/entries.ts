/** Known limitations, improvements ranked by business value, and the weekly operating checklist. */
import { asc, eq } from 'drizzle-orm';
import { handoverEntries } from '@/db/schema';
import type { EntryRow } from '../types';
import type { SourceContext } from './context';

export async function buildEntries(ctx: SourceContext): Promise<{ limitations: EntryRow[]; improvements: EntryRow[]; weeklyChecks: EntryRow[] }> {
  const rows = await ctx.db.select().from(handoverEntries).where(eq(handoverEntries.projectId, ctx.projectId)).orderBy(asc(handoverEntries.position));
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const toRow = (r: (typeof rows)[number]): EntryRow => ({ title: r.title, detail: r.detail, businessValue: r.businessValue });
  return {
    limitations: of('known_limitation').map(toRow),
    improvements: of('improvement')
      .sort((a, b) => (b.businessValue ?? 0) - (a.businessValue ?? 0) || a.position - b.position)
      .map(toRow),
    weeklyChecks: of('weekly_check').map(toRow),
  };
}
