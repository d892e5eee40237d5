import type { RoadmapTemplate } from '@/lib/vocabulary/roadmap-template';
import { citer } from './cite';

/** Seed 004: rescue sprint for an AI-built membership community app (7-day plan). */
const SEED = '004_a33c9cb8e69b1e68.txt';
const c = citer(SEED);

const PRE = '(preamble)';
const FIX = 'What This Sprint Actually Fixes';
const RISKS = 'The Production Risks I Look For';
const R1 = `${RISKS} > 1. Broken auth boundaries`;
const R2 = `${RISKS} > 2. Open endpoints and unsafe admin routes`;
const R3 = `${RISKS} > 3. Slow queries on core member actions`;
const R4 = `${RISKS} > 4. Missing indexes and poor database rules`;
const R5 = `${RISKS} > 5. Weak error handling and no observability`;
const R6 = `${RISKS} > 6. Bad environment separation`;
const R7 = `${RISKS} > 7. AI-assisted logic that was never red-teamed`;
const D1 = 'Day 1: Audit and triage';
const D2 = 'Day 2: Security and data integrity fixes';
const D3 = 'Day 3: Performance work';
const D4 = 'Day 4: Error handling and logging';
const D5 = 'Day 5: Regression checks and release prep';
const D6 = 'Day 6: Redeploy and verify production behavior';
const D7 = 'Day 7: Handover and documentation';
const BEST = 'What This Sprint Covers Best for Membership Communities';
const GET = 'What You Get at Handover';
const NOT = 'When You Should Not Buy This';
const DEC = 'Founder Decision Checklist';

