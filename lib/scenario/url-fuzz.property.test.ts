import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '@/lib/store/evaluate';
import { decodeWorkingSet, type DecodeResult } from './url-codec';
import { mutatedLinks } from './url-fuzz';
import '@/lib/store/scenario-validator'; // the store's zod validator (lib/store/evaluate.ts)

/**
 * Fuzz of the link decoder and the engine behind it (issue #9): 100,000 mutated links from a fixed seed. None may
 * throw; every accepted one evaluates to a Result without NaN or ±Infinity; every rejection of well-formed data names
 * the field; damaged bytes get a plain message. The engine runs once per distinct accepted link.
 */

const LINKS = Number(process.env.FUZZ_LINKS ?? 100_000);
const SEED = 20261203;

/** Paths of every number in `value` that is not finite (null is allowed: "none", e.g. latency without successes). */
function nonFinitePaths(value: unknown, path = 'result', out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (value === undefined) {
    out.push(`${path} = undefined`);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => nonFinitePaths(item, `${path}[${index}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nonFinitePaths(item, `${path}.${key}`, out);
  }
  return out;
}

/** A field path first (`scenarios[0].workload.requestsPerDay`, an unknown top-level key, `(working set)`), then the reason. */
const FIELD_AT_START = /^(\(working set\)|[A-Za-z_$][\w$]*(\[\d+\])*)([.[][^\s:]*)?(: | uses )/;

describe('mutated links (fuzz, fixed seed)', () => {
  it(`decodes ${LINKS.toLocaleString('en-US')} mutated links and evaluates the accepted ones: no exception, no non-finite figure, every rejection explained`, () => {
    const links = mutatedLinks(LINKS, SEED);
    const exceptions: string[] = [];
    const badRejections: string[] = [];
    const badResults: string[] = [];
    const evaluated = new Set<string>();
    const counts = { accepted: 0, rejected: 0, evaluatedScenarios: 0, invalidScenarios: 0 };

    for (const link of links) {
      let decoded: DecodeResult;
      try {
        decoded = decodeWorkingSet(`#${link.fragment}`);
      } catch (error) {
        exceptions.push(`decode threw on ${link.description}: ${String(error)}`);
        continue;
      }
      if (!decoded.ok) {
        counts.rejected += 1;
        const { kind, message, issues } = decoded.error;
        if (message.length < 10 || /undefined|NaN|\bat \w+ \(/.test(message)) badRejections.push(`${link.description}: unclear message "${message}"`);
        if (link.kind === 'json') {
          // Well-formed data: the reason is a field (or the data is simply too big to open).
          const reasons = kind === 'invalid' ? (issues ?? []) : kind === 'newer-version' ? [message.replace(/^This link was made by a newer version of RouteCost: /, '')] : [];
          if (kind !== 'too-large' && (reasons.length === 0 || !reasons.every((reason) => FIELD_AT_START.test(reason)))) {
            badRejections.push(`${link.description}: ${kind} without a field: ${message}`);
          }
        }
        continue;
      }
      counts.accepted += 1;
      for (const scenario of decoded.value.scenarios) {
        // Each distinct scenario runs the engine once (an unmutated preset beside a mutated one needs no second run).
        const key = JSON.stringify(scenario);
        if (evaluated.has(key)) continue;
        evaluated.add(key);
        try {
          const evaluation = evaluateScenario(scenario);
          counts.evaluatedScenarios += 1;
          if (evaluation.status !== 'ok') {
            // Valid by the schema but not resolvable (e.g. an unknown model): must say which field.
            counts.invalidScenarios += 1;
            if (evaluation.errors.length === 0 || evaluation.errors.some((e) => e.path === '' || e.message === '')) badRejections.push(`${link.description}: unresolvable without a field`);
            continue;
          }
          const problems = nonFinitePaths(evaluation.result);
          if (problems.length > 0) badResults.push(`${link.description}: ${problems.slice(0, 3).join(', ')}`);
        } catch (error) {
          exceptions.push(`evaluate threw on ${link.description}: ${String(error)}`);
        }
      }
    }

    console.info(`fuzz: ${counts.rejected} rejected, ${counts.accepted} accepted (${counts.evaluatedScenarios} distinct scenarios evaluated, ${counts.invalidScenarios} unresolvable)`);
    expect(exceptions).toEqual([]);
    expect(badResults).toEqual([]);
    expect(badRejections.slice(0, 10)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined(); // no prototype pollution from `__proto__` keys
    // The mix is meant to exercise both sides: most links are rejected, and some thousands still run the engine.
    expect(counts.accepted + counts.rejected + exceptions.length).toBe(LINKS);
    expect(counts.rejected).toBeGreaterThan(LINKS / 2);
    expect(counts.evaluatedScenarios).toBeGreaterThan(1000);
  }, 600_000); // ~50 s of CPU on an idle 2-core machine; generous for a busy one
});
