module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/api',
  // Checks every response from the started API and emulator against their OpenAPI documents.
  setupFilesAfterEnv: ['<rootDir>/test/openapi-validation.setup.ts'],
};
