import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The kernel knows nothing above it.
    files: ['src/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/control/**', '**/data/**', '**/modules/**', '**/cli/**'], message: 'The kernel must not import the planes, modules or CLI.' },
      ] }],
    },
  },
  {
    // A module uses the kernel and other modules' public index only, never their internals,
    // and knows nothing of the planes.
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)', message: "Use the other module's index.js, not its internals." },
        { regex: '^\\.\\./\\.\\./(control|data|cli|platform)', message: 'Modules do not reach into the planes or the CLI.' },
      ] }],
    },
  },
);
