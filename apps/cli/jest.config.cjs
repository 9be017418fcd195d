module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/cli',
  // The suites run the built `ropc` against an emulator process; on two busy cores a start alone
  // can take longer than Jest's 5 s default.
  testTimeout: 30_000,
};
