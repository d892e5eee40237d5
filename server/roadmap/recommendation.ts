/**
 * The go / no-go recommendation: any critical item failing means no-go; critical items not yet
 * verified mean not yet; otherwise go (with the high-severity failures still listed).
 */
import type { AssessedItem } from './assessment-types';

export type Verdict = 'go' | 'no-go' | 'not-yet';
export type Recommendation = { verdict: Verdict; reasons: string[] };

export function recommend(items: readonly AssessedItem[]): Recommendation {
  const critical = items.filter((i) => i.severity === 'critical' && i.status !== 'not_applicable');
  const failingCritical = critical.filter((i) => i.status === 'failed');
  if (failingCritical.length > 0) {
    return { verdict: 'no-go', reasons: failingCritical.map((i) => `Critical item failing: ${i.title}`) };
  }
  const unverified = critical.filter((i) => i.status !== 'passed');
  const failingHigh = items.filter((i) => i.severity === 'high' && i.status === 'failed').map((i) => `High-severity item failing: ${i.title}`);
  if (unverified.length > 0) {
    return { verdict: 'not-yet', reasons: [...unverified.map((i) => `Critical item not verified yet: ${i.title}`), ...failingHigh] };
  }
  return {
    verdict: 'go',
    reasons: critical.length > 0 ? [`All ${critical.length} critical items passed or do not apply.`, ...failingHigh] : ['No critical items apply.', ...failingHigh],
  };
}
