import { bundleSdkPage, renderSdkPageHtml } from '@ropc/native-auth-testing';
import type { PageFile } from './page-server';

/** Where the page server answers the page's script. */
const SCRIPT_PATH = '/sdk-page.js';

/**
 * The SDK test page of `@ropc/native-auth-testing` as the page server's files: the page at `/`
 * and its esbuild bundle (Microsoft's `@azure/msal-browser/custom-auth`, unmodified) beside it.
 */
export async function bundleTestPage(): Promise<Record<string, PageFile>> {
  const { script } = await bundleSdkPage();
  return {
    '/': { contentType: 'text/html; charset=utf-8', body: renderSdkPageHtml(SCRIPT_PATH) },
    [SCRIPT_PATH]: { contentType: 'text/javascript; charset=utf-8', body: script },
  };
}
