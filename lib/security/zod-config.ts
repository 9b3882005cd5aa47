import { z } from 'zod';

/**
 * No `new Function` in the browser (docs/decisions/008-content-security-policy.md): the CSP has no 'unsafe-eval', and
 * zod 4 otherwise probes `Function('')` when it builds an object schema (the browser reports a violation although
 * zod catches the error) to compile faster parsers. Imported first by the modules that build schemas, so the setting
 * is in place before any schema exists. Node (the CLI, the tests) keeps the compiled parsers.
 */
const inBrowser = typeof window !== 'undefined' || typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';
if (inBrowser) z.config({ jitless: true });
