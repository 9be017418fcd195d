// The .http walkthrough run by httpyac against a fresh emulator and API started from dist.
module.exports = {
  displayName: 'http-walkthrough',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
