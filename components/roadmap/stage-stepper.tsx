import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { CheckIcon } from '@/components/ui/icons';

export type StepperStage = { key: string; label: string; progress: number; href: string };

/**
 * The seven stages in order (audit → … → handover), each with its progress; the current one is
 * marked. All seven always show: on a phone as a row of numbered steps (the names stay in each
 * link's accessible name; the page title names the current one), from `sm` up with their names,
 * wrapping onto a second line rather than hiding stages behind a scroll.
 */
export function StageStepper({ stages, currentKey }: { stages: StepperStage[]; currentKey?: string }) {
  return (
    <nav aria-label="Roadmap stages">
      <ol className="grid grid-cols-7 gap-1 sm:flex sm:flex-wrap sm:gap-y-2">
        {stages.map((stage, index) => {
          const current = stage.key === currentKey;
          const done = stage.progress === 100;
          return (
            <li key={stage.key} className="flex items-center gap-1">
              <Link
                href={stage.href}
                aria-current={current ? 'step' : undefined}
                title={stage.label}
                className={cn(
                  'flex w-full flex-col items-center gap-1 rounded-control border px-1 py-1.5 text-sm transition-colors sm:w-auto sm:flex-row sm:gap-2 sm:px-3 sm:py-2',
                  current ? 'border-brand-300 bg-brand-50 text-brand-800' : 'border-border bg-surface text-fg hover:bg-surface-muted',
                )}
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    'flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-semibold',
                    done ? 'bg-success-600 text-white' : current ? 'bg-brand-600 text-white' : 'bg-surface-sunken text-fg-muted',
                  )}
                >
                  {done ? <CheckIcon strokeWidth={3.5} className="size-3" /> : index + 1}
                </span>
                <span className="sr-only font-medium sm:not-sr-only sm:whitespace-nowrap">{stage.label}</span>
                <span className="text-[0.6875rem] text-fg-muted tabular-nums sm:text-xs">{stage.progress}%</span>
              </Link>
              {index < stages.length - 1 ? <span aria-hidden="true" className="hidden h-px w-3 bg-border-strong sm:block" /> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
