// next.config.js is CommonJS; policy.js is shared with proxy.ts (docs/decisions/008-content-security-policy.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { securityHeaders } = require('./lib/security/policy.js');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // NEXT_DIST_DIR lets parallel builds (several checkouts or e2e runs on one machine) keep apart; default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Every route, in next dev too (docs/decisions/008-content-security-policy.md); proxy.ts gives pages a nonce CSP.
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders({ dev: process.env.NODE_ENV === 'development' }) }];
  },
};

module.exports = nextConfig;
