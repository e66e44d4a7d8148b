// Lint for the whole tree, run by `npm run lint` and `npm test`, zero warnings. Beside the usual rules it holds
// the folder rules (the README's layout), so a file that crosses a process boundary fails here, not in review:
// - only electron/main/electron/**, electron/main/index.ts and electron/preload/** import `electron`;
// - shared/ imports nothing but zod (and itself);
// - the renderer imports nothing from electron/ (main, preload, web preview);
// - main never imports the renderer;
// - the simulator (electron/main/sim/) reaches production code through the demo's doors, core/demo-api.ts (the
//   simulated API) and history/demo-history.ts (the demo's recorded week).
import js from '@eslint/js'
import globals from 'globals'
import svelte from 'eslint-plugin-svelte'
import tseslint from 'typescript-eslint'

const electronOnly = {
  name: 'electron',
  message: 'Only electron/main/electron/**, electron/main/index.ts and electron/preload/** may import electron.',
}
const notFromRenderer = {
  group: ['@main/*', '@web/*', '**/electron/**'],
  message: 'The renderer talks to main through the IPC contract in shared/, never by importing electron/.',
}
const notFromMain = {
  group: ['@renderer/*', '**/renderer/**'],
  message: 'Main never imports the renderer; what both need lives in shared/.',
}
const simOnlyThroughDemo = {
  group: ['@main/sim', '@main/sim/*', '../sim', '../sim/*', './sim', './sim/*'],
  message:
    'The simulator reaches the app only through core/demo-api.ts and history/demo-history.ts (the demo’s doors).',
}

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.test-output/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        project: ['./tsconfig.json', './test/tsconfig.json', './renderer/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      // State here is replaced, never mutated ($state.raw with a new Set or Map): Svelte's reactive collections
      // would only add cost ($state.raw for large replaced data is the renderer's rule).
      'svelte/prefer-svelte-reactivity': 'off',
      // An `async` method that implements a Promise-returning interface (command handlers, stores, ports) reads
      // better than a `Promise.resolve` in each; a real missing `await` is caught by no-floating-promises.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser }, parserOptions: { parser: tseslint.parser } },
  },
  {
    // typescript-eslint cannot see the types of Svelte components' instances inside .svelte files (they come from
    // svelte2tsx, which only svelte-check runs): svelte-check type-checks these files with --fail-on-warnings.
    // https://github.com/sveltejs/svelte-eslint-parser/issues/306
    files: ['**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
    },
  },
  {
    // Tests read raw HTTP bodies and files to check what the app wrote: `JSON.parse` gives `any` on purpose there.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['renderer/**', 'test/unit/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['test/bench/renderer-probe.js'],
    languageOptions: { globals: { ...globals.browser } },
  },

  // The folder rules. Each block names one boundary; a later block for the same files replaces the rule, so the
  // blocks list every restriction that holds for their files.
  {
    files: ['electron/main/**/*.ts'],
    ignores: [
      'electron/main/electron/**',
      'electron/main/index.ts',
      'electron/main/core/demo-api.ts',
      // The demo's week of history is recorded by running the simulator's dynamics over past days.
      'electron/main/history/demo-history.ts',
      'electron/main/sim/**',
    ],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [notFromMain, simOnlyThroughDemo] }],
    },
  },
  {
    files: ['electron/main/electron/**/*.ts', 'electron/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notFromMain, simOnlyThroughDemo] }] },
  },
  {
    files: ['electron/main/core/demo-api.ts', 'electron/main/history/demo-history.ts', 'electron/main/sim/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [notFromMain] }] },
  },
  {
    files: ['electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [notFromMain, simOnlyThroughDemo] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.svelte'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnly], patterns: [notFromRenderer] }] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|@shared/)',
              message: 'shared/ is imported by every process: it may import only zod and shared/ itself.',
            },
          ],
        },
      ],
    },
  },
)
