import type { RankedStatus } from '@/server/workspace-home/attention';

/** What a row of the home's table shows, nothing more: it is sent to the browser. */
export type ProjectRow = Pick<RankedStatus, 'id' | 'name' | 'primaryDomain' | 'archived' | 'attention' | 'verdict' | 'readiness' | 'openFindings' | 'monitorsDown' | 'lastRunAt'>;

export function projectRow(p: RankedStatus): ProjectRow {
  const { id, name, primaryDomain, archived, attention, verdict, readiness, openFindings, monitorsDown, lastRunAt } = p;
  return { id, name, primaryDomain, archived, attention, verdict, readiness, openFindings, monitorsDown, lastRunAt };
}
