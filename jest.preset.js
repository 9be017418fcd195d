// Shared Jest settings for the Node and platform-neutral projects. TypeScript and ESM-only
// dependencies (jose 6) are compiled to CommonJS by SWC, so Jest runs without
// --experimental-vm-modules.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, '\\$&')}$`,
    path.join(__dirname, target),
  ]),
);

/** ESM-only packages that must be transformed for Jest's CommonJS runtime. */
const esmOnlyPackages = ['jose'];

module.exports = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.(ts|m?js)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleNameMapper,
  testMatch: ['**/?(*.)+(spec|test).ts'],
  reporters: ['default', path.join(__dirname, 'tools/test-summary/jest-summary-reporter.cjs')],
};
