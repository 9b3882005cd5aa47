import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/** The engine is pure: it receives everything as arguments (DESIGN.md §2, docs/decisions/003). */
const enginePurity = {
  files: ['lib/engine/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: ['react', 'react-dom', 'next', 'zustand', 'recharts', 'fs', 'node:fs', 'path', 'node:path'],
        patterns: [
          { group: ['next/*', 'react/*', '@/app/*', '@/data/*', '@/data', '@/lib/store/*', '@/lib/cli/*', '@/lib/catalog/*', '@/lib/scenario/*'], message: 'lib/engine is pure: no UI, data or I/O imports (types only from elsewhere).', allowTypeImports: true },
        ],
      },
    ],
    'no-restricted-globals': ['error', { name: 'fetch', message: 'lib/engine does no I/O.' }, { name: 'localStorage', message: 'lib/engine does no I/O.' }],
    'no-restricted-properties': [
      'error',
      { object: 'Math', property: 'random', message: 'Use the seeded generator (MODEL.md §9.2).' },
      { object: 'Date', property: 'now', message: 'The engine has no clock.' },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  enginePurity,
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'test-results/**', 'test-results-*/**', 'playwright-report/**', 'next-env.d.ts', 'e2e/artifacts/**'] },
];

export default config;
