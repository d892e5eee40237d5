import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageCsp } from '@/server/http/security-headers';

/**
 * Every page response gets its own script nonce: Next.js reads the policy from the request
 * header and puts the nonce on its scripts; the browser gets the same policy. Also passes the
 * requested path to server components (so a signed-out visitor can be sent back after signing
 * in). Authorization is NOT decided here: every tRPC procedure checks it.
 */
export function proxy(request: NextRequest) {
  const csp = pageCsp(newNonce(), process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-lr-path', request.nextUrl.pathname + request.nextUrl.search);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico).*)'],
};
