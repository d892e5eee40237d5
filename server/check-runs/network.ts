/** The network the app's checks use: system DNS and the strict address policy, unless configured otherwise. */
import { createNetwork } from '@/server/net';
import type { CheckDeps } from '@/server/checks/types';
import type { AppConfig } from '@/server/config';

export function appCheckDeps(config: Pick<AppConfig, 'checks'>): CheckDeps {
  const network = createNetwork({
    ...(config.checks.dnsServers ? { dnsServers: config.checks.dnsServers } : {}),
    policy: { allowLoopback: config.checks.allowLoopbackTargets },
  });
  return { ...network, now: () => new Date() };
}
