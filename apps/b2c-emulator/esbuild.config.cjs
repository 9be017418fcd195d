// The emulator bundle's esbuild options (the Nx esbuild executor's `esbuildConfig`, which replaces
// `esbuildOptions`): `.js` outputs, and the console's browser script bundled beside them.
const { consoleScriptPlugin } = require('./console/esbuild-console-plugin.cjs');

module.exports = {
  outExtension: { '.js': '.js' },
  plugins: [consoleScriptPlugin],
};
