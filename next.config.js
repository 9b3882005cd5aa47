/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // NEXT_DIST_DIR lets parallel builds (several checkouts or e2e runs on one machine) keep apart; default .next.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
