// Browser test of Microsoft's msal-browser custom-auth SDK against the built emulator: one file
// starts the emulator, a static page server and Chromium, so it runs alone (runInBand) on this
// two-core machine.
module.exports = {
  displayName: 'external-id-sdk-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Stops the run at once without Chromium (@ropc/browser-testing).
  globalSetup: '<rootDir>/../../libs/browser-testing/src/chromium-global-setup.ts',
  testTimeout: 90_000,
  maxWorkers: 1,
};
