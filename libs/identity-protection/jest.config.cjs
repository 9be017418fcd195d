module.exports = {
  displayName: 'identity-protection',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/identity-protection',
};
