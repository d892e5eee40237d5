/**
 * The network monitors and alerts use: server/net with its address policy. Loopback targets are
 * refused unless LR_MONITOR_ALLOW_LOOPBACK=on (a self-hosted box watching itself, local demos);
 * tests pass their own network.
 */
import { createNetwork, type Network } from '@/server/net';

export function monitorNetworkFromEnv(env: NodeJS.ProcessEnv = process.env): Network {
  const allowLoopback = ['on', '1', 'true'].includes((env.LR_MONITOR_ALLOW_LOOPBACK ?? '').toLowerCase());
  return createNetwork({ policy: { allowLoopback }, httpTimeoutMs: 30_000 });
}
