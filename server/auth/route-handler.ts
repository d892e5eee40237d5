/**
 * better-auth's HTTP handler behind the client-address rule: the rate limit counts the address
 * resolved from the connection (and trusted proxies), whatever the request's headers claim.
 */
import type { Auth } from './auth';
import { withClientAddress, type AddressRange } from '@/server/http/client-address';

export function authRequestHandler(auth: Pick<Auth, 'handler'>, trustedProxies: readonly AddressRange[], socketHeaderTrusted?: boolean) {
  return (request: Request) => auth.handler(withClientAddress(request, trustedProxies, socketHeaderTrusted));
}
