/**
 * The contract every automated check follows: `run(target, deps)` resolves to a status
 * and findings. Checks open no sockets themselves; everything network goes through deps.
 */
import type { HttpClient } from '@/server/net/http-client';
import type { DnsResolver } from '@/server/net/resolver';
import type { TlsProber } from '@/server/net/tls-probe';

/** Evidence is stored and shown as-is, so it must be plain JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

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
  resolver: DnsResolver;
  http: HttpClient;
  tls: TlsProber;
  now(): Date;
}

/** What a check is pointed at. Checks read the fields they need. */
export interface CheckTarget {
  /** The registrable or sub domain under test, e.g. "shop.example.com". */
  domain: string;
  /** DKIM selectors the project's mail provider signs with. */
  dkimSelectors?: readonly string[];
}

export interface CheckModule {
  id: string;
  title: string;
  run(target: CheckTarget, deps: CheckDeps): Promise<CheckResult>;
}
