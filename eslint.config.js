import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/**
 * Forbids the files of `src/<folder>/` (at any depth) to import from the other top-level
 * folders of `src/` named in `forbidden`. Relative paths are matched by depth, so that
 * `kernel/jobs` may import `kernel/modules` while `kernel/x.ts` may not import `src/modules`.
 */
function walls(folder, forbidden, message) {
  return [1, 2, 3, 4].map((depth) => ({
    files: [`src/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^${'\\.\\./'.repeat(depth)}(${forbidden.join('|')})(/|\\.js$)`, message }] }],
    },
  }));
}

export default tseslint.config(
  // Generated: sdk/src/schema.ts comes from the OpenAPI document (npm run sdk:generate).
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'web/dist/**', 'sdk/dist/**', 'sdk/src/schema.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Build scripts run on Node.
  // The portal's service worker runs in the worker's global scope.
  { files: ['web/public/sw.js'], languageOptions: { globals: { self: 'readonly', caches: 'readonly', fetch: 'readonly', URL: 'readonly', Response: 'readonly' } } },
  { files: ['scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly', setTimeout: 'readonly' } } },
  // The web application: the rules of hooks (and React Compiler's checks) on its components.
  { files: ['web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  // The kernel knows nothing above it.
  ...walls('kernel', ['control', 'data', 'modules', 'cli', 'platform'], 'The kernel must not import the planes, modules or CLI.'),
  // The planes stand side by side on the kernel and never import each other, so either can
  // run alone: they meet through kernel contracts (TenantDirectory, module manifests).
  ...walls('control', ['data', 'modules', 'cli', 'platform'], 'The control plane meets the data plane and the modules only through kernel contracts (TenantDirectory, module manifests).'),
  ...walls('data', ['control', 'cli', 'platform'], 'The data plane meets the control plane only through kernel contracts (TenantDirectory, module manifests).'),
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
  {
    // A room of a module (finance's ledger, billing, ...) is one folder deeper: it reaches
    // another room only through that room's index.js, as it reaches another module.
    files: ['src/modules/*/*/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)', message: "Use the other room's index.js, not its internals." },
        { regex: '^\\.\\./\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)', message: "Use the other module's index.js, not its internals." },
        { regex: '^\\.\\./\\.\\./\\.\\./(control|data|cli|platform)', message: 'Modules do not reach into the planes or the CLI.' },
      ] }],
    },
  },
);
