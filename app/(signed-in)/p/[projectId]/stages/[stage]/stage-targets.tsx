import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { StageKey } from '@/lib/vocabulary/projects';
import type { Targets } from '@/lib/vocabulary/roadmap-template';

const SHOWN_ON: StageKey[] = ['audit', 'performance', 'observability'];

/** The playbook's numeric targets, on the stages where they are measured. */
export function StageTargets({ stageKey, targets }: { stageKey: StageKey; targets: Targets }) {
  if (!SHOWN_ON.includes(stageKey)) return null;
  const rows = [
    { label: 'p95, common reads', value: `${targets.commonReadP95Ms} ms` },
    targets.heavyActionP95Ms ? { label: 'p95, heavier signed-in actions', value: `${targets.heavyActionP95Ms} ms` } : null,
    targets.chatStartP95Ms ? { label: 'p95, chat reply starts', value: `${targets.chatStartP95Ms} ms` } : null,
    targets.chatResponseP95Ms ? { label: 'p95, full chat reply', value: `${targets.chatResponseP95Ms} ms` } : null,
    targets.uptimePercent ? { label: 'Uptime', value: `${targets.uptimePercent}%` } : null,
    targets.loginSuccessPercent ? { label: 'Login success', value: `${targets.loginSuccessPercent}%` } : null,
  ].filter((row): row is { label: string; value: string } => row !== null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Targets</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-2 text-sm">
          {rows.map((row) => (
            <div key={row.label} className="flex justify-between gap-3">
              <dt className="text-fg-muted">{row.label}</dt>
              <dd className="font-medium tabular-nums text-fg">{row.value}</dd>
            </div>
          ))}
        </dl>
        {targets.notes.length > 0 ? (
          <ul className="mt-3 grid gap-1 text-xs text-fg-muted">
            {targets.notes.map((note) => (
              <li key={note.key}>{note.text}</li>
            ))}
          </ul>
        ) : null}
      </CardContent>
    </Card>
  );
}
