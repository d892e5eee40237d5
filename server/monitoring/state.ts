/**
 * The alerting rule, as a pure function: down after N consecutive failures, recovered after M
 * consecutive successes; degraded (decided by housekeeping from the p95 over a window) is left
 * only by recovery of the latency or by going down.
 */
export type MonitorStateName = 'pending' | 'up' | 'down' | 'degraded';
export type Transition = 'down' | 'recovered' | 'degraded' | 'latency-recovered' | 'first-up';

export type Counters = {
  state: MonitorStateName;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  failThreshold: number;
  recoverThreshold: number;
};

export type Step = { state: MonitorStateName; consecutiveFailures: number; consecutiveSuccesses: number; transition: Transition | null };

export function applyResult(current: Counters, ok: boolean): Step {
  if (!ok) {
    const failures = current.consecutiveFailures + 1;
    if (current.state !== 'down' && failures >= current.failThreshold) {
      return { state: 'down', consecutiveFailures: failures, consecutiveSuccesses: 0, transition: 'down' };
    }
    return { state: current.state, consecutiveFailures: failures, consecutiveSuccesses: 0, transition: null };
  }
  const successes = current.consecutiveSuccesses + 1;
  if (current.state === 'down') {
    if (successes >= current.recoverThreshold) return { state: 'up', consecutiveFailures: 0, consecutiveSuccesses: successes, transition: 'recovered' };
    return { state: 'down', consecutiveFailures: 0, consecutiveSuccesses: successes, transition: null };
  }
  if (current.state === 'pending') return { state: 'up', consecutiveFailures: 0, consecutiveSuccesses: successes, transition: 'first-up' };
  return { state: current.state, consecutiveFailures: 0, consecutiveSuccesses: successes, transition: null };
}

/** Transitions people are told about. */
export function notifies(transition: Transition | null): transition is 'down' | 'recovered' | 'degraded' | 'latency-recovered' {
  return transition !== null && transition !== 'first-up';
}
