// Workspace lint rules: typescript-eslint strict type-checked, Prettier-compatible, and Nx module
// boundaries that keep platform-neutral, browser and Node code apart.
import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];

/** Sources of the projects tagged platform:neutral or platform:browser. */
const nonNodeSources = [
  'libs/protocol/src/**/*.ts',
  'libs/identity-protection/src/**/*.ts',
  'libs/notes-contract/src/**/*.ts',
  'libs/angular-auth/src/**/*.ts',
  'apps/web/src/**/*.ts',
  // The emulator console's browser code, inside the Node emulator project.
  'apps/b2c-emulator/console/src/**/*.ts',
];

/**
 * The workspace's Node scripts (bench, soak, fuzz, dev stack, web server, test runner): checked
 * JavaScript, run by `node` as they are. Each folder's tsconfig.json has `checkJs`, so the
 * type-aware rules apply to them as to TypeScript.
 */
const toolScripts = ['tools/**/*.mjs', 'tools/test-summary/**/*.cjs'];

/** Tags: `type:app|lib|tool` and `platform:neutral|browser|node`. */
const moduleBoundaries = {
  enforceBuildableLibDependency: true,
  allow: [],
  depConstraints: [
    // An app's standalone bin may embed the local Functions host (role:functions-host); apps never
    // import other apps or other tools.
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'role:functions-host'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib', 'type:tool'] },
    {
      sourceTag: 'platform:neutral',
      onlyDependOnLibsWithTags: ['platform:neutral'],
      bannedExternalImports: ['@angular/*', '@azure/*', 'rxjs'],
    },
    {
      sourceTag: 'platform:browser',
      onlyDependOnLibsWithTags: ['platform:browser', 'platform:neutral'],
      bannedExternalImports: ['@azure/*'],
    },
    {
      sourceTag: 'platform:node',
      onlyDependOnLibsWithTags: ['platform:node', 'platform:neutral'],
      bannedExternalImports: ['@angular/*'],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/coverage',
      '**/.nx',
      '**/.angular',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      ...toolScripts.map((pattern) => `!${pattern}`),
    ],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.strictTypeChecked,
  {
    files: ['**/*.ts', ...toolScripts],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries],
    },
  },
  {
    // Node built-ins are not npm projects, so the boundary rule cannot see them: ban them by name in
    // the platform-neutral and browser projects (their tests may still use them).
    files: nonNodeSources,
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .filter((m) => m !== 'node:*')
            .map((name) => ({
              name,
              message: 'Node built-ins are not available in browsers or edge runtimes.',
            })),
          patterns: [{ group: ['node:*'], message: 'Node built-ins are not available here.' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', 'require'],
    },
  },
  {
    // The soak drives the processes the bench starts: it imports tools/bench/lib by relative path,
    // since plain Node ESM has no path aliases. Nx still records soak → bench in the graph.
    files: ['tools/soak/**/*.mjs'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { ...moduleBoundaries, allow: ['../bench/lib/*', '../../bench/lib/*'] },
      ],
    },
  },
  {
    // A Jest reporter is loaded with require(), so it stays CommonJS.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests may use Node built-ins (servers, child processes) and looser typing of fixtures.
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
