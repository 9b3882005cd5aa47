/** Types of policy.js (CommonJS, shared by next.config.js and proxy.ts). */
export declare const DENIED_FEATURES: readonly string[];
export declare function contentSecurityPolicy(options?: { nonce?: string; dev?: boolean }): string;
export declare function securityHeaders(options?: { dev?: boolean }): { key: string; value: string }[];
