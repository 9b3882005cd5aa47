/**
 * The security headers of every response (docs/decisions/008-content-security-policy.md). Plain CommonJS so that
 * next.config.js (headers()) and proxy.ts (the per-request nonce) build them from one list.
 */

/**
 * Browser features the app never uses, denied to the page and to any frame (Permissions-Policy). Only features
 * Chromium knows: an unknown one makes it log a console warning on every page.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/**
 * The Content-Security-Policy. With a nonce (HTML pages, set by proxy.ts): scripts only by that nonce and what
 * they load ('strict-dynamic'); without one (static files, and the fallback if the proxy did not run): scripts
 * from this origin only. `dev` adds what `next dev` needs: 'unsafe-eval' (React's dev stack traces) and inline
 * styles without a nonce (dev style injection).
 * @param {{ nonce?: string, dev?: boolean }} [options]
 * @returns {string}
 */
function contentSecurityPolicy(options = {}) {
  const { nonce, dev = false } = options;
  const scriptSources = nonce ? ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"] : ["'self'"];
  if (dev) scriptSources.push("'unsafe-eval'");
  // Style elements by nonce (Next's own); style attributes (React `style` props, recharts' SVG positioning) cannot
  // carry a nonce, so attributes stay 'unsafe-inline'. 'style-src' is the fallback of browsers without CSP3.
  const styleElementSources = nonce && !dev ? ["'self'", `'nonce-${nonce}'`] : ["'self'", "'unsafe-inline'"];
  const directives = [
    ["default-src", "'self'"],
    ['script-src', ...scriptSources],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['style-src-elem', ...styleElementSources],
    ['style-src-attr', "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    // The Monte Carlo Web Worker is a same-origin script file (lib/store/monte-carlo-runner.ts).
    ['worker-src', "'self'"],
    ['connect-src', "'self'"],
    ['manifest-src', "'self'"],
    ['media-src', "'none'"],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/**
 * Headers for every route, CSP included (proxy.ts replaces the CSP of HTML pages with the nonce form).
 * @param {{ dev?: boolean }} [options]
 * @returns {{ key: string, value: string }[]}
 */
function securityHeaders(options = {}) {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ dev: options.dev }) },
    { key: 'Referrer-Policy', value: 'no-referrer' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Permissions-Policy', value: DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ') },
  ];
}

module.exports = { contentSecurityPolicy, securityHeaders, DENIED_FEATURES };
