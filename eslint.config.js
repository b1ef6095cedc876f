// Lint rules, including the layer rules of DESIGN.md §2: each folder may import only from the
// layers listed there. tests/unit/lint-layers.test.ts proves a forbidden import fails lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

// Bare module names are matched exactly (`paths`); folder rules use gitignore-style `patterns`.
const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'stream',
  'url',
  'util',
  'zlib',
  'events',
];
const forbid = (groups, message) => {
  const isBareName = (g) => !g.includes('*') && !g.includes('/');
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: groups.filter(isBareName).map((name) => ({ name, message })),
        patterns: groups.filter((g) => !isBareName(g)).map((group) => ({ group: [group], message })),
      },
    ],
  };
};
const nodeOnly = [...nodeBuiltins, 'node:*'];

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'demo-output/**',
      'release/**',
      'node_modules/**',
      'dist/**',
      'tests/bench/data/**',
      'tests/bench/results/**',
      'resources/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      [
        ...nodeOnly,
        'electron',
        'better-sqlite3',
        '**/src-main/**',
        '**/src-renderer/**',
        'react',
        'react-dom',
      ],
      'shared/ is pure TypeScript: it may import only from shared/ (and zod). See DESIGN.md §2.',
    ),
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [...nodeOnly, 'electron', 'better-sqlite3', '**/src-main/**'],
      'src-renderer/ may import only shared/, DOM and React. See DESIGN.md §2.',
    ),
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: forbid(
      ['electron', 'electron/*', '**/src-renderer/**', '**/cli/**', '**/web/**', '**/electron/**'],
      'src-main/core/ never imports electron, the hosts or the renderer. See DESIGN.md §2.',
    ),
  },
  {
    files: ['src-main/cli/**/*.ts', 'src-main/web/**/*.ts'],
    rules: forbid(
      ['electron', 'electron/*', '**/src-renderer/**', '**/electron/**'],
      'CLI and web host use only core/, shared/ and node:*. See DESIGN.md §2.',
    ),
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: forbid(
      ['**/src-renderer/**', '**/cli/**', '**/web/**'],
      'The Electron shell uses electron, shared/ and core entry points only. See DESIGN.md §2.',
    ),
  },
);
