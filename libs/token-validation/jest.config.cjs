module.exports = {
  displayName: 'token-validation',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/token-validation',
};
