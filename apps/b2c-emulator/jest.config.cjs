module.exports = {
  displayName: 'b2c-emulator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/b2c-emulator',
};
