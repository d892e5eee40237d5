/** One ranked risk: what it is, where, how to fix it, what it blocks, who owns it — and, for editors, what they can do. */
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { IMPACT_LABELS, SEVERITY_LABELS, SEVERITY_TONES } from '@/components/roadmap/labels';
import type { RankedRisk } from '@/server/roadmap/risks';
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import { FindingActions, type FindingOwner, type Member } from './finding-forms';
import { FindingHistory } from './finding-history';
import { RiskStatusButton } from './risk-forms';
import { ACTION_LINKS, RISK_STATES, riskAnchor, riskFix, shortDate } from './risk-view';

type Props = { projectId: string; risk: RankedRisk; canEdit: boolean; members: readonly Member[]; owner: FindingOwner | null };

/** Rows are link targets (go / no-go reasons, "Fix first"): the one linked to is highlighted. */
export const TARGET_ROW = 'scroll-mt-20 rounded-card border border-border bg-surface p-4 target:border-brand-500 target:bg-brand-50 target:ring-2 target:ring-brand-200';

export function RiskRow({ projectId, risk, canEdit, members, owner }: Props) {
  const base = `/p/${projectId}`;
  const today = new Date().toISOString().slice(0, 10);
  const overdue = risk.deadline !== null && risk.deadline < today;
  const fix = riskFix(risk);
  const titleHref = risk.source === 'item' && risk.stageKey ? `${base}/stages/${risk.stageKey}#item-${risk.id}` : null;
  return (
    <li id={riskAnchor(risk)} className={TARGET_ROW}>
      <div className="flex gap-3">
        <span className="w-6 shrink-0 pt-0.5 text-right text-sm font-semibold text-fg-muted tabular-nums">
          <span className="sr-only">Fix order </span>
          {risk.rank}
        </span>
        <div className="grid min-w-0 flex-1 gap-2">
          <h3 className="font-medium break-words text-fg">
            {titleHref ? (
              <Link className="hover:text-brand-700 hover:underline" href={titleHref}>
                {risk.title}
              </Link>
            ) : (
              risk.title
            )}
          </h3>
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <Badge tone={RISK_STATES[risk.state].tone}>{RISK_STATES[risk.state].label}</Badge>
            <Badge tone={SEVERITY_TONES[risk.severity]}>{SEVERITY_LABELS[risk.severity]}</Badge>
            <span className="text-fg-muted">{IMPACT_LABELS[risk.impact]}</span>
            {risk.stageKey ? <span className="text-fg-muted">· {STAGE_LABELS[risk.stageKey]}</span> : null}
          </div>
          {risk.subject ? (
            <p className="text-sm">
              <span className="text-fg-muted">Where: </span>
              <code className="font-mono text-xs break-words text-fg">{risk.subject}</code>
            </p>
          ) : null}
          {fix ? (
            <p className="text-sm text-fg">
              <span className="font-medium">How to fix: </span>
              {fix}
              {risk.actionWhere ? (
                <>
                  {' '}
                  <Link className="font-medium whitespace-nowrap text-brand-700 hover:underline" href={`${base}/${risk.actionWhere}`}>
                    {ACTION_LINKS[risk.actionWhere]} →
                  </Link>
                </>
              ) : null}
            </p>
          ) : null}
          {risk.blocks.length > 0 ? (
            <p className="text-sm">
              <span className="text-fg-muted">Blocks: </span>
              {risk.blocks.map((item, index) => (
                <span key={item.id}>
                  {index > 0 ? ', ' : ''}
                  <Link className="text-brand-700 hover:underline" href={`${base}/stages/${item.stageKey}#item-${item.id}`}>
                    {item.title}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
          <p className="text-xs text-fg-muted">
            {risk.owner ? `Owner: ${risk.owner}` : 'No owner yet'}
            {risk.deadline ? <span className={overdue ? 'font-medium text-danger-700' : undefined}> · due {shortDate(risk.deadline)}{overdue ? ' (overdue)' : ''}</span> : null}
            {risk.firstSeenAt ? ` · first seen ${shortDate(risk.firstSeenAt)}` : null}
          </p>
          {risk.source === 'finding' ? (
            <>
              {canEdit && owner ? (
                <FindingActions
                  projectId={projectId}
                  findingId={risk.id}
                  title={risk.title}
                  accepted={risk.state === 'acceptance-expired'}
                  canAccept
                  owner={owner}
                  members={members}
                />
              ) : null}
              <FindingHistory projectId={projectId} findingId={risk.id} />
            </>
          ) : null}
          {risk.source === 'manual' && canEdit ? (
            <div>
              <RiskStatusButton projectId={projectId} riskId={risk.id} />
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
}
