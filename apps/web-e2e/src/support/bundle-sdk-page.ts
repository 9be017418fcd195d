import { build } from 'esbuild';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './test-stack';

/** The SDK test page: its HTML and its one script. */
export interface SdkPageBundle {
  readonly html: string;
  readonly script: string;
}

/** Where the page is served on the web origin (by the browser context's routes, not the server). */
export const SDK_PAGE_PATH = '/sdk-test.html';
export const SDK_SCRIPT_PATH = '/sdk-test.js';

const PAGE_SOURCE = join(__dirname, 'sdk-page', 'sdk-page.ts');

/**
 * Bundles `sdk-page/sdk-page.ts` with Microsoft's `@azure/msal-browser/custom-auth`, unmodified,
 * into one browser IIFE with esbuild (`keepNames`: the page reports the SDK's class names), as
 * apps/external-id-sdk-e2e does.
 */
export async function bundleSdkPage(): Promise<SdkPageBundle> {
  const result = await build({
    absWorkingDir: WORKSPACE_ROOT,
    entryPoints: [PAGE_SOURCE],
    tsconfig: join(__dirname, '..', '..', 'tsconfig.json'),
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
  const html = [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><link rel="icon" href="data:,"><title>msal-browser custom-auth test page</title></head>',
    '<body><main><h1>msal-browser custom-auth test page</h1></main>',
    `<script src="${SDK_SCRIPT_PATH}"></script></body>`,
    '</html>',
  ].join('\n');
  return { html, script: script.text };
}
