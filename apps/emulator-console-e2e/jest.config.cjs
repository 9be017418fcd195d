// Browser test of the emulator console against the built emulator: one file starts the emulator
// and Chromium, so it runs alone (runInBand) on this two-core machine.
module.exports = {
  displayName: 'emulator-console-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Stops the run at once without Chromium (@ropc/browser-testing).
  globalSetup: '<rootDir>/../../libs/browser-testing/src/chromium-global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};
