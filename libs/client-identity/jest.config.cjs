module.exports = {
  displayName: 'client-identity',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/client-identity',
};
