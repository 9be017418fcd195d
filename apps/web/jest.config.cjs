// Angular unit tests: jest-preset-angular compiles components in JIT under jsdom, zoneless like
// the app. Path aliases come from the workspace preset so there is one list of them.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');
const { moduleNameMapper } = require('../../jest.preset.js');

const workspaceRoot = path.join(__dirname, '..', '..');

/** ESM-only packages, besides Angular's .mjs, that Jest's CommonJS runtime must transform. */
const esmOnlyPackages = ['jose'];

module.exports = {
  ...createCjsPreset(),
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transformIgnorePatterns: [`node_modules/(?!(.*\\.mjs$|${esmOnlyPackages.join('|')}/))`],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: path.join(workspaceRoot, 'coverage/apps/web'),
  reporters: ['default', path.join(workspaceRoot, 'tools/test-summary/jest-summary-reporter.cjs')],
};
