import Link from 'next/link';
import type { ReactNode } from 'react';
import { BrandName } from '@/components/shell/brand';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button-link';
import { CheckIcon } from '@/components/ui/icons';
import { STAGE_KEYS, STAGE_LABELS, type StageKey } from '@/lib/vocabulary/projects';

// Keyed by StageKey so adding or renaming a stage fails to compile until this copy follows.
const STAGE_SUMMARIES: Record<StageKey, string> = {
  audit: 'Take stock of what you have: domains, endpoints, environments, and the gaps that matter first.',
  routing: 'DNS that points where it should, one canonical host, HTTPS everywhere, a valid certificate.',
  perimeter: 'Security headers, cookie flags, CORS, rate limits on sign-in, no secrets in the browser bundle.',
  deployment: 'Repeatable deploys, an inventory of environment variables, and a rollback you have tried.',
  performance: 'Key endpoints measured at p95 against the targets for your kind of product.',
  observability: 'Monitors on what users depend on, and alerts that reach a person when it breaks.',
  handover: 'A pack you or your team can run the product from, with the evidence behind every claim.',
};

const CHECKS = [
  'DNS records for apex, www, app and api, including stale or dangling ones',
  'Redirects: HTTP to HTTPS, one canonical host, no loops or long chains',
  'TLS certificate chain, hostname match and days until expiry',
  'HSTS and security headers, graded, plus cookie flags',
  'SPF, DKIM and DMARC for the domain you send mail from',
  'Secrets exposed in deployed JavaScript bundles and source maps',
  'CORS behaviour when a hostile origin asks',
  'Rate limiting on authentication endpoints',
  'p95 latency of the endpoints you name',
] as const;

