module.exports = {
  displayName: 'b2c-emulator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/b2c-emulator',
  // Checks every response from the started emulators against the OpenAPI document they serve.
  setupFilesAfterEnv: ['<rootDir>/test/openapi-validation.setup.ts'],
  // Integration suites start emulator processes and Azurite side by side; on two busy cores a
  // start alone can take longer than Jest's 5 s default.
  testTimeout: 30_000,
};
