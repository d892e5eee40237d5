/**
 * The playbook's own advice on the overview: the minimum bar before launch and, for a rescue
 * sprint, the seven days in order with their dates (from the project's start) and stages.
 */
import Link from 'next/link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { STAGE_LABELS } from '@/lib/vocabulary/projects';
import type { AppRouter } from '@/server/trpc/root';
import type { inferRouterOutputs } from '@trpc/server';

type Advice = inferRouterOutputs<AppRouter>['roadmap']['advice'];

const dayLabel = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });

export function MinimumBarCard({ advice }: { advice: Advice }) {
  if (advice.minimumBar.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>The minimum bar before launch</CardTitle>
        <CardDescription>What the {advice.playbook} playbook asks for at the least. The stages below check each part.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid list-disc gap-1.5 pl-5 text-sm text-fg sm:columns-2 sm:gap-x-8 [&>li]:break-inside-avoid">
          {advice.minimumBar.map((line) => (
            <li key={line.key}>{line.text}</li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

export function RescuePlanCard({ projectId, advice }: { projectId: string; advice: Advice }) {
  if (!advice.rescue) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>The rescue sprint, day by day</CardTitle>
        <CardDescription>Dated from the day the project started; each day links to the stage that holds its work.</CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-4" aria-label="Rescue days">
          {advice.rescue.days.map((d) => (
            <li key={d.day} className="grid gap-1 sm:grid-cols-[7.5rem_1fr] sm:gap-4">
              <div className="text-sm">
                <span className="font-semibold text-fg">Day {d.day}</span> <span className="text-fg-muted">· {dayLabel(d.date)}</span>
              </div>
              <div className="grid gap-1">
                <p className="text-sm font-medium text-fg">
                  {d.title}
                  {d.stageKey ? (
                    <>
                      {' '}
                      <Link href={`/p/${projectId}/stages/${d.stageKey}`} className="font-normal whitespace-nowrap text-brand-700 hover:underline">
                        {STAGE_LABELS[d.stageKey]} →
                      </Link>
                    </>
                  ) : null}
                </p>
                <ul className="grid list-disc gap-1 pl-5 text-sm text-fg-muted">
                  {d.lines.map((line) => (
                    <li key={line.key}>{line.text}</li>
                  ))}
                </ul>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}

/** For the go / no-go page: when a rescue is the wrong thing to pay for. */
export function WhenNotToBuyCard({ advice }: { advice: Advice }) {
  if (!advice.rescue || advice.rescue.whenNotToBuy.length === 0) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle>When a rescue is the wrong buy</CardTitle>
        <CardDescription>From the {advice.playbook} playbook: check these before committing to the sprint.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid list-disc gap-1.5 pl-5 text-sm text-fg">
          {advice.rescue.whenNotToBuy.map((line) => (
            <li key={line.key}>{line.text}</li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
