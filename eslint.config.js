// The project's one lint + format configuration: ESLint with typed rules, Prettier run as a rule,
// and the import boundary that keeps the engine free of UI, DOM and worker code.
import js from '@eslint/js';
import prettier from 'eslint-plugin-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const prettierOptions = {
  printWidth: 110,
  singleQuote: true,
  trailingComma: 'all',
  semi: true,
  arrowParens: 'always',
  endOfLine: 'lf',
};

const engineBoundary = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react/*', 'react-dom/*'],
      message: 'The engine must not depend on React.',
    },
    {
      group: [
        'zustand',
        'zustand/*',
        '@xyflow/*',
        'motion',
        'motion/*',
        'monaco-editor',
        'monaco-editor/*',
        'monaco-yaml',
        'monaco-yaml/*',
        'comlink',
      ],
      message: 'The engine must not depend on UI or worker libraries.',
    },
    {
      group: ['**/ui/**', '**/ui', '**/worker/**', '**/worker', '**/lessons/**'],
      message: 'The engine never imports from the UI, the worker or the lessons.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { prettier, 'react-hooks': reactHooks },
    rules: {
      'prettier/prettier': ['warn', prettierOptions],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/cli.ts', 'src/engine/bench/**'],
    rules: {
      'no-restricted-imports': ['error', engineBoundary],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'self',
          'navigator',
          'localStorage',
          'sessionStorage',
          'postMessage',
          'Worker',
          'fetch',
          'structuredClone',
          'requestAnimationFrame',
        ].map((name) => ({ name, message: 'The engine runs headless: no browser or worker globals.' })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine is deterministic: the clock lives in the cluster state.',
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'The engine is deterministic: randomness must come from state.',
        },
        {
          object: 'Date',
          property: 'now',
          message: 'The engine is deterministic: the clock lives in the cluster state.',
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
