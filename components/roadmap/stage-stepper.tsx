import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';

export type StepperStage = { key: string; label: string; progress: number; href: string };

/** The seven stages in order (audit → … → handover), each with its progress; the current one is marked. */
export function StageStepper({ stages, currentKey }: { stages: StepperStage[]; currentKey?: string }) {
  return (
    <nav aria-label="Roadmap stages" className="overflow-x-auto">
      <ol className="flex min-w-max gap-1">
        {stages.map((stage, index) => {
          const current = stage.key === currentKey;
          const done = stage.progress === 100;
          return (
            <li key={stage.key} className="flex items-center gap-1">
              <Link
                href={stage.href}
                aria-current={current ? 'step' : undefined}
                className={cn(
                  'flex items-center gap-2 rounded-control border px-3 py-2 text-sm transition-colors',
                  current ? 'border-brand-300 bg-brand-50 text-brand-800' : 'border-border bg-surface text-fg hover:bg-surface-muted',
                )}
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    'flex size-5 items-center justify-center rounded-full text-xs font-semibold',
                    done ? 'bg-success-600 text-white' : current ? 'bg-brand-600 text-white' : 'bg-surface-sunken text-fg-muted',
                  )}
                >
                  {done ? <CheckIcon strokeWidth={3.5} className="size-3" /> : index + 1}
                </span>
                <span className="font-medium">{stage.label}</span>
                <span className="text-xs text-fg-muted tabular-nums">{stage.progress}%</span>
              </Link>
              {index < stages.length - 1 ? <span aria-hidden="true" className="h-px w-3 bg-border-strong" /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
