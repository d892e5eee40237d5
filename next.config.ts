import type { NextConfig } from 'next';
import { NON_PAGE_CSP, STATIC_HEADERS } from './server/http/security-headers';

// Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts; API answers
// and static files get one that allows nothing to run.
const NOT_PAGES = ['/api/:path*', '/_next/:path*', '/favicon.ico'];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'nodemailer'],
  // Type-checking is its own step (`npm run typecheck`); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    const hsts = process.env.BETTER_AUTH_URL?.startsWith('https://')
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
      : [];
    return [
      { source: '/:path*', headers: [...STATIC_HEADERS, ...hsts] },
      ...NOT_PAGES.map((source) => ({ source, headers: [{ key: 'Content-Security-Policy', value: NON_PAGE_CSP }] })),
    ];
  },
};

export default nextConfig;
