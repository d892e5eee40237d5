'use client';
/**
 * One checklist item: status at a glance and changeable in one step; details (owner, due date,
 * notes, evidence, comments) open below. What a person may change follows their permissions.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { Alert } from '@/components/ui/alert';
import { IMPACT_LABELS, SEVERITY_LABELS, SEVERITY_TONES, STATUS_OPTIONS, statusOption, type ImpactValue, type ItemStatusValue, type SeverityValue } from '@/components/roadmap/labels';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { StageKey } from '@/lib/vocabulary/projects';
import { useStageMutations } from './use-stage-mutations';
import { ItemFindings } from './item-findings';
import { CheckConfirmation, PassDialog } from './pass-controls';
import { formatDate } from '@/components/ui/dates';
import { ItemDetails, useItemDetailsKey } from './item-details';

export type EvidenceView = { id: string; kind: 'note' | 'link' | 'check'; body: string; url: string | null; checkStatus: 'pass' | 'warn' | 'fail' | 'error' | 'skipped' | null; author: string | null; createdAt: string };

/**
 * What the stage page sends for an item: its summary. Details, notes, the full evidence and the
 * comments are loaded when the person opens them (item-details.tsx).
 */
export type ItemView = {
  id: string;
  kind: 'check' | 'deliverable';
  title: string;
  severity: SeverityValue;
  impact: ImpactValue;
  automatedCheck: string | null;
  /** Whether a passing result of that check passes the item, or waits for a person to confirm. */
  checkRole: 'verifies' | 'supports' | null;
  status: ItemStatusValue;
  notApplicableReason: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerLabel: string | null;
  dueDate: string | null;
  statusSource: 'person' | 'check';
  overrideReason: string | null;
  /** What a Passed would rest on; null: the person must give a note or link. */
  passBasis: 'record' | 'check' | null;
  /** The evidence a Passed rests on (the latest notes and links, else the passing check result). */
  passEvidence: EvidenceView[];
  /** The latest check result, shown when its check passed but only supports the item. */
  latestCheck: EvidenceView | null;
  /** Its check passed but only supports it. */
  awaitingConfirmation: boolean;
  /** What the check does not test (supported items). */
  checkGap: string | null;
  evidenceCount: number;
  commentCount: number;
};

type Props = {
  projectId: string;
  stageKey: StageKey;
  item: ItemView;
  canUpdate: boolean;
  canComment: boolean;
};

/** Passed and failed items look it in the editor too, not only in the read-only badge. */
const STATUS_BORDERS: Partial<Record<ItemStatusValue, string>> = { passed: 'border-success-200', failed: 'border-danger-200' };
const STATUS_CONTROLS: Partial<Record<ItemStatusValue, string>> = {
  passed: 'border-success-600 bg-success-50 font-medium text-success-700',
  failed: 'border-danger-600 bg-danger-50 font-medium text-danger-700',
};

