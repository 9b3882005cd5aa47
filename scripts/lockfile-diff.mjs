#!/usr/bin/env node
/**
 * `node scripts/lockfile-diff.mjs <before> <after>`: exits 0 when two package-lock.json files differ only in
 * other platforms' optional binary packages, 1 otherwise, and lists the entries that differ. Used by .ci/run after an `npm ci` fallback (TOOLCHAIN.md pitfall 1).
 */
import { readFileSync } from 'node:fs';

const [beforePath, afterPath] = process.argv.slice(2);
if (!beforePath || !afterPath) {
  console.error('usage: node scripts/lockfile-diff.mjs <before> <after>');
  process.exit(2);
}
const packagesOf = (file) => JSON.parse(readFileSync(file, 'utf8')).packages ?? {};
const before = packagesOf(beforePath);
const after = packagesOf(afterPath);

/** A platform binary package (`@next/swc-darwin-arm64`, `@tailwindcss/oxide-wasm32-wasi`, ...) or a package
 *  bundled inside one. */
const PLATFORM_PACKAGE = /(^|\/)[^/]*-(darwin|win32|linux|freebsd|openbsd|android|sunos|aix|wasm32)-[^/]*(\/|$)/;

/** An optional entry for another platform: its os/cpu excludes this machine, or it is a platform binary package
 *  that the registry may or may not have served when the lockfile was written. */
function foreignOptional(key, entry) {
  if (!entry || !entry.optional) return false;
  const excludes = (list, value) => Array.isArray(list) && list.length > 0 && !list.includes(value);
  return excludes(entry.os, process.platform) || excludes(entry.cpu, process.arch) || PLATFORM_PACKAGE.test(key);
}

const differing = [];
for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
  const a = before[key];
  const b = after[key];
  if (JSON.stringify(a) === JSON.stringify(b)) continue;
  if (foreignOptional(key, a ?? b) && (a === undefined || b === undefined)) continue;
  differing.push(key || '(root)');
}
if (differing.length > 0) {
  console.error(`lockfile-diff: ${differing.length} entries differ beyond other platforms' optional binaries:`);
  for (const key of differing.slice(0, 20)) console.error(`  ${key}`);
  process.exit(1);
}
console.log('lockfile-diff: only other platforms\' optional binaries differ');