export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col bg-surface">
      <header className="border-b border-border">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:px-6">
          <Link href="/" className="min-w-0 rounded-control">
            <BrandName />
          </Link>
          <nav aria-label="Account" className="flex items-center gap-1 sm:gap-2">
            <ButtonLink href="/sign-in" variant="ghost" size="sm">
              Sign in
            </ButtonLink>
            <ButtonLink href="/sign-up" size="sm">
              Get started
            </ButtonLink>
          </nav>
        </div>
      </header>

      <main className="flex-1">
        <section className="border-b border-border bg-linear-to-b from-brand-50/70 to-surface">
          <div className="mx-auto grid max-w-6xl items-center gap-14 px-4 py-16 sm:px-6 sm:py-24 lg:grid-cols-[1fr_24rem]">
            <div className="max-w-3xl">
              <Badge tone="info">Open source</Badge>
              <h1 className="mt-5 text-4xl font-semibold tracking-tight text-balance text-fg sm:text-5xl">
                From “works on my machine” to safe for paying users.
              </h1>
              <p className="mt-6 max-w-2xl text-lg text-pretty text-fg-muted">
                Launch Ready walks a founder through the work between a running prototype and a product people
                pay for. Seven stages, checks that run against your real domains and record what they found,
                monitors once you are live, and a handover pack at the end.
              </p>
              <div className="mt-10 flex flex-wrap gap-3">
                <ButtonLink href="/sign-up" size="lg">
                  Get started
                </ButtonLink>
                <ButtonLink href="/sign-in" size="lg" variant="secondary">
                  Sign in
                </ButtonLink>
              </div>
            </div>
            <ExampleRoadmap />
          </div>
        </section>

        <Section
          id="stages"
          eyebrow="The roadmap"
          title="Seven stages, in the order that pays off"
          intro="Every project follows the same path. Each stage is a checklist, and an item is closed by evidence: a check result or a note from the person who did the work."
        >
          <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {STAGE_KEYS.map((key, index) => (
              <li key={key} className="flex gap-4 rounded-card border border-border bg-surface p-5 shadow-card sm:block">
                <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-700 ring-1 ring-brand-200">
                  {index + 1}
                </span>
                <div>
                  <h3 className="font-semibold text-fg sm:mt-4">{STAGE_LABELS[key]}</h3>
                  <p className="mt-1.5 text-sm text-fg-muted">{STAGE_SUMMARIES[key]}</p>
                </div>
              </li>
            ))}
            {/* Fills the eighth cell of the grid with the rule that makes the stages worth trusting. */}
            <li className="hidden rounded-card border border-dashed border-brand-300 bg-brand-50/60 p-5 lg:block">
              <h3 className="font-semibold text-fg">Evidence, not ticks</h3>
              <p className="mt-1.5 text-sm text-fg-muted">
                A stage is done when every item in it has a check result or a note behind it, so
                “ready” means something you can show.
              </p>
            </li>
          </ol>
        </Section>

        <Section
          id="checks"
          eyebrow="Automated checks"
          title="Checks that show their working"
          intro="Launch Ready runs checks against your live product and keeps the evidence: the records, headers and redirect chains it saw, what each finding means in plain words, and how to fix it."
          muted
        >
          <div className="grid gap-10 lg:grid-cols-2">
            <ul className="grid content-start gap-3">
              {CHECKS.map((check) => (
                <li key={check} className="flex gap-3 text-sm text-fg">
                  <CheckIcon className="mt-0.5 size-4 shrink-0 text-success-600" />
                  {check}
                </li>
              ))}
            </ul>
            <div className="grid content-start gap-4">
              <ExampleFinding />
              <p className="text-sm text-fg-muted">
                Probes that put load on a system, such as rate-limit and latency tests, only run against
                domains whose ownership you have verified with a DNS record or a file on the site.
              </p>
            </div>
          </div>
        </Section>

        <Section id="after-launch" eyebrow="After launch" title="Keep it running, then hand it over">
          <div className="grid gap-4 md:grid-cols-3">
            <Feature title="Uptime monitors and alerts">
              HTTP checks every 30 seconds to 5 minutes, with an optional keyword, plus certificate expiry.
              Seven-day uptime, error rate and p95 at a glance. Alerts go by email, Slack or a signed
              webhook: one message when something goes down, one when it recovers.
            </Feature>
            <Feature title="A handover pack">
              A PDF and a Markdown document built from the project: domain map, certificate expiry dates,
              email authentication, an inventory of environment variables (names and owners, never values),
              deploy and rollback steps, incidents, open risks ranked, and a weekly checklist.
            </Feature>
            <Feature title="Workspaces for consultants">
              Run every client project from one workspace. Share a project with a client and they see that
              project, and nothing else in your workspace.
            </Feature>
          </div>
        </Section>

        <section className="border-t border-border bg-surface-muted">
          <div className="mx-auto flex max-w-6xl flex-col items-start gap-6 px-4 py-16 sm:px-6 md:flex-row md:items-center md:justify-between">
            <div>
              <h2 className="text-2xl font-semibold tracking-tight text-fg">Start with a quick audit.</h2>
              <p className="mt-2 text-fg-muted">Add your product’s domain and see where it stands.</p>
            </div>
            <div className="flex flex-wrap gap-3">
              <ButtonLink href="/sign-up" size="lg">
                Get started
              </ButtonLink>
              <ButtonLink href="/sign-in" size="lg" variant="secondary">
                Sign in
              </ButtonLink>
            </div>
          </div>
        </section>
      </main>

      <footer className="border-t border-border">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-8 text-sm text-fg-muted sm:px-6">
          <BrandName className="text-sm" />
          <p>Launch Ready is open source.</p>
        </div>
      </footer>
    </div>
  );
}

function Section({
  id,
  eyebrow,
  title,
  intro,
  muted = false,
  children,
}: {
  id: string;
  eyebrow: string;
  title: string;
  intro?: string;
  muted?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className={muted ? 'border-y border-border bg-surface-muted' : undefined}>
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <p className="text-sm font-semibold text-brand-700">{eyebrow}</p>
        <h2 id={`${id}-title`} className="mt-2 text-3xl font-semibold tracking-tight text-balance text-fg">
          {title}
        </h2>
        {intro ? <p className="mt-4 max-w-2xl text-pretty text-fg-muted">{intro}</p> : null}
        <div className="mt-10">{children}</div>
      </div>
    </section>
  );
}