export function ChecklistItemCard({ projectId, stageKey, item, canUpdate, canComment }: Props) {
  const mutations = useStageMutations(stageKey);
  const [naOpen, setNaOpen] = useState(false);
  const [passOpen, setPassOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const { errors, submit } = useFormAction();
  const queryClient = useQueryClient();
  const detailsKey = useItemDetailsKey(projectId, stageKey, item.id);
  // A status change can add evidence (Passed): open details show it at once.
  const run: typeof submit = async (action, options) => {
    const ok = await submit(action, options);
    if (ok) await queryClient.invalidateQueries({ queryKey: detailsKey });
    return ok;
  };
  const status = statusOption(item.status);
  const today = new Date().toISOString().slice(0, 10);
  const overdue = item.dueDate !== null && item.dueDate < today && item.status !== 'passed' && item.status !== 'not_applicable';

  function onStatusChange(next: ItemStatusValue) {
    if (next === 'not_applicable') return setNaOpen(true);
    if (next === 'passed') return setPassOpen(true);
    void run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: next }), { success: `Marked as ${statusOption(next).label.toLowerCase()}` });
  }

  async function onPass(evidence: { body: string; url: string | null } | undefined) {
    const ok = await run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: 'passed', ...(evidence ? { evidence } : {}) }), { success: 'Marked as passed' });
    if (ok) setPassOpen(false);
  }

  function onConfirm() {
    void run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: 'passed' }), { success: 'Confirmed as passed' });
  }

  async function onNotApplicable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason'));
    const ok = await run(() => mutations.updateItem.mutateAsync({ projectId, itemId: item.id, status: 'not_applicable', notApplicableReason: reason }), { success: 'Marked as not applicable' });
    if (ok) setNaOpen(false);
  }

  return (
    <article aria-labelledby={`item-${item.id}`} className={cn('rounded-lg border bg-surface', STATUS_BORDERS[item.status] ?? 'border-border')}>
      <div className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="grid min-w-0 gap-1.5">
          <h3 id={`item-${item.id}`} className={cn('font-medium text-fg', item.status === 'not_applicable' && 'text-fg-muted line-through')}>
            {item.title}
          </h3>
          <div className="flex flex-wrap items-center gap-1.5 text-xs">
            <Badge tone={SEVERITY_TONES[item.severity]}>{SEVERITY_LABELS[item.severity]}</Badge>
            <Badge>{item.kind === 'check' ? 'Check' : 'Deliverable'}</Badge>
            <span className="text-fg-muted">{IMPACT_LABELS[item.impact]}</span>
            {item.automatedCheck ? (
              <span className="text-fg-muted">
                · {item.overrideReason
                  ? `kept by a person over the ${item.automatedCheck} check`
                  : item.checkRole === 'verifies'
                    ? item.statusSource === 'check'
                      ? `set by the ${item.automatedCheck} check`
                      : `settled by the ${item.automatedCheck} check`
                    : `the ${item.automatedCheck} check supports it; a person confirms`}
              </span>
            ) : null}
            {item.ownerLabel ? <span className="text-fg-muted">· {item.ownerLabel}</span> : null}
            {item.dueDate ? <span className={overdue ? 'font-medium text-danger-700' : 'text-fg-muted'}>· due {formatDate(item.dueDate)}{overdue ? ' (overdue)' : ''}</span> : null}
          </div>
          {item.status === 'not_applicable' && item.notApplicableReason ? <p className="text-sm text-fg-muted">Not applicable: {item.notApplicableReason}</p> : null}
          <ItemFindings checkId={item.automatedCheck} />
        </div>
        {canUpdate ? (
          <Select
            aria-label={`Status of “${item.title}”`}
            value={item.status}
            onChange={(e) => onStatusChange(e.target.value as ItemStatusValue)}
            containerClassName="w-40! shrink-0"
            className={STATUS_CONTROLS[item.status]}
          >
            {STATUS_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        ) : (
          <Badge tone={status.tone} dot className="shrink-0 self-start">
            {status.label}
          </Badge>
        )}
      </div>

      {item.awaitingConfirmation ? <CheckConfirmation item={item} canUpdate={canUpdate} pending={mutations.updateItem.isPending} onConfirm={onConfirm} /> : null}

      <details className="group border-t border-border" onToggle={(e) => setDetailsOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer px-4 py-2 text-sm text-fg-muted select-none hover:text-fg">
          Details{item.evidenceCount > 0 ? ` · ${item.evidenceCount} evidence` : ''}
          {item.commentCount > 0 ? ` · ${item.commentCount} comment${item.commentCount === 1 ? '' : 's'}` : ''}
        </summary>
        {detailsOpen ? <ItemDetails projectId={projectId} stageKey={stageKey} item={item} canUpdate={canUpdate} canComment={canComment} /> : null}
      </details>

      {/* Mounted only while open: two closed dialogs per item were ~0.5 KB of each card's HTML. */}
      {passOpen ? (
        <PassDialog item={item} open onOpenChange={setPassOpen} errors={errors} pending={mutations.updateItem.isPending} onPass={(evidence) => void onPass(evidence)} />
      ) : null}

      {naOpen ? (
      <Dialog
        open
        onOpenChange={setNaOpen}
        title="Mark as not applicable"
        description="Items that do not apply leave the readiness score. Say why, so the next person understands."
      >
        <form method="post" onSubmit={onNotApplicable} className="grid gap-3" noValidate>
          {errors.notApplicableReason ? <Alert tone="danger" role="alert">{errors.notApplicableReason}</Alert> : null}
          <Field label="Reason">
            <Textarea name="reason" rows={3} maxLength={500} required data-autofocus />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setNaOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={mutations.updateItem.isPending}>
              Mark not applicable
            </Button>
          </div>
        </form>
      </Dialog>
      ) : null}
    </article>
  );
}
