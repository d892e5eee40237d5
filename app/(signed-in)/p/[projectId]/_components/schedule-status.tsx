/**
 * What the scheduled checks will do next and how the last one went, in words. Presentational:
 * the overview (server) and the settings card (client) both render it.
 */
import type { inferRouterOutputs } from '@trpc/server';
import { Alert } from '@/components/ui/alert';
import type { AppRouter } from '@/server/trpc/root';
import { describeSchedule, whenUtc } from '@/server/scheduled-checks/words';

export type ScheduleView = inferRouterOutputs<AppRouter>['checks']['schedule'];

const LAST_WORDS = { done: 'finished', failed: 'did not finish', running: 'still running' } as const;

export function ScheduleStatus({ schedule }: { schedule: ScheduleView }) {
  if (schedule.frequency === 'off') {
    return <p className="text-sm text-fg-muted">Scheduled checks are off: the checks run only when someone presses “Run all checks”.</p>;
  }
  const { nextRunAt, running, lastRun, lastError, overdue } = schedule;
  return (
    <div className="grid gap-2 text-sm">
      <p className="text-fg">
        Runs again on its own {describeSchedule(schedule)}.{' '}
        {running ? (
          <>A scheduled run is going now (started {whenUtc(running.startedAt)}).</>
        ) : nextRunAt ? (
          <>
            Next run due <time dateTime={nextRunAt.toISOString()} className="font-medium">{whenUtc(nextRunAt)}</time>.
          </>
        ) : null}
      </p>
      <p className="text-fg-muted">
        {lastRun ? `Last scheduled run: ${whenUtc(lastRun.startedAt)}, ${LAST_WORDS[lastRun.status]}.` : 'No scheduled run yet.'} New or returning critical and high findings
        are sent to the project’s alert channels.
      </p>
      {overdue && nextRunAt ? (
        <Alert tone="warning" title="The scheduled run is late">
          The run due {whenUtc(nextRunAt)} has not started: no worker is picking scheduled checks up. With PostgreSQL, keep at least one <code>npm run worker</code> running.
        </Alert>
      ) : null}
      {lastError ? (
        <Alert tone="danger" title="A scheduled run could not finish">
          <span className="break-words">{lastError}</span>
        </Alert>
      ) : null}
    </div>
  );
}
