module.exports = {
  displayName: 'functions-host',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/functions-host',
};