export const membershipRescue: RoadmapTemplate = {
  id: 'membership-rescue',
  version: 2,
  name: 'AI-built membership app rescue',
  summary:
    'A 5–7 day rescue for a membership community app built quickly with AI tools (Lovable, Bolt, Cursor, v0 …) that now has paying members: close the security holes, speed up the member paths, make failures visible and redeploy safely. Target: 300 ms server-side p95 for common page loads.',
  seed: SEED,
  match: { productTypes: ['membership-community'], segment: 'membership-community', maturity: 'ai-rescue' },
  chapterUnit: 'day',
  chapterCount: 7,
  context: [
    {
      key: 'context.backend-risk',
      text: 'The app replaced spreadsheets, DMs, manual approvals and late-night admin, and it proves demand. But the backend has become a business risk: member dashboards are slow, renewals break, records duplicate, access control is unreliable, and a ticket every time someone logs in or updates billing.',
      sources: c(`${PRE}#4`),
    },
    {
      key: 'context.cost-of-waiting',
      text: 'Left alone, it costs real money: churn, failed upgrades during launch campaigns, founder time lost to operations, more chance of leaking private member data or locking members out, refunds and wasted ad spend, while the front end still looks fine.',
      sources: c(`${PRE}#5`),
    },
    {
      key: 'context.replace-manual-ops',
      text: 'The point of the rescue: harden the backend so the software really replaces manual operations instead of creating new ones.',
      sources: c(`${FIX}#1`),
    },
    {
      key: 'context.focus-areas',
      text: 'The costliest failures come first. In scope: exposed keys and open endpoints; auth middleware, input validation and CORS; database rules, indexes and query speed; error handling, logging and Sentry; regression checks and the redeploy; environment separation, monitoring and documentation.',
      sources: c(`${FIX}#2`),
    },
    {
      key: 'context.ai-built',
      text: 'Built with Lovable, Bolt, Cursor, v0 or similar? Speed usually came before safety, which is normal. The job now is to make it dependable for members who pay monthly and expect access to work.',
      sources: c(`${FIX}#3`),
    },
    {
      key: 'context.risks-go-public',
      text: 'In a membership community, backend problems become business problems fast. The production risks below are the failure modes to find before they go public.',
      sources: c(`${RISKS}#1`),
    },
    {
      key: 'context.backend-shapes',
      text: 'Membership backends usually take one of three shapes: content gating only; community plus subscriptions; or community plus workflows and automation.',
      sources: c(`${BEST}#1`),
    },
    {
      key: 'context.fit',
      text: 'The rescue fits when an existing system must become safe for paying members, not when everything still has to be built. If operations run on GoHighLevel automations plus a custom portal, keep the two in step so members never fall between two sources of truth.',
      sources: c(`${BEST}#2`),
    },
  ],
  targets: {
    commonReadP95Ms: 300,
    notes: [
      {
        key: 'targets.common-pages',
        text: 'Target where feasible: server-side p95 below 300 ms for common page loads (discussion threads, member directories); anything that will still degrade under load is named.',
        sources: c(`${D3}#7`),
      },
      {
        key: 'targets.lag-threshold',
        text: 'Above 500 ms p95 on common member actions, members feel lag even though the app works.',
        sources: c(`${R3}#2`),
      },
    ],
  },
  minimumBar: [],
  stages: [
    {
      key: 'audit',
      goal: 'Map the riskiest member paths, and find leaked secrets and open doors before fixing anything.',
      goalSources: c(`${D1}#1`, `${D1}#8`),
      chapters: [{ number: 1, title: 'Audit and triage', sources: c(`${D1}#1`) }],
      items: [
        {
          key: 'audit.risk-paths',
          kind: 'check',
          text: 'Map the highest-risk member paths: signup, login, subscription upgrade or cancellation, gated content, profile updates and admin actions.',
          severity: 'high',
          impact: 'revenue',
          sources: c(`${D1}#1-7`),
        },
        {
          key: 'audit.exposed-secrets',
          kind: 'check',
          text: 'Start with exposed secrets: look for API keys in client code, in server output and in old commits.',
          detail: 'A leaked key does damage immediately, so this comes before anything else.',
          severity: 'critical',
          impact: 'security',
          check: 'secrets',
          checkRole: 'supports',
          checkGap: 'The secrets check scans the deployed site; server output beyond pages and old commits are not visible to it.',
          sources: c(`${D1}#8`, `${DEC}#3`),
        },
        {
          key: 'audit.auth-and-endpoints',
          kind: 'check',
          text: 'Inspect the auth middleware and the open endpoints to find where unauthorised access is possible.',
          severity: 'critical',
          impact: 'security',
          check: 'open-endpoints',
          checkRole: 'supports',
          checkGap: 'Only the listed GET endpoints are asked, once each, without signing in; whether one member can read another member\'s data needs a signed-in test.',
          sources: c(`${D1}#8`),
        },
        {
          key: 'audit.decision-checklist',
          kind: 'check',
          text: 'Answer the founder decision checklist; two or more “no” answers mean audit before growing paid memberships.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${DEC}#12`),
        },
        {
          key: 'audit.security-summary',
          kind: 'deliverable',
          text: 'Security audit summary: exposed keys, open endpoints and auth gaps.',
          severity: 'high',
          impact: 'security',
          sources: c(`${GET}#2`),
        },
      ],
      failureSignals: [
        {
          key: 'audit.signal.member-friction',
          text: 'Member dashboards are slow, renewals break, records duplicate, access is unreliable, and logins or billing updates turn into tickets.',
          sources: c(`${PRE}#4`),
        },
      ],
    },
    {
      key: 'routing',
      goal: 'Know every route the app exposes, and let only the intended callers and origins reach it.',
      goalSources: c(`${R2}#1`, `${D2}#3`, `${D2}#5`),
      chapters: [],
      items: [
        {
          key: 'routing.endpoint-inventory',
          kind: 'check',
          text: 'List every endpoint and admin route and mark which must require authorisation; then confirm each one does.',
          detail: 'AI-generated code often creates routes quickly and never locks them down.',
          severity: 'high',
          impact: 'security',
          sources: c(`${R2}#1`, `${R2}#2`),
        },
        {
          key: 'routing.lock-admin-routes',
          kind: 'check',
          text: 'Lock down the routes, starting with admin: each must demand strong authorisation.',
          severity: 'critical',
          impact: 'security',
          sources: c(`${D2}#3`, `${DEC}#5`),
        },
        {
          key: 'routing.cors',
          kind: 'check',
          text: 'Fix the CORS policy so only your own origins can call the API.',
          severity: 'high',
          impact: 'security',
          check: 'cors',
          checkRole: 'verifies', // The CORS check probes every API endpoint with hostile origins.
          sources: c(`${D2}#5`),
        },
      ],
      failureSignals: [
        {
          key: 'routing.signal.open-routes',
          text: 'Routes that should need a login answer without one.',
          sources: c(`${R2}#1`),
        },
      ],
    },
    {
      key: 'perimeter',
      goal: 'Patch the worst security and data-integrity holes before touching anything cosmetic.',
      goalSources: c(`${D2}#1`),
      chapters: [{ number: 2, title: 'Security and data integrity fixes', sources: c(`${D2}#1`) }],
      items: [
        {
          key: 'perimeter.auth-checks',
          kind: 'check',
          text: 'Tighten the auth checks in middleware and in every handler behind it.',
          severity: 'critical',
          impact: 'security',
          sources: c(`${D2}#2`, `${R1}#1`),
        },
        {
          key: 'perimeter.object-scoping',
          kind: 'check',
          text: 'Scope every query to the signed-in member, so no one can fetch another member’s records by changing an ID.',
          detail: 'Direct object references and loosely scoped queries are high-impact bugs: fix them first.',
          severity: 'critical',
          impact: 'security',
          sources: c(`${D2}#7`, `${R1}#1`, `${DEC}#4`),
        },
        {
          key: 'perimeter.input-validation',
          kind: 'check',
          text: 'Validate every input on the server.',
          severity: 'high',
          impact: 'security',
          sources: c(`${D2}#4`),
        },
        {
          key: 'perimeter.database-rules',
          kind: 'check',
          text: 'Enforce database rules where needed: row-level rules or constraints.',
          severity: 'high',
          impact: 'security',
          sources: c(`${D2}#6`, `${R4}#2`),
        },
        {
          key: 'perimeter.ai-red-team',
          kind: 'check',
          text: 'Test AI moderation, onboarding assistants and content helpers for prompt injection and data exfiltration.',
          severity: 'high',
          impact: 'security',
          check: 'chatbot',
          checkRole: 'supports',
          checkGap: 'A chatbot run tests the assistant behind the chat endpoint; moderation and content helpers elsewhere are tested by a person.',
          sources: c(`${R7}#1`, `${R7}#2`),
        },
        {
          key: 'perimeter.fixed-code',
          kind: 'deliverable',
          text: 'Fixed backend code, with the high-risk bugs gone before members hit them.',
          severity: 'critical',
          impact: 'security',
          sources: c(`${GET}#3`),
        },
      ],
      failureSignals: [
        {
          key: 'perimeter.signal.permission-bug',
          text: 'A single permission bug leaks private profiles, billing details or premium content.',
          sources: c(`${R1}#2`),
        },
        {
          key: 'perimeter.signal.assistant-leak',
          text: 'A member talks the assistant into revealing private instructions or internal data.',
          sources: c(`${R7}#2`),
        },
      ],
    },
    {
      key: 'deployment',
      goal: 'Prove the flows that earn money still work, then redeploy with staging and production kept apart.',
      goalSources: c(`${D5}#1`, `${D6}#1`),
      chapters: [
        { number: 5, title: 'Regression checks and release prep', sources: c(`${D5}#1`) },
        { number: 6, title: 'Redeploy and verify production behavior', sources: c(`${D6}#1`) },
      ],
      items: [
        {
          key: 'deployment.regression-tests',
          kind: 'check',
          text: 'Regression-test every money-making flow: signing up, logging in and out, access that changes with payments, gated content and admin edits, plus expired sessions and double submissions.',
          severity: 'critical',
          impact: 'revenue',
          sources: c(`${D5}#1-7`),
        },
        {
          key: 'deployment.failed-payments',
          kind: 'check',
          text: 'Check that failed payments and cancellations are handled cleanly.',
          severity: 'critical',
          impact: 'revenue',
          sources: c(`${DEC}#6`),
        },
        {
          key: 'deployment.mobile-clients',
          kind: 'check',
          text: 'For React Native or Flutter apps, check that API changes do not break mobile state handling or offline behaviour before redeploying.',
          severity: 'medium',
          impact: 'onboarding',
          sources: c(`${D5}#8`),
        },
        {
          key: 'deployment.env-separation',
          kind: 'check',
          text: 'Give staging and production separate secrets and databases, and redeploy with that separation intact.',
          severity: 'high',
          impact: 'operations',
          sources: c(`${D6}#1`, `${R6}#1`),
        },
        {
          key: 'deployment.verify-auth',
          kind: 'check',
          text: 'After the deploy, confirm login and access still work.',
          severity: 'critical',
          impact: 'onboarding',
          sources: c(`${D6}#2`),
        },
        {
          key: 'deployment.verify-env-vars',
          kind: 'check',
          text: 'Confirm the production environment variables are correct.',
          severity: 'high',
          impact: 'operations',
          sources: c(`${D6}#3`),
        },
        {
          key: 'deployment.no-exposed-keys',
          kind: 'check',
          text: 'Confirm no key is left in the client bundles or the server output.',
          severity: 'critical',
          impact: 'security',
          check: 'secrets',
          checkRole: 'verifies', // The secrets check scans client bundles, source maps, pages and their inline data.
          sources: c(`${D6}#4`),
        },
        {
          key: 'deployment.regression-notes',
          kind: 'deliverable',
          text: 'Regression test notes that make the next release less risky.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${GET}#7`),
        },
        {
          key: 'deployment.redeployed-build',
          kind: 'deliverable',
          text: 'Redeployed production build with the fixes live.',
          severity: 'high',
          impact: 'operations',
          sources: c(`${GET}#8`),
        },
        {
          key: 'deployment.env-review',
          kind: 'deliverable',
          text: 'Environment separation review, so staging mistakes cannot reach members.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${GET}#9`),
        },
      ],
      failureSignals: [
        {
          key: 'deployment.signal.shared-environments',
          text: 'Test data shows up in live accounts, or an unsafe change slips into production.',
          sources: c(`${R6}#2`),
        },
      ],
    },
    {
      key: 'performance',
      goal: 'Make membership checks, feeds and dashboards fast where members feel it.',
      goalSources: c(`${D3}#1`),
      chapters: [{ number: 3, title: 'Performance work', sources: c(`${D3}#1`) }],
      items: [
        {
          key: 'performance.indexes',
          kind: 'check',
          text: 'Add the missing indexes on the tables read all day: users, plans, memberships, posts and comments.',
          severity: 'high',
          impact: 'onboarding',
          sources: c(`${D3}#2`, `${R4}#1`),
        },
        {
          key: 'performance.query-patterns',
          kind: 'check',
          text: 'Remove expensive query patterns from login checks, subscription lookups, feeds, search filters and dashboard loads.',
          severity: 'high',
          impact: 'onboarding',
          sources: c(`${D3}#3`, `${R3}#1`),
        },
        {
          key: 'performance.membership-reads',
          kind: 'check',
          text: 'Cut repeated reads in membership checks.',
          severity: 'medium',
          impact: 'onboarding',
          sources: c(`${D3}#4`),
        },
        {
          key: 'performance.safe-caching',
          kind: 'check',
          text: 'Cache more, wherever it is safe.',
          severity: 'medium',
          impact: 'onboarding',
          sources: c(`${D3}#5`),
        },
        {
          key: 'performance.n-plus-one',
          kind: 'check',
          text: 'Replace N+1 database access with batched queries.',
          severity: 'medium',
          impact: 'onboarding',
          sources: c(`${D3}#6`),
        },
        {
          key: 'performance.p95-target',
          kind: 'check',
          text: 'Measure server-side p95: target below 300 ms for common page loads, and treat anything above 500 ms on common member actions as a problem.',
          severity: 'high',
          impact: 'onboarding',
          check: 'latency',
          checkRole: 'supports',
          checkGap: 'The latency check measures anonymous GETs; signed-in member actions are not measured.',
          sources: c(`${D3}#7`, `${R3}#2`),
        },
        {
          key: 'performance.database-improvements',
          kind: 'deliverable',
          text: 'Database improvements: faster queries and safer data rules.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${GET}#4`),
        },
      ],
      failureSignals: [
        { key: 'performance.signal.lag', text: 'Common member actions take over 500 ms at p95 and feel laggy.', sources: c(`${R3}#2`) },
        {
          key: 'performance.signal.drift',
          text: 'The app slows as usage grows and data integrity starts to drift.',
          sources: c(`${R4}#2`),
        },
      ],
    },
    {
      key: 'observability',
      goal: 'Make failures visible: the aim is fewer surprises, not more logs.',
      goalSources: c(`${D4}#1`, `${D4}#6`),
      chapters: [{ number: 4, title: 'Error handling and logging', sources: c(`${D4}#1`) }],
      items: [
        {
          key: 'observability.structured-errors',
          kind: 'check',
          text: 'Handle errors in one structured way instead of swallowing them.',
          severity: 'high',
          impact: 'operations',
          sources: c(`${D4}#2`, `${R5}#1`),
        },
        {
          key: 'observability.sentry',
          kind: 'check',
          text: 'Send errors to Sentry (or an equivalent) with enough context to debug and no sensitive data.',
          severity: 'high',
          impact: 'operations',
          sources: c(`${D4}#3`, `${DEC}#7`),
        },
        {
          key: 'observability.sentry-alerts',
          kind: 'check',
          text: 'Turn on error alerts, so support stops being your monitoring system.',
          severity: 'high',
          impact: 'operations',
          check: 'alerts',
          checkRole: 'supports',
          checkGap: 'A configured alert channel does not mean errors raise alerts.',
          sources: c(`${R5}#2`),
        },
        {
          key: 'observability.log-cleanup',
          kind: 'check',
          text: 'Clean up the logs so noise does not hide real incidents.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${D4}#4`),
        },
        {
          key: 'observability.monitors',
          kind: 'check',
          text: 'Monitor uptime and failures on the key routes.',
          severity: 'high',
          impact: 'operations',
          check: 'monitors',
          checkRole: 'verifies', // Monitoring requires monitors on the homepage and every declared key endpoint.
          sources: c(`${D4}#5`),
        },
        {
          key: 'observability.sentry-verified',
          kind: 'check',
          text: 'After the redeploy, confirm real errors reach Sentry and no personal data goes with them.',
          severity: 'high',
          impact: 'security',
          sources: c(`${D6}#5`),
        },
        {
          key: 'observability.sentry-setup',
          kind: 'deliverable',
          text: 'Sentry set up, for faster incident diagnosis.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${GET}#5`),
        },
        {
          key: 'observability.monitoring-checklist',
          kind: 'deliverable',
          text: 'Monitoring checklist to keep an eye on uptime and errors after launch.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${GET}#6`),
        },
      ],
      failureSignals: [
        {
          key: 'observability.signal.isolated-or-systemic',
          text: 'Errors are swallowed or badly logged, so you cannot tell an isolated failure from a systemic one.',
          sources: c(`${R5}#1`),
        },
      ],
    },
    {
      key: 'handover',
      goal: 'Leave a short, honest record: what changed, what is still risky, what to do next.',
      goalSources: c(`${D7}#1`),
      chapters: [{ number: 7, title: 'Handover and documentation', sources: c(`${D7}#1`) }],
      items: [
        {
          key: 'handover.report',
          kind: 'deliverable',
          text: 'Short handover report: the changes made, the risks that remain, and the next steps for more scale.',
          severity: 'high',
          impact: 'operations',
          sources: c(`${D7}#1`, `${GET}#10`),
        },
        {
          key: 'handover.product-decisions',
          kind: 'deliverable',
          text: 'List of open product decisions (roles, billing states, moderation workflows) that no code fix can settle.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${GET}#11`),
        },
        {
          key: 'handover.load-risks',
          kind: 'check',
          text: 'Name every path that is still likely to slow down under load.',
          severity: 'medium',
          impact: 'operations',
          sources: c(`${D3}#7`),
        },
      ],
      failureSignals: [],
    },
  ],
  automate: [],
  dontOverbuild: [
    {
      key: 'overbuild.features-before-safety',
      text: 'New features before production safety. Fix safety first: support load drops right away, fewer renewals fail, and launches or migrations carry less risk.',
      sources: c(`${BEST}#3`),
    },
  ],
  sprintMapping: [],
  rescue: {
    productionRisks: [
      {
        key: 'risk.auth-boundaries',
        text: 'Broken auth boundaries: weak middleware or loosely scoped queries let a member read other members’ data. A single permission bug is enough to leak private profiles, billing details or premium content.',
        sources: c(`${R1}#1`, `${R1}#2`),
      },
      {
        key: 'risk.open-endpoints',
        text: 'Open endpoints and unsafe admin routes: routes that should need authorisation answer without it. Common in AI-generated code, where routes appear fast and are never locked down.',
        sources: c(`${R2}#1`, `${R2}#2`),
      },
      {
        key: 'risk.slow-core-actions',
        text: 'Slow queries on core member actions (login checks, subscription lookups, feeds, search filters, dashboard loads). Above 500 ms p95, members feel lag even though the app works.',
        sources: c(`${R3}#1`, `${R3}#2`),
      },
      {
        key: 'risk.indexes-and-rules',
        text: 'Missing indexes and weak database rules: users, plans, memberships, posts and comments are read all day. Without indexes and row-level rules or constraints, the app slows as it grows and data integrity drifts.',
        sources: c(`${R4}#1`, `${R4}#2`),
      },
      {
        key: 'risk.no-observability',
        text: 'Weak error handling and no observability: when errors are swallowed or poorly logged you cannot tell isolated failures from systemic ones. Sentry alerts and clean logs keep support from becoming the monitoring system.',
        sources: c(`${R5}#1`, `${R5}#2`),
      },
      {
        key: 'risk.environment-separation',
        text: 'Bad environment separation: staging and production share secrets or databases, so test data pollutes live accounts or unsafe changes reach production.',
        sources: c(`${R6}#1`, `${R6}#2`),
      },
      {
        key: 'risk.unreviewed-ai',
        text: 'AI features never red-teamed: moderation, onboarding assistants or content helpers (Cursor-built flows, wrappers around LLM APIs) need testing against prompt injection and data exfiltration; no member, however hostile, should be able to pull out private instructions or internal data.',
        sources: c(`${R7}#1`, `${R7}#2`),
      },
    ],
    sprintDays: [
      {
        day: 1,
        title: 'Audit and triage',
        lines: [
          {
            key: 'day-1.map-paths',
            text: 'Map the riskiest member paths: signup, login, subscription upgrade or cancellation, gated content, profile updates, admin actions.',
            sources: c(`${D1}#1-7`),
          },
          {
            key: 'day-1.secrets-then-access',
            text: 'Review exposed secrets first (a leaked key does damage immediately), then auth middleware and open endpoints to see where unauthorised access could happen.',
            sources: c(`${D1}#8`),
          },
        ],
      },
      {
        day: 2,
        title: 'Security and data integrity fixes',
        lines: [
          { key: 'day-2.worst-first', text: 'Patch the worst backend issues before anything cosmetic.', sources: c(`${D2}#1`) },
          {
            key: 'day-2.fixes',
            text: 'Harden the auth checks, close the routes that should not be open, validate input, correct the CORS policy, and add database rules where they are missing.',
            sources: c(`${D2}#2-6`),
          },
          {
            key: 'day-2.object-references',
            text: 'Fix straight away any direct object reference or loosely scoped query that lets a user fetch another user’s resources.',
            sources: c(`${D2}#7`),
          },
        ],
      },
      {
        day: 3,
        title: 'Performance work',
        lines: [
          {
            key: 'day-3.work',
            text: 'Add missing indexes, remove expensive query patterns, cut repeated reads in membership checks, cache where safe, and clean up N+1 database access.',
            sources: c(`${D3}#1-6`),
          },
          {
            key: 'day-3.target',
            text: 'Target server-side p95 below 300 ms for common page loads where feasible, and flag what will still degrade under load.',
            sources: c(`${D3}#7`),
          },
        ],
      },
      {
        day: 4,
        title: 'Error handling and logging',
        lines: [
          {
            key: 'day-4.visibility',
            text: 'Make failures visible: one structured way of handling errors, Sentry events that carry debugging context but no sensitive data, quieter logs where incidents stand out, and uptime and key-route monitoring.',
            sources: c(`${D4}#1-5`),
          },
          { key: 'day-4.fewer-surprises', text: 'The goal is fewer surprises, not more logs.', sources: c(`${D4}#6`) },
        ],
      },
      {
        day: 5,
        title: 'Regression checks and release prep',
        lines: [
          {
            key: 'day-5.regressions',
            text: 'Regression-test the money-making flows: signing up, logging in and out, access changing with payments, gated content, admin edits, plus edge cases such as expired sessions and double submissions.',
            sources: c(`${D5}#1-7`),
          },
          {
            key: 'day-5.mobile',
            text: 'For React Native or Flutter apps, make sure the API changes do not break how the mobile app keeps state or works offline, before redeploying.',
            sources: c(`${D5}#8`),
          },
        ],
      },
      {
        day: 6,
        title: 'Redeploy and verify production behavior',
        lines: [
          { key: 'day-6.redeploy', text: 'Redeploy with staging and production still kept apart.', sources: c(`${D6}#1`) },
          {
            key: 'day-6.verify',
            text: 'Verify that auth works after the deploy, production env vars are right, no keys remain in client bundles or server output, and Sentry captures real errors without leaking personal data.',
            sources: c(`${D6}#2-5`),
          },
        ],
      },
      {
        day: 7,
        title: 'Handover and documentation',
        lines: [
          {
            key: 'day-7.report',
            text: 'Deliver a short handover report: the changes made, the risks that remain, and the next steps for more scale.',
            sources: c(`${D7}#1`),
          },
        ],
      },
    ],
    handoverDeliverables: [
      { key: 'pack.security-summary', text: 'Security audit summary: exposed keys, open endpoints, auth gaps.', sources: c(`${GET}#2`) },
      { key: 'pack.fixed-code', text: 'Fixed backend code: high-risk bugs removed before members hit them.', sources: c(`${GET}#3`) },
      { key: 'pack.database', text: 'Database improvements: faster queries, safer data rules.', sources: c(`${GET}#4`) },
      { key: 'pack.sentry', text: 'Sentry setup, for faster incident diagnosis.', sources: c(`${GET}#5`) },
      { key: 'pack.monitoring-checklist', text: 'Monitoring checklist for tracking uptime and errors after launch.', sources: c(`${GET}#6`) },
      { key: 'pack.regression-notes', text: 'Regression test notes, to lower the risk of the next release.', sources: c(`${GET}#7`) },
      { key: 'pack.redeployed-build', text: 'Redeployed production build with the fixes live.', sources: c(`${GET}#8`) },
      { key: 'pack.env-review', text: 'Environment separation review, so staging mistakes stay away from users.', sources: c(`${GET}#9`) },
      { key: 'pack.handover-report', text: 'Handover report with clear next steps.', sources: c(`${GET}#10`) },
      {
        key: 'pack.product-decisions',
        text: 'Open product decisions (roles, billing states, moderation workflows): ambiguity many AI-built apps hide, which code alone cannot resolve.',
        sources: c(`${GET}#11`),
      },
    ],
    whenNotToBuy: [
      {
        key: 'not-for.full-rebuild',
        text: 'You need a rebuild from scratch: if the architecture is wrong across frontend, backend, billing and content model, a rescue only treats symptoms.',
        sources: c(`${NOT}#1`),
      },
      {
        key: 'not-for.no-live-users',
        text: 'You have no live users and the real question is product-market fit: cheaper iteration comes before production hardening.',
        sources: c(`${NOT}#2`),
      },
      {
        key: 'not-for.no-decision-owner',
        text: 'No one can sign off decisions fast: a 5–7 day rescue lives on quick feedback, and approvals that take a week each burn money while the risks stay open.',
        sources: c(`${NOT}#3`),
      },
      {
        key: 'not-for.diy-first',
        text: 'Very early? Do a one-week DIY pass first: no new features, a secrets review, admin routes locked, basic logging, and only the three slowest queries fixed before you invite more members. It will not fix everything, but it can stop the bleeding until a proper audit.',
        sources: c(`${NOT}#4`),
      },
    ],
    decisionChecklist: {
      // Worded so that "no" always signals risk: the playbook's questions 1, 3 and 10 are phrased
      // the other way round ("yes" is the risky answer), which would break its "two or more
      // no answers" rule. Facts are unchanged.
      questions: [
        { key: 'decide.fast-logins', text: 'Do login and dashboard loads stay fast, with no member complaints about slowness?', sources: c(`${DEC}#2`) },
        { key: 'decide.keys-checked', text: 'Have you checked client code and old commits for exposed API keys?', sources: c(`${DEC}#3`) },
        { key: 'decide.data-isolated', text: 'Is every member’s private data out of reach of every other member?', sources: c(`${DEC}#4`) },
        { key: 'decide.admin-auth', text: 'Do all admin routes require strong authorisation checks?', sources: c(`${DEC}#5`) },
        { key: 'decide.payment-failures', text: 'Are failed payments and cancellations handled cleanly?', sources: c(`${DEC}#6`) },
        { key: 'decide.error-tracking', text: 'Is Sentry, or an equivalent error tracker, connected?', sources: c(`${DEC}#7`) },
        { key: 'decide.environments', text: 'Are staging and production fully separated?', sources: c(`${DEC}#8`) },
        { key: 'decide.slow-queries', text: 'Have you looked at your slowest database queries lately?', sources: c(`${DEC}#9`) },
        { key: 'decide.peak-failure', text: 'Do you know what the app does when an endpoint fails at peak traffic?', sources: c(`${DEC}#10`) },
        {
          key: 'decide.renewal-exposure',
          text: 'Could a broken renewal flow run for 24 hours without costing you refunds?',
          sources: c(`${DEC}#11`),
        },
      ],
      rule: {
        noAnswersForAuditFirst: 2,
        text: 'Two or more “no” answers: there is already enough backend risk that an audit should come before you grow paid memberships any further.',
        sources: c(`${DEC}#12`),
      },
    },
  },
};
