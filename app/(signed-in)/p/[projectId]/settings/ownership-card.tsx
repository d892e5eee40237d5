'use client';
/**
 * Proof that the project owns its domain: a DNS TXT record or a file on the site holding a code we
 * issue. The checks that send real traffic (a burst of failed sign-ins, latency bursts) only run
 * once it is verified.
 */
import { useMutation } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { useTRPC } from '@/app/_lib/trpc';
import { useFormAction } from '@/app/_lib/use-form-action';
import type { AppRouter } from '@/server/trpc/root';
import { ConfirmButton } from '@/components/ui/confirm-button';
import { formatDateTime } from '@/components/ui/dates';

type Ownership = inferRouterOutputs<AppRouter>['checks']['ownership'];
type Attempt = inferRouterOutputs<AppRouter>['checks']['verifyOwnership']['attempts'][number];

const when = (at: Date) => formatDateTime(at);

/** How it was verified, in words; the column holds an OwnershipMethod. */
function methodText(method: string, domain: string): string {
  if (method === 'dns-txt') return `a DNS TXT record on ${domain}`;
  if (method === 'dns-txt-subdomain') return `a DNS TXT record on _launch-ready.${domain}`;
  if (method === 'well-known') return `the file at https://${domain}/.well-known/launch-ready.txt`;
  return method;
}

const OUTCOMES: Record<Attempt['outcome'], string> = { found: 'code found', absent: 'code not there', failed: 'could not look' };

/** A value to copy into a DNS panel or a file, shown whole (it wraps rather than scrolls). */
function Value({ label, note, children }: { label: string; note?: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[6rem_1fr] sm:gap-2">
      <dt className="text-xs font-medium text-fg-muted uppercase sm:pt-1">{label}</dt>
      <dd className="min-w-0">
        <code className="block rounded-control bg-surface-sunken px-2 py-1 font-mono text-xs break-all text-fg select-all">{children}</code>
        {note ? <span className="text-xs text-fg-muted">{note}</span> : null}
      </dd>
    </div>
  );
}

export function OwnershipCard({ projectId, ownership, canEdit }: { projectId: string; ownership: Ownership; canEdit: boolean }) {
  const trpc = useTRPC();
  const issue = useMutation(trpc.checks.issueOwnershipToken.mutationOptions());
  const verify = useMutation(trpc.checks.verifyOwnership.mutationOptions());
  const { submit } = useFormAction();
  const toast = useToast();
  const [attempts, setAttempts] = useState<Attempt[] | null>(null);
  const { domain, instructions } = ownership;
  const verified = ownership.verifiedAt !== null;

  const onIssue = () =>
    submit(() => issue.mutateAsync({ projectId }).then(() => setAttempts(null)), {
      success: 'Verification code ready',
      successDetail: 'Add it as a DNS record or a file, then press “Check now”.',
      failure: 'Could not make a code',
    });
  const onVerify = () =>
    submit(
      () =>
        verify.mutateAsync({ projectId }).then((result) => {
          setAttempts(result.verified ? null : result.attempts);
          if (result.verified) toast.success(`${domain} verified`, 'The checks that send traffic run from the next check run.');
        }),
      { failure: 'Could not check' },
    );

  return (
    <Card id="ownership" className="scroll-mt-20 target:ring-2 target:ring-brand-200">
      <CardHeader actions={verified ? <Badge tone="success" dot>Verified</Badge> : <Badge tone="warning" dot>Not verified</Badge>}>
        <CardTitle>Domain ownership</CardTitle>
        <CardDescription>
          Two checks send real traffic to {domain}: a short burst of failed sign-ins to see that your rate limit holds, and bursts of requests to measure
          latency. They only run on a domain you have shown is yours.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        {verified && ownership.verifiedAt ? (
          <p className="text-fg">
            Verified on {when(ownership.verifiedAt)} UTC{ownership.method ? ` through ${methodText(ownership.method, domain)}` : ''}. Keep the record or file in
            place; a new code would need verifying again.
          </p>
        ) : null}
        {!instructions ? (
          <p className="text-fg">
            {canEdit ? 'Get a verification code, put it in a DNS record or a file on your site, and press “Check now”.' : 'Someone with edit rights can verify it here.'}
          </p>
        ) : null}
        {!verified && ownership.lastCheckedAt ? (
          <Alert tone="warning" title={`Last checked ${when(ownership.lastCheckedAt)} UTC: not verified yet`}>
            <p className="break-words">{ownership.lastError ?? 'The code was not found.'}</p>
            <p>DNS changes can take a few minutes (sometimes hours) to show: check again later.</p>
          </Alert>
        ) : null}
        {attempts ? (
          <Alert tone="danger" role="alert" title="The code was not found">
            <ul className="grid gap-0.5">
              {attempts.map((a) => (
                <li key={a.method} className="break-words">
                  {a.location}: {OUTCOMES[a.outcome]}
                  {a.detail ? ` (${a.detail})` : ''}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {instructions && !verified ? (
          <div className="grid gap-4">
            <p className="text-fg">Do one of these — whichever is easiest with your DNS provider or host — then press “Check now”.</p>
            <section aria-label="Option 1: DNS TXT record on the domain" className="grid gap-2">
              <h3 className="font-medium text-fg">1. A TXT record on {domain}</h3>
              <dl className="grid gap-2">
                <Value label="Name" note="Many DNS panels write the domain itself as “@”.">
                  {instructions.dnsTxt.name}
                </Value>
                <Value label="Type">TXT</Value>
                <Value label="Value">{instructions.dnsTxt.value}</Value>
              </dl>
            </section>
            <section aria-label="Option 2: DNS TXT record on a subdomain" className="grid gap-2">
              <h3 className="font-medium text-fg">2. Or a TXT record on _launch-ready.{domain}</h3>
              <p className="text-fg-muted">Use this if the domain already has many TXT records.</p>
              <dl className="grid gap-2">
                <Value label="Name">{instructions.dnsTxtSubdomain.name}</Value>
                <Value label="Type">TXT</Value>
                <Value label="Value">{instructions.dnsTxtSubdomain.value}</Value>
              </dl>
            </section>
            <section aria-label="Option 3: a file on the site" className="grid gap-2">
              <h3 className="font-medium text-fg">3. Or a file on the site</h3>
              <dl className="grid gap-2">
                <Value label="Address">{instructions.wellKnown.url}</Value>
                <Value label="Contents">{instructions.wellKnown.content}</Value>
              </dl>
            </section>
          </div>
        ) : null}
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            {instructions && !verified ? (
              <Button size="sm" loading={verify.isPending} loadingText="Checking…" onClick={onVerify}>
                Check now
              </Button>
            ) : null}
            {!instructions ? (
              <Button size="sm" loading={issue.isPending} onClick={onIssue}>
                Get a verification code
              </Button>
            ) : (
              <ConfirmButton
                label="Make a new code"
                title="Replace the verification code?"
                description={
                  verified
                    ? `${domain} stops counting as verified until the new code is found, and the checks that send traffic pause until then.`
                    : 'The current code stops working; put the new one in your DNS record or file instead.'
                }
                confirmLabel="Make a new code"
                pending={issue.isPending}
                onConfirm={onIssue}
              />
            )}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
