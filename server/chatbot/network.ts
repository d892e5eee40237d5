/**
 * The network chatbot runs use: the request's check network, or — when LR_CHATBOT_ALLOW_LOOPBACK
 * (or LR_ALLOW_LOOPBACK_TARGETS) is on — the app's network with loopback opened for them only
 * (the browser suite's fake chatbot, a bot on the same intranet box). Private ranges stay closed.
 */
import { appCheckDeps } from '@/server/check-runs/network';
import type { CheckDeps } from '@/server/checks/types';
import { getConfig } from '@/server/config';
import { loopbackTargetsAllowed } from '@/server/net/target-url';

export function chatbotCheckDeps(fallback: () => CheckDeps, env: NodeJS.ProcessEnv = process.env): () => CheckDeps {
  if (!loopbackTargetsAllowed(env, 'chatbot') || loopbackTargetsAllowed(env, 'checks')) return fallback;
  return () => appCheckDeps({ checks: { ...getConfig().checks, allowLoopbackTargets: true } });
}

/** For workers, which have no request: the same resolvers and loopback switches, from the environment. */
export function chatbotCheckDepsFromEnv(env: NodeJS.ProcessEnv = process.env): () => CheckDeps {
  const dnsServers = env.LR_DNS_SERVERS ? env.LR_DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  return () => appCheckDeps({ checks: { dnsServers, allowLoopbackTargets: loopbackTargetsAllowed(env, 'chatbot') } });
}
