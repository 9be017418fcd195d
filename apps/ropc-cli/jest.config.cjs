module.exports = {
  displayName: 'ropc-cli',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/ropc-cli',
  // Each suite starts an emulator process and runs the built CLI many times; on two busy cores
  // one start can take longer than Jest's 5 s default.
  testTimeout: 30_000,
};
