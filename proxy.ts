import { NextResponse, type NextRequest } from 'next/server';

/**
 * Passes the requested path to server components (so a signed-out visitor can be sent back
 * after signing in). Authorization is NOT decided here: every tRPC procedure checks it.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-lr-path', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/((?!api/|_next/|favicon.ico).*)'],
};
