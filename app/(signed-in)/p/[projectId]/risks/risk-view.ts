/** How a ranked risk is named, anchored and explained on the risk page and the overview's "Fix first". */
import type { BadgeTone } from '@/components/ui/badge';
import type { RankedRisk, RiskState } from '@/server/roadmap/risks';
import { formatDate } from '@/components/ui/dates';

export const RISK_STATES: Record<RiskState, { label: string; tone: BadgeTone }> = {
  open: { label: 'Open', tone: 'danger' },
  regressed: { label: 'Came back', tone: 'danger' },
  'acceptance-expired': { label: 'Acceptance expired', tone: 'warning' },
  failing: { label: 'Failing item', tone: 'danger' },
  unverified: { label: 'Not verified', tone: 'neutral' },
  manual: { label: 'Added by hand', tone: 'info' },
  'cannot-run': { label: 'Check could not run', tone: 'warning' },
};

type RiskRef = Pick<RankedRisk, 'source' | 'id'>;

/** The row's anchor on the risk page; go / no-go reasons link to `risks#finding-<id>`. */
export function riskAnchor(risk: RiskRef): string {
  switch (risk.source) {
    case 'finding':
      return `finding-${risk.id}`;
    case 'item':
      return `item-${risk.id}`;
    case 'manual':
      return `manual-${risk.id}`;
    case 'check':
      return `check-${risk.id}`;
  }
}

/** What to do about it, in one sentence: the check's fix, or the next step for an item. */
export function riskFix(risk: Pick<RankedRisk, 'state' | 'fix'>): string | null {
  if (risk.fix) return risk.fix;
  if (risk.state === 'failing') return 'Open the item, fix what failed and mark it passed (or say why it does not apply).';
  if (risk.state === 'unverified') return 'Check it and add the evidence on its stage page.';
  return null;
}

/** Where the action of a check that could not run is done, as a link label. */
export const ACTION_LINKS: Record<NonNullable<RankedRisk['actionWhere']>, string> = {
  settings: 'Open project settings',
  'settings#ownership': 'Verify domain ownership',
  'stages/performance#chatbot': 'Set up the chatbot checks',
};

export const shortDate = (value: string | Date) => formatDate(value);
