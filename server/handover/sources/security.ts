/** Security baseline: headers, HSTS, CORS, rate limits, cookies and exposed secrets. */
import type { SecuritySection } from '../types';
import { checklistSignals } from './checklist-signals';
import { latestCheckResults } from './check-results';
import type { SourceContext } from './context';

const SECURITY_CHECKS = ['security-headers', 'hsts', 'cors', 'rate-limit', 'cookies', 'secrets'] as const;

export async function buildSecurity(ctx: SourceContext): Promise<SecuritySection> {
  return {
    checks: await latestCheckResults(ctx, SECURITY_CHECKS, 'The security baseline has not been scanned yet: run the checks on the Perimeter stage.'),
    checklist: checklistSignals(ctx, SECURITY_CHECKS),
  };
}
