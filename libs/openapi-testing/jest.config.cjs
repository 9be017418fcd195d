module.exports = {
  displayName: 'openapi-testing',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/openapi-testing',
};
