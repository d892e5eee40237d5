/**
 * What the stage page sends for each item (ItemView): the summary the card shows, plus the little
 * evidence that the Passed dialog and a check's confirmation show. The rest is loaded on demand.
 */
import type { loadStageView } from '@/server/trpc/routers/stages/stage-view';
import type { EvidenceView, ItemView } from './checklist-item-card';

type StageItem = Awaited<ReturnType<typeof loadStageView>>['items'][number];

const evidenceView = (e: StageItem['evidence'][number]): EvidenceView => ({ id: e.id, kind: e.kind, body: e.body, url: e.url, checkStatus: e.checkStatus, author: e.author, createdAt: e.createdAt.toISOString() });

/** The evidence a Passed rests on: the person's latest notes and links, else the passing check result. */
function passEvidence(item: StageItem): StageItem['evidence'] {
  if (item.passBasis === 'record') return item.evidence.filter((e) => e.kind !== 'check').slice(-3);
  const check = item.evidence.findLast((e) => e.kind === 'check');
  return item.passBasis === 'check' && check ? [check] : [];
}

export function itemSummary(item: StageItem): ItemView {
  const latestCheck = item.evidence.findLast((e) => e.kind === 'check');
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    severity: item.severity,
    impact: item.impact,
    automatedCheck: item.automatedCheck,
    checkRole: item.checkRole,
    status: item.status,
    notApplicableReason: item.notApplicableReason,
    ownerUserId: item.ownerUserId,
    ownerName: item.ownerName,
    ownerLabel: item.ownerLabel,
    dueDate: item.dueDate,
    statusSource: item.statusSource,
    overrideReason: item.overrideReason,
    passBasis: item.passBasis,
    passEvidence: passEvidence(item).map(evidenceView),
    latestCheck: item.awaitingConfirmation && latestCheck ? evidenceView(latestCheck) : null,
    awaitingConfirmation: item.awaitingConfirmation,
    checkGap: item.checkGap,
    evidenceCount: item.evidence.length,
    commentCount: item.comments.length,
  };
}
