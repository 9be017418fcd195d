module.exports = {
  displayName: 'dev-stack',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 180_000,
};
