// The CLI bundle's esbuild options (the Nx esbuild executor's `esbuildConfig`): `ropc.js`, not
// `ropc.cjs`, so that package.json's `bin` names it, and the shebang that makes it executable.
module.exports = {
  outExtension: { '.js': '.js' },
  banner: { js: '#!/usr/bin/env node' },
};
