import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageFile } from './page-server';
import { PAGE_DIR, WORKSPACE_ROOT } from './paths';

/**
 * Bundles `src/page/sdk-page.ts` and Microsoft's `@azure/msal-browser/custom-auth`, unmodified,
 * into one browser IIFE with esbuild, and returns it with `src/page/index.html` as the files of
 * the page server. `keepNames` keeps the SDK's class names, which the page reports.
 */
export async function bundleTestPage(): Promise<Record<string, PageFile>> {
  const result = await build({
    absWorkingDir: WORKSPACE_ROOT,
    entryPoints: [join(PAGE_DIR, 'sdk-page.ts')],
    tsconfig: join(PAGE_DIR, '..', '..', 'tsconfig.json'),
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
  return {
    '/': {
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(PAGE_DIR, 'index.html'), 'utf8'),
    },
    '/sdk-page.js': { contentType: 'text/javascript; charset=utf-8', body: script.text },
  };
}
