import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/security/policy';

/**
 * A fresh CSP nonce for every HTML page (docs/decisions/008-content-security-policy.md). Next reads the nonce from
 * the request's Content-Security-Policy header and puts it on its own scripts; the root layout reads the request
 * headers, so every page renders per request. The other security headers come from next.config.js headers().
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: static files keep the nonce-less policy of next.config.js.
      source: '/((?!_next/static|_next/image|favicon.ico|icon|apple-icon|apple-touch-icon|robots.txt|og-image|.*\\.(?:png|svg|ico|txt|webmanifest)$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
