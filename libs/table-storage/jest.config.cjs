module.exports = {
  displayName: 'table-storage',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/table-storage',
};
