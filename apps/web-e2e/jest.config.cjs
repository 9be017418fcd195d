// Browser end-to-end tests: each file starts its own stack (emulator, API, web server) and
// Chromium, so files run one after another (runInBand) on this two-core machine.
module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Stops the run at once without Chromium (@ropc/browser-testing).
  globalSetup: '<rootDir>/../../libs/browser-testing/src/chromium-global-setup.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
};
