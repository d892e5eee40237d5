/** What the header grade needs to know about a Content-Security-Policy (one or several policies). */
import parseContentSecurityPolicy from 'content-security-policy-parser';

export interface CspSummary {
  /** Scripts restricted by script-src or default-src in at least one policy. */
  restrictsScripts: boolean;
  /** Every script-restricting policy allows inline scripts (no nonce/hash/strict-dynamic to cancel it). */
  unsafeInline: boolean;
  /** Every script-restricting policy allows eval. */
  unsafeEval: boolean;
  frameAncestors: string[] | undefined;
}

function scriptSources(policy: Map<string, string[]>): string[] | undefined {
  return policy.get('script-src') ?? policy.get('default-src');
}

/** CSP level 2+: a nonce, hash or 'strict-dynamic' makes browsers ignore 'unsafe-inline'. */
function allowsInline(sources: string[]): boolean {
  const lower = sources.map((s) => s.toLowerCase());
  if (!lower.includes("'unsafe-inline'")) return false;
  return !lower.some((s) => s.startsWith("'nonce-") || /^'sha(256|384|512)-/.test(s) || s === "'strict-dynamic'");
}

/** Several policies (several headers, or comma-joined) all apply: the strictest wins. */
export function summariseCsp(headerValues: readonly string[]): CspSummary {
  const policies = headerValues.flatMap((value) => value.split(',')).map((text) => parseContentSecurityPolicy(text));
  const scriptPolicies = policies.map(scriptSources).filter((sources): sources is string[] => sources !== undefined);
  const frameAncestors = policies.map((p) => p.get('frame-ancestors')).find((value) => value !== undefined);
  return {
    restrictsScripts: scriptPolicies.length > 0,
    unsafeInline: scriptPolicies.length > 0 && scriptPolicies.every(allowsInline),
    unsafeEval: scriptPolicies.length > 0 && scriptPolicies.every((sources) => sources.some((s) => s.toLowerCase() === "'unsafe-eval'")),
    frameAncestors,
  };
}
