import { build } from 'esbuild';
import { join, resolve } from 'node:path';

/** The SDK test page's script, ready to serve as `text/javascript`. */
export interface SdkPageBundle {
  readonly script: string;
}

/** The library's root; esbuild is handed files by path, as Jest runs the sources. */
const LIBRARY_ROOT = resolve(__dirname, '..');
const WORKSPACE_ROOT = resolve(LIBRARY_ROOT, '..', '..');
const PAGE_SOURCE = join(LIBRARY_ROOT, 'src', 'sdk-page', 'sdk-page.ts');

/**
 * Bundles `sdk-page/sdk-page.ts` with Microsoft's `@azure/msal-browser/custom-auth`, unmodified,
 * into one browser IIFE with esbuild. `keepNames` keeps the SDK's class names, which the page
 * reports. Takes a few seconds: bundle once per test file.
 */
export async function bundleSdkPage(): Promise<SdkPageBundle> {
  const result = await build({
    absWorkingDir: WORKSPACE_ROOT,
    entryPoints: [PAGE_SOURCE],
    tsconfig: join(LIBRARY_ROOT, 'tsconfig.json'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    keepNames: true,
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0];
  if (result.outputFiles.length !== 1 || script === undefined) {
    throw new Error(`esbuild wrote ${result.outputFiles.length} files, expected the one bundle`);
  }
  return { script: script.text };
}

/**
 * The SDK test page's HTML, loading the bundle from `scriptPath`: each suite serves the page where
 * its test needs it (its own server, or a route on the web origin), so the path is the caller's.
 */
export function renderSdkPageHtml(scriptPath: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <link rel="icon" href="data:," />',
    '    <title>External ID native authentication: msal-browser custom-auth test page</title>',
    '  </head>',
    '  <body>',
    '    <main>',
    '      <h1>msal-browser custom-auth test page</h1>',
    '      <p>The test drives <code>window.sdkPage</code> (@ropc/native-auth-testing).</p>',
    '    </main>',
    `    <script src="${scriptPath}"></script>`,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}
