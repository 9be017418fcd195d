module.exports = {
  displayName: 'notes-contract',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/notes-contract',
};
