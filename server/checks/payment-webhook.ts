/**
 * Payment webhook: sends a signed test event to each payment-webhook endpoint the project lists
 * (at most 3), the way Stripe does (`Stripe-Signature: t=…,v1=…`, HMAC-SHA256 of `t.body` with
 * the endpoint's test signing secret), then:
 *   1. the event, correctly signed        → expect 2xx;
 *   2. the same event again, signed anew   → expect 2xx, no error (Stripe delivers at least once);
 *   3. another event with a bad signature  → expect 4xx (a forged "payment succeeded" is refused).
 * Three requests per endpoint, one after another, no redirects followed, only to the listed URL,
 * only under a domain whose ownership the project proved. The event's type is our own
 * (`launch_ready.test`), so a handler that acts only on the types it knows changes nothing.
 * Neither the secret nor the signatures are kept in the evidence.
 */
import crypto from 'node:crypto';
import { stripeSignatureHeader } from '@/server/webhooks/stripe-signature';
import { errorEvidence, fetchSafely, type Fetched } from './support/fetch';
import { findingsOf } from './support/finding';
import { OUTSIDE_FIX, probeScope } from './support/probe-scope';
import { result } from './support/result';
import type { CheckDeps, CheckResult, CheckTarget, Finding, JsonValue, PaymentWebhookTarget } from './types';

export const id = 'payment-webhook';
export const title = 'Payment webhook: signature and replay';

const finding = findingsOf(id);
const MAX_ENDPOINTS = 3;
const TIMEOUT_MS = 5_000;
export const TEST_EVENT_TYPE = 'launch_ready.test';

export function appliesTo(target: CheckTarget): boolean {
  return (target.endpoints ?? []).some((e) => e.kind === 'payment-webhook');
}

/** A Stripe-shaped test event: its own id, test mode, nothing a handler would act on. */
export function testEvent(now: Date): { id: string; body: string } {
  const eventId = `evt_launchready_${crypto.randomBytes(12).toString('hex')}`;
  const event = {
    id: eventId,
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(now.getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: TEST_EVENT_TYPE,
    data: { object: { id: `lr_test_${eventId.slice(-8)}`, object: 'launch_ready_test', description: 'Sent by Launch Ready to test signature checks and replays. Safe to ignore.' } },
  };
  return { id: eventId, body: JSON.stringify(event) };
}

type Attempt = { step: 'signed' | 'replay' | 'bad-signature'; eventId: string; status: number | null; error?: string };

async function send(deps: CheckDeps, url: string, body: string, signature: string): Promise<Fetched> {
  return fetchSafely(deps.http, url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature, 'user-agent': 'LaunchReadyCheck/1.0 (payment webhook test)' },
    body,
    followRedirects: false,
    timeoutMs: TIMEOUT_MS,
    maxBodyBytes: 16 * 1024,
  });
}

const attemptOf = (step: Attempt['step'], eventId: string, fetched: Fetched): Attempt =>
  fetched.ok ? { step, eventId, status: fetched.response.status } : { step, eventId, status: null, error: fetched.error.code };

const ok = (a: Attempt) => a.status !== null && a.status >= 200 && a.status < 300;
const answered = (a: Attempt) => (a.status === null ? `no answer (${a.error ?? 'error'})` : `status ${a.status}`);

