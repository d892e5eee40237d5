/** The executive summary: a few sentences a founder reads first. */
import type { HandoverDocument } from './types';

const VERDICT_WORDS = { go: 'ready to launch', 'no-go': 'not ready to launch', 'not-yet': 'not ready yet' } as const;

export function writeSummary(doc: Omit<HandoverDocument, 'summary' | 'redactions'>): string[] {
  const { cover } = doc;
  const done = doc.stages.filter((s) => s.progress === 100).length;
  const failing = doc.risks.filter((r) => r.state === 'failing');
  const lines = [
    `${cover.projectName} is ${VERDICT_WORDS[cover.verdict]}${cover.readinessScore === null ? '' : `, with a readiness score of ${cover.readinessScore} out of 100`}. ${done} of ${doc.stages.length} roadmap stages ${done === 1 ? 'is' : 'are'} complete.`,
  ];
  if (cover.decision) {
    lines.push(`The latest recorded decision (${cover.decision.decidedAt}) is ${cover.decision.decision === 'go' ? 'go' : 'no-go'}: ${cover.decision.reason}`);
  }
  if (cover.verdictReasons.length > 0) lines.push(`Why: ${cover.verdictReasons.slice(0, 3).map((r) => r.replace(/\.$/, '')).join('; ')}${cover.verdictReasons.length > 3 ? `; and ${cover.verdictReasons.length - 3} more` : ''}.`);
  const top = doc.risks.slice(0, 3).map((r) => r.title.replace(/\.$/, ''));
  if (top.length > 0) lines.push(`${doc.risks.length} open risks${failing.length > 0 ? `, ${failing.length} of them failing` : ''}. Fix first: ${top.join('; ')}.`);
  else lines.push('There are no open risks.');
  lines.push(
    doc.gaps.length === 0
      ? 'This pack is complete: every section is filled from measured data or written records.'
      : `This pack has ${doc.gaps.length} gaps, listed in the last section with where to fix each one.`,
  );
  return lines;
}
