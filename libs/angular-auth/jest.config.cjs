// Angular unit tests: jest-preset-angular (zoneless TestBed) in jsdom. Paths map to the workspace's
// TypeScript sources as in the root preset; the summary reporter feeds `npm test`'s closing line.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');
const { compilerOptions } = require('../../tsconfig.base.json');

const workspaceRoot = path.join(__dirname, '..', '..');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace(/[/.]/g, '\\$&')}$`,
    path.join(workspaceRoot, target),
  ]),
);

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.json' }),
  displayName: 'angular-auth',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/test/setup-jest.ts'],
  moduleNameMapper,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: path.join(workspaceRoot, 'coverage/libs/angular-auth'),
  reporters: ['default', path.join(workspaceRoot, 'tools/test-summary/jest-summary-reporter.cjs')],
};
