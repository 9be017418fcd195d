// Scale-out tests: several emulator and API processes on one Azurite, started per test file, so
// files run one after another on this two-core machine.
module.exports = {
  displayName: 'scale-out-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