/** The three requests against one endpoint, and what they say. */
async function testEndpoint(deps: CheckDeps, endpoint: PaymentWebhookTarget & { signingSecret: string }): Promise<Finding[]> {
  const { url } = endpoint;
  const seconds = () => Math.floor(deps.now().getTime() / 1000);
  const event = testEvent(deps.now());
  const attempts: Attempt[] = [];
  const signed = await send(deps, url, event.body, stripeSignatureHeader(event.body, endpoint.signingSecret, seconds()));
  attempts.push(attemptOf('signed', event.id, signed));
  const evidence = (): JsonValue => ({ url, secretName: endpoint.secretName, eventType: TEST_EVENT_TYPE, attempts });
  const first = attempts[0]!;

  if (!ok(first)) {
    if (!signed.ok) {
      return [finding('high', 'unreachable', `${url} did not answer a signed test event (${signed.error.message}). Stripe retries for up to three days, then gives up: payments made meanwhile never reach your app.`, 'Check that the endpoint is deployed at this address and answers quickly (acknowledge with 2xx first, do slow work afterwards), then run this again.', { ...(evidence() as object), request: errorEvidence(signed.error) })];
    }
    const status = first.status!;
    if (status >= 300 && status < 400) {
      return [finding('high', 'redirects', `${url} answered a signed test event with a redirect (${status}). Stripe does not follow redirects, so every event fails.`, 'Register the final address (after the redirect, usually https:// and the right host) as the webhook URL in Stripe and in the project.', evidence())];
    }
    if (status >= 500) {
      return [finding('high', 'signed-event-error', `${url} failed on a correctly signed test event (status ${status}). A handler that errors on events it does not expect fails real ones too, and Stripe disables endpoints that keep failing.`, 'Look at the server log for this request. Answer 2xx to event types you do not handle, and catch errors in the handler so one bad event cannot block the rest.', evidence())];
    }
    return [finding('medium', 'signed-event-refused', `${url} refused a correctly signed test event (status ${status}). Either the signing secret${endpoint.secretName ? ` ${endpoint.secretName}` : ''} is not the one this endpoint checks against, or the handler refuses event types it does not know, which Stripe counts as failed deliveries.`, 'Copy the endpoint\'s signing secret (whsec_…) from Stripe → Developers → Webhooks (test mode) into the project\'s secret, and answer 2xx to event types you do not handle.', evidence())];
  }

  // Stripe re-sends an event with a fresh timestamp and signature: the same event, signed anew.
  const replay = await send(deps, url, event.body, stripeSignatureHeader(event.body, endpoint.signingSecret, seconds()));
  attempts.push(attemptOf('replay', event.id, replay));
  // A different event, so a handler that skips events it has seen cannot hide a missing signature check.
  const forged = testEvent(deps.now());
  const wrongSecret = `whsec_${crypto.randomBytes(24).toString('base64url')}`;
  const bad = await send(deps, url, forged.body, stripeSignatureHeader(forged.body, wrongSecret, seconds()));
  attempts.push(attemptOf('bad-signature', forged.id, bad));
  const [, again, badSignature] = attempts as [Attempt, Attempt, Attempt];

  const findings: Finding[] = [];
  if (ok(badSignature)) {
    findings.push(finding('critical', 'signature-not-verified', `${url} accepted an event signed with the wrong secret (status ${badSignature.status}). Anyone who finds this address can send a fake "payment succeeded" and get paid access for free.`, 'Verify the Stripe-Signature header before acting on any event: in Node, stripe.webhooks.constructEvent(rawBody, signature, signingSecret) on the raw request body (not re-serialised JSON); answer 400 when it throws.', evidence()));
  } else if (badSignature.status !== null && badSignature.status >= 500) {
    findings.push(finding('medium', 'bad-signature-error', `${url} refused an event with a bad signature, but with a server error (status ${badSignature.status}) instead of a 4xx. Your error tracking fills with noise and real failures are harder to see.`, 'Catch the signature verification error and answer 400 with a short message.', evidence()));
  } else if (badSignature.status === null || badSignature.status < 400) {
    findings.push(finding('medium', 'bad-signature-unclear', `${url} gave ${answered(badSignature)} to an event with a bad signature, so whether forged events are refused is unclear.`, 'Answer 400 when the signature does not verify, then run this again.', evidence()));
  }
  if (!ok(again)) {
    findings.push(finding('high', 'not-idempotent', `${url} answered the same event sent a second time with ${answered(again)}. Stripe delivers an event more than once (retries, network hiccups); a handler that fails on the repeat makes Stripe retry for days and may leave a member's access half-updated.`, 'Record each event id you have processed (a table with a unique key on the id) and, when one comes back, answer 2xx without doing the work again.', evidence()));
  }
  if (findings.length === 0) {
    findings.push(finding('info', 'verified', `${url} accepts a correctly signed event, answers 2xx when the same event comes again, and refuses a forged signature (status ${badSignature.status}).`, 'Nothing to do. Keep the signing secret in your server\'s environment only, and rotate it in Stripe if it ever leaks.', evidence()));
  }
  return findings;
}

export async function run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult> {
  const listed = (target.endpoints ?? []).filter((e) => e.kind === 'payment-webhook');
  if (listed.length === 0) {
    return result([finding('info', 'no-endpoint', 'The project lists no payment webhook endpoint, so there was nothing to test.', 'Add the address Stripe sends events to as a "Payment webhook" endpoint in project settings.', { domain: target.domain })], undefined, { incomplete: true });
  }
  if (target.ownershipVerified !== true) {
    return result([finding('info', 'ownership-unverified', 'The payment webhook was not tested: it sends signed test events to your endpoint, which we only do on domains whose ownership the project has proved.', 'Verify the domain (DNS TXT record or the .well-known file shown in project settings), then run this check again.', { domain: target.domain })], undefined, { incomplete: true });
  }
  const findings: Finding[] = [];
  let tested = 0;
  for (const endpoint of listed.slice(0, MAX_ENDPOINTS)) {
    const scope = probeScope(endpoint.url, target.domain);
    if (!scope.inScope) {
      findings.push(finding('info', 'outside-verified-domain', scope.message, OUTSIDE_FIX, { url: endpoint.url, domain: target.domain }));
      continue;
    }
    const secret = (target.paymentWebhooks ?? []).find((w) => w.url === endpoint.url);
    if (!secret?.signingSecret) {
      findings.push(
        finding(
          'info',
          'no-signing-secret',
          secret?.secretName
            ? `${endpoint.url} was not tested: the secret ${secret.secretName} chosen as its signing secret is not set or cannot be read.`
            : `${endpoint.url} was not tested: no test signing secret is chosen for it, and a test event must be signed to mean anything.`,
          'Add the endpoint\'s test-mode signing secret (whsec_… from Stripe → Developers → Webhooks) under Project settings → Secrets, choose it as the endpoint\'s signing secret, then run this again.',
          { url: endpoint.url, secretName: secret?.secretName ?? null },
        ),
      );
      continue;
    }
    findings.push(...(await testEndpoint(deps, { ...secret, signingSecret: secret.signingSecret })));
    tested += 1;
  }
  const evidence = { endpoints: listed.slice(0, MAX_ENDPOINTS).map((e) => e.url), tested, ...(listed.length > MAX_ENDPOINTS ? { notTested: listed.slice(MAX_ENDPOINTS).map((e) => e.url) } : {}) };
  return result(findings, evidence, { incomplete: tested === 0 });
}
