/**
 * The network monitors and alerts use: server/net with its address policy. Loopback targets are
 * refused unless LR_ALLOW_LOOPBACK_TARGETS=on (the same switch the checks use) or
 * LR_MONITOR_ALLOW_LOOPBACK=on (monitors only): a self-hosted box watching itself, local demos.
 * Tests pass their own network.
 */
import { createNetwork, type Network } from '@/server/net';
import { loopbackTargetsAllowed } from '@/server/net/target-url';

export function monitorNetworkFromEnv(env: NodeJS.ProcessEnv = process.env): Network {
  const allowLoopback = loopbackTargetsAllowed(env, 'monitors');
  return createNetwork({ policy: { allowLoopback }, httpTimeoutMs: 30_000 });
}
