module.exports = {
  displayName: 'functions-edge',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/functions-edge',
};
