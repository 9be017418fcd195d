// @ts-check
// Bundles the console's browser script (console/src, TypeScript) into `console/console.js` next to
// the emulator's bundle once that is written: an esbuild plugin of the emulator's own build
// (esbuild.config.cjs), so that `nx run b2c-emulator:build` produces the emulator and its console
// together. The page and its style sheet are plain assets of that build.
const { build } = require('esbuild');
const { join } = require('node:path');

/** @type {import('esbuild').Plugin} */
const consoleScriptPlugin = {
  name: 'b2c-emulator-console-script',
  setup(emulatorBuild) {
    emulatorBuild.onEnd(async (result) => {
      const { outdir } = emulatorBuild.initialOptions;
      if (result.errors.length > 0 || outdir === undefined) return;
      await build({
        entryPoints: [join(__dirname, 'src', 'main.ts')],
        tsconfig: join(__dirname, 'tsconfig.json'),
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        outfile: join(outdir, 'console', 'console.js'),
        logLevel: 'warning',
      });
    });
  },
};

module.exports = { consoleScriptPlugin };
