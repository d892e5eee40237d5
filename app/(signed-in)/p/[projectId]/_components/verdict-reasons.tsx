/** The reasons behind the go / no-go recommendation, each linking to the evidence it rests on. */
import Link from 'next/link';
import type { VerdictReason } from '@/server/roadmap/recommendation';

const LEVEL_CLASS: Record<VerdictReason['level'], string> = { 'no-go': 'text-danger-700', 'not-yet': 'text-fg', ok: 'text-fg' };

export function VerdictReasons({ projectId, reasons, limit }: { projectId: string; reasons: readonly VerdictReason[]; limit?: number }) {
  const shown = limit ? reasons.slice(0, limit) : reasons;
  return (
    <ul className="grid list-disc gap-1 pl-5 text-sm" aria-label="Reasons for the recommendation">
      {shown.map((reason, index) => (
        <li key={`${reason.kind}-${index}`} className={LEVEL_CLASS[reason.level]}>
          {reason.href !== null ? (
            <Link className="hover:text-brand-700 hover:underline" href={`/p/${projectId}${reason.href ? `/${reason.href}` : ''}`}>
              {reason.text}
            </Link>
          ) : (
            reason.text
          )}
        </li>
      ))}
      {limit && reasons.length > limit ? <li className="text-fg-muted">and {reasons.length - limit} more</li> : null}
    </ul>
  );
}
