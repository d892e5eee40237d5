/** The network the app's checks use: system DNS and the strict address policy, unless configured otherwise. */
import { createNetwork } from '@/server/net';
import type { CheckDeps } from '@/server/checks/types';
import type { AppConfig } from '@/server/config';

export function appCheckDeps(config: Pick<AppConfig, 'checks'>): CheckDeps {
  const addressPolicy = { allowLoopback: config.checks.allowLoopbackTargets };
  const network = createNetwork({ ...(config.checks.dnsServers ? { dnsServers: config.checks.dnsServers } : {}), policy: addressPolicy });
  // The DNS check judges answers by the same policy the network enforces.
  return { ...network, addressPolicy, now: () => new Date() };
}
