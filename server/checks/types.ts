import type { SecretBox } from '@/server/vault/box';
/**
 * The contract every automated check follows: `run(target, deps)` resolves to a status
 * and findings. Checks open no sockets themselves; everything network goes through deps.
 */
import type { AddressPolicy } from '@/server/net/address-policy';
import type { HttpClient } from '@/server/net/http-client';
import type { DnsResolver } from '@/server/net/resolver';
import type { TlsProber } from '@/server/net/tls-probe';
import type { ChatEndpoint } from '@/server/chat/send';
import type { FindingSeverity } from '@/lib/vocabulary/roadmap';

/** Evidence is stored and shown as-is, so it must be plain JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Severity = FindingSeverity;

/**
 * fail: a critical or high finding; warn: medium or low findings only; pass: info at most;
 * error: the check could not reach a verdict (e.g. DNS failed), so nothing is settled.
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'error';

export interface Finding {
  severity: Severity;
  /** Stable identifier, e.g. "spf.too-many-lookups"; never reworded. */
  code: string;
  /** Plain words a founder understands. */
  message: string;
  /** Records, headers, chains: what the finding is based on. */
  evidence: JsonValue;
  /** What to do about it. */
  fix: string;
}

export interface CheckResult {
  status: CheckStatus;
  findings: Finding[];
  /** What the check looked at, whether or not anything was wrong. */
  evidence?: JsonValue;
}

export interface CheckDeps {
  /**
   * The project's secrets, for endpoints whose headers or body name one. Deliberately here and
   * not on the target: targets are stored with the run, values never are.
   */
  secrets?: SecretBox;
  resolver: DnsResolver;
  http: HttpClient;
  tls: TlsProber;
  now(): Date;
  /**
   * The address policy the network was built with. The DNS check judges answers with it, so
   * loopback answers are not called "stale" where loopback targets are allowed (tests, intranet).
   */
  addressPolicy?: AddressPolicy;
}

/** One of the project's key endpoints; `url` is absolute. */
export interface CheckEndpoint {
  /** 'login', 'signup', 'dashboard', 'checkout', 'api-health', … (lib/vocabulary/projects.ts). */
  kind: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Set by hand on the endpoint; otherwise the playbook's target for its kind applies (server/targets). */
  p95TargetMs?: number;
  /** Sent with each request; values may hold `{{secret.NAME}}`, filled from `CheckDeps.secrets`. */
  headers?: readonly { name: string; value: string }[];
  /** A write's body (may hold placeholders): the latency check replays it only when `safeToReplay`. */
  body?: string | null;
  safeToReplay?: boolean;
}

/** The latency targets of the project's playbook, per kind of endpoint (server/targets). */
export interface LatencyTargets {
  commonReadP95Ms: number;
  heavyActionP95Ms?: number;
  chatStartP95Ms?: number;
  chatResponseP95Ms?: number;
}

/**
 * What a check is pointed at. Checks read the fields they need; every field but `domain`
 * is optional so the mail checks can still be pointed at a bare domain. The check-runs
 * target (`server/check-runs/target.ts`) has this shape.
 */
export interface CheckTarget {
  /** The registrable or sub domain under test, e.g. "shop.example.com". */
  domain: string;
  /** DKIM selectors the project's mail provider signs with. */
  dkimSelectors?: readonly string[];
  /** Other hosts of the product, as full names ("app.shop.example.com") or labels ("app"). */
  subdomains?: readonly string[];
  /** Which of apex and www visitors should end up on (default apex). */
  canonicalHost?: 'apex' | 'www';
  /** Where the product lives when not at https://<canonical host>/. */
  productionUrl?: string | null;
  endpoints?: readonly CheckEndpoint[];
  targets?: LatencyTargets;
  /** Active probes (rate-limit burst, latency burst) run only when this is true. */
  ownershipVerified?: boolean;
  /** The chat endpoint with its request template (server/chat), when the project has one set up. */
  chat?: ChatCheckTarget;
  /**
   * The payment webhook endpoints to send signed test events to, with the test signing secret
   * each uses (opened from the project's vault just before the check runs; never stored).
   */
  paymentWebhooks?: readonly PaymentWebhookTarget[];
  /** Bounds for active probes, within the checks' own maximums. */
  probes?: { rateLimitBurst?: number; latencySamples?: number };
}

/** One listed payment webhook endpoint (server/checks/payment-webhook.ts). */
export interface PaymentWebhookTarget {
  url: string;
  /** The vault secret's name, as set on the endpoint (shown in findings; the value never is). */
  secretName: string | null;
  /** The value, or null when no secret is chosen or it cannot be opened. */
  signingSecret: string | null;
}

/** What the chat check sends and judges against (server/checks/chat.ts). */
export interface ChatCheckTarget {
  endpoint: ChatEndpoint;
  /** The leak canary in the bot's system prompt; an answer containing it fails. */
  canary: string | null;
  /** The playbook's chat targets: reply starts (seed 001) and/or complete reply (seed 003), ms. */
  targets: { startMs?: number; completeMs?: number };
}

export interface CheckModule {
  id: string;
  title: string;
  run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult>;
}
