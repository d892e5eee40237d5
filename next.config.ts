import type { NextConfig } from 'next';

// The headers Launch Ready tells founders to ship, shipped by Launch Ready itself.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  {
    key: 'Content-Security-Policy',
    // Next.js injects inline bootstrap scripts, hence 'unsafe-inline' for scripts; no remote origins at all.
    value: "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  },
];

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
    return [{ source: '/:path*', headers: [...securityHeaders, ...hsts] }];
  },
};

export default nextConfig;
