/** The monitoring page's journeys: each with its 24-hour and 7-day success rate against its target. */
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button-link';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { formatUptime } from '@/components/charts/format';
import { every, StateBadge, when } from './labels';

type Rate = { runs: number; passed: number; percent: number | null; sentence: string; meetsTarget: boolean | null };
export type JourneyRow = {
  id: string;
  name: string;
  kind: 'sign-in' | 'api' | 'browser';
  enabled: boolean;
  state: 'pending' | 'up' | 'down' | 'degraded';
  intervalSeconds: number;
  stepCount: number;
  lastRunAt: Date | null;
  lastOk: boolean | null;
  lastError: string | null;
  target: { percent: number; label: string };
  last24h: Rate;
  last7d: Rate;
};

export const KIND_LABEL = { 'sign-in': 'Sign-in', api: 'API', browser: 'Browser' } as const;

export function RateCell({ rate, enabled }: { rate: Rate; enabled: boolean }) {
  return (
    <>
      <span className={rate.meetsTarget === false ? 'font-medium text-danger-700' : undefined}>{formatUptime(rate.percent)}</span>
      {rate.meetsTarget === false ? <span className="sr-only"> (under target)</span> : null}
      <div className="text-xs text-fg-muted">{rate.runs > 0 ? rate.sentence : enabled ? 'no runs yet' : 'paused'}</div>
    </>
  );
}

export function JourneysCard({ projectId, journeys, canEdit }: { projectId: string; journeys: JourneyRow[]; canEdit: boolean }) {
  const base = `/p/${projectId}/monitors/journeys`;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Journeys</CardTitle>
        <CardDescription>
          Several requests in a row, as a person would make them: sign in with a test account, then load a page only a signed-in person sees. Success rate = runs that passed ÷ runs that ran. The
          playbooks ask for more than 99 % of test sign-ins to succeed.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {canEdit ? (
          // In the content, not the header's actions: two buttons beside the title overflow a phone.
          <div className="flex flex-wrap gap-2">
            <ButtonLink variant="secondary" href={`${base}/new`}>
              Add a sign-in journey
            </ButtonLink>
            <ButtonLink variant="secondary" href={`${base}/new?kind=api`}>
              Add an API journey
            </ButtonLink>
            <ButtonLink variant="secondary" href={`${base}/new?kind=browser`}>
              Add a browser journey
            </ButtonLink>
          </div>
        ) : null}
        {journeys.length === 0 ? (
          <p className="text-sm text-fg-muted">No journey yet. Without one, nothing measures whether people can actually sign in.</p>
        ) : (
          <Table aria-label="Journeys">
            <THead>
              <TR>
                <TH className="min-w-56">Journey</TH>
                <TH>State</TH>
                <TH>Last run</TH>
                <TH className="text-right">Success, 24 h</TH>
                <TH className="text-right">Success, 7 days</TH>
              </TR>
            </THead>
            <TBody>
              {journeys.map((j) => (
                <TR key={j.id}>
                  <TD>
                    <Link href={`${base}/${j.id}`} className="font-medium hover:text-brand-700 hover:underline">
                      {j.name}
                    </Link>
                    <div className="text-xs text-fg-muted">
                      {KIND_LABEL[j.kind]} · {j.stepCount} step{j.stepCount === 1 ? '' : 's'} · {every(j.intervalSeconds)} · target {j.target.label}
                    </div>
                  </TD>
                  <TD>
                    <StateBadge state={j.state} enabled={j.enabled} />
                    {j.lastOk === false && j.lastError ? <div className="mt-1 max-w-xs text-xs break-words text-danger-700">{j.lastError}</div> : null}
                  </TD>
                  <TD className="text-sm text-fg-muted">{when(j.lastRunAt)}</TD>
                  <TD className="text-right tabular-nums">
                    <RateCell rate={j.last24h} enabled={j.enabled} />
                  </TD>
                  <TD className="text-right tabular-nums">
                    <RateCell rate={j.last7d} enabled={j.enabled} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
