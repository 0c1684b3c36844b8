import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Top-level directories of src other than the engine (and those to come: commands, lessons). */
const OUTSIDE_ENGINE = ['view', 'store', 'scenario', 'ops', 'commands', 'lessons', 'i18n', 'export', 'examples'].map((d) => `**/${d}/**`);

/**
 * Outside src/engine, the engine is reached only through its public API: index.ts, or tables.ts
 * (its tables without the engine, for the main thread: the engine runs in a Web Worker).
 */
const ENGINE_VIA_INDEX = {
  // Test fixtures that build engine scenarios (src/engine/test/) are shared with tests outside it.
  regex: '(^|/)engine/(?!index\\.ts$|tables\\.ts$|test/)',
  message: 'Outside src/engine, import the engine only through src/engine/index.ts (or tables.ts, its tables without the engine).',
};

/** no-restricted-imports for files outside the engine: `patterns`, plus the engine's public API only. */
function layer(files, patterns) {
  return {
    files,
    ignores: ['src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ENGINE_VIA_INDEX] }] },
  };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'conformance/out', 'conformance/.vm', 'bench/out'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/view/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The engine is a pure model of the kernel: no UI, no DOM, no clocks, no global randomness.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts', 'src/engine/test/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/engine must not depend on React.' },
          { group: ['zustand', 'zustand/*'], message: 'src/engine must not depend on the store.' },
          { group: ['d3', 'd3-*'], message: 'src/engine must not depend on d3.' },
          { group: OUTSIDE_ENGINE, message: 'src/engine may import only from src/engine.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'requestAnimationFrame', 'setTimeout', 'setInterval', 'performance'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG (sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'The engine has simulated time only.' }],
      'no-console': 'error',
    },
  },
  // The other layers' "never"s. Each block repeats ENGINE_VIA_INDEX because a later block's
  // options replace an earlier one's for the same rule (flat config does not merge them).
  layer(['**/*.{ts,tsx,js,mjs}'], []),
  layer(['src/scenario/**'], [
    { group: ['**/store/**', '**/view/**', '**/ops/**', 'zustand', 'zustand/*', 'react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/scenario (the format) must not depend on ops, the store or the view.' },
  ]),
  layer(['src/ops/**'], [
    { group: ['**/store/**', '**/view/**', 'zustand', 'zustand/*', 'react', 'react/*', 'react-dom', 'react-dom/*'], message: 'src/ops (pure edits) must not depend on the store, the view, zustand or React.' },
  ]),
  layer(['src/store/**'], [
    { group: ['**/view/**'], message: 'src/store must not depend on the view.' },
  ]),
  layer(['src/i18n/**'], [
    { group: ['**/view/**'], message: 'src/i18n holds the UI strings; it must not depend on the view.' },
  ]),
);
