import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, DENIED_FEATURES, securityHeaders } from './policy';

/** The header values themselves (docs/decisions/008); e2e/security.spec.ts checks what the server sends. */

function directive(policy: string, name: string): string[] | undefined {
  const part = policy.split('; ').find((p) => p.startsWith(`${name} `));
  return part?.split(' ').slice(1);
}

describe('contentSecurityPolicy', () => {
  it('allows scripts by nonce and strict-dynamic only, never inline or eval, in production', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123' });
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(policy, 'style-src-elem')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(directive(policy, 'style-src-attr')).toEqual(["'unsafe-inline'"]);
    for (const [name, sources] of [
      ['default-src', ["'self'"]],
      ['object-src', ["'none'"]],
      ['base-uri', ["'none'"]],
      ['frame-ancestors', ["'none'"]],
      ['form-action', ["'self'"]],
      ['connect-src', ["'self'"]],
      ['worker-src', ["'self'"]],
    ] as const) {
      expect(directive(policy, name), name).toEqual(sources);
    }
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it('without a nonce (static files) allows same-origin scripts; next dev adds what it needs', () => {
    expect(directive(contentSecurityPolicy(), 'script-src')).toEqual(["'self'"]);
    const dev = contentSecurityPolicy({ nonce: 'n', dev: true });
    expect(directive(dev, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(dev, 'style-src-elem')).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe('securityHeaders', () => {
  it('sends no-referrer, nosniff, frame denial and denies camera, microphone and geolocation', () => {
    const headers = Object.fromEntries(securityHeaders().map(({ key, value }) => [key, value]));
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['X-Frame-Options']).toBe('DENY');
    for (const feature of ['camera', 'microphone', 'geolocation']) expect(DENIED_FEATURES).toContain(feature);
    expect(headers['Permissions-Policy']).toBe(DENIED_FEATURES.map((f) => `${f}=()`).join(', '));
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
  });
});