function Feature({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-card border border-border bg-surface p-6 shadow-card">
      <h3 className="font-semibold text-fg">{title}</h3>
      <p className="mt-2 text-sm text-fg-muted">{children}</p>
    </div>
  );
}

const EXAMPLE_STAGE_STATES: Record<StageKey, 'done' | 'current' | 'next'> = {
  audit: 'done',
  routing: 'done',
  perimeter: 'current',
  deployment: 'next',
  performance: 'next',
  observability: 'next',
  handover: 'next',
};

/** The hero's illustration: what a project's roadmap looks like, labelled as an example. */
function ExampleRoadmap() {
  return (
    <figure className="rounded-card border border-border bg-surface shadow-overlay">
      <div className="flex items-center justify-between gap-3 border-b border-border px-5 py-3.5">
        <div className="grid">
          <span className="text-sm font-semibold text-fg">Roadmap</span>
          <span className="text-xs text-fg-subtle">app.example.com</span>
        </div>
        <span className="text-xs font-medium text-fg-subtle">Example</span>
      </div>
      <ol className="grid gap-1 p-3">
        {STAGE_KEYS.map((key) => {
          const state = EXAMPLE_STAGE_STATES[key];
          return (
            <li
              key={key}
              className={
                state === 'current'
                  ? 'flex items-center gap-3 rounded-control bg-brand-50 px-2.5 py-2 text-sm font-medium text-fg ring-1 ring-brand-200'
                  : 'flex items-center gap-3 px-2.5 py-2 text-sm text-fg-muted'
              }
            >
              {state === 'done' ? (
                <span className="flex size-5 items-center justify-center rounded-full bg-success-600 text-white">
                  <CheckIcon strokeWidth={3} className="size-3" />
                </span>
              ) : (
                <span
                  className={
                    state === 'current'
                      ? 'size-5 rounded-full border-2 border-brand-600 bg-surface'
                      : 'size-5 rounded-full border-2 border-border-strong'
                  }
                />
              )}
              <span className="flex-1">{STAGE_LABELS[key]}</span>
              {state === 'done' ? <Badge tone="success">Done</Badge> : null}
              {state === 'current' ? <Badge tone="info">In progress</Badge> : null}
            </li>
          );
        })}
      </ol>
      <figcaption className="sr-only">An example project roadmap, two stages done and the third in progress.</figcaption>
    </figure>
  );
}

/** An illustration of how a finding reads, clearly labelled as an example rather than real data. */
function ExampleFinding() {
  return (
    <figure className="overflow-hidden rounded-card border border-border bg-surface shadow-card">
      <div className="flex items-center justify-between gap-3 border-b border-border px-5 py-3">
        <span className="text-xs font-medium text-fg-subtle">Example finding</span>
        <Badge tone="warning" dot>
          Warning
        </Badge>
      </div>
      <div className="grid gap-3 px-5 py-4 text-sm">
        <p className="font-semibold text-fg">Strict-Transport-Security header is missing</p>
        <p className="text-fg-muted">
          Browsers may still try plain HTTP on a first visit, where the connection can be intercepted.
        </p>
        <pre tabIndex={0} className="overflow-x-auto rounded-control bg-surface-sunken px-3 py-2 font-mono text-xs text-fg">
          {'GET https://app.example.com/\n200 OK\ncontent-type: text/html\n(no strict-transport-security)'}
        </pre>
        <p className="text-fg-muted">
          <span className="font-medium text-fg">Fix:</span> send{' '}
          <code className="font-mono text-xs text-fg">Strict-Transport-Security: max-age=31536000</code> from
          every HTTPS response.
        </p>
      </div>
      <figcaption className="sr-only">An example of a finding from the security headers check.</figcaption>
    </figure>
  );
}
