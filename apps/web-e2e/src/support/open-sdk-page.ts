import {
  callSdkPage,
  renderSdkPageHtml,
  type SdkPageBundle,
  type SdkPageConfig,
  type SdkPageInput,
  type SdkStepName,
} from '@ropc/native-auth-testing';
import type { BrowserContext, Page } from 'playwright-core';
import { sdkStepOutcome, type SdkStepOutcome } from './sdk-step-outcome';

/** Where the page is served on the web origin (by the browser context's routes, not the server). */
const SDK_PAGE_PATH = '/sdk-test.html';
const SDK_SCRIPT_PATH = '/sdk-test.js';

/** The SDK test page open in a browser context, with one SDK application created in it. */
export interface SdkPage {
  readonly page: Page;
  /** Runs one SDK step, `window.sdkPage[name](input)`, in the page. */
  call<K extends SdkStepName>(name: K, input: SdkPageInput<K>): Promise<SdkStepOutcome>;
  /** Every request the page made, as `"POST http://…/path 200"`, for assertions and failures. */
  readonly requests: readonly string[];
}

/**
 * Serves the SDK test page of `@ropc/native-auth-testing` on `webUrl` itself — the context answers
 * `/sdk-test.html` and `/sdk-test.js` from memory, so the page has the web origin and every other
 * request (the SDK's calls to `/api/auth/native/…`) reaches the real web server — opens it and
 * runs `CustomAuthPublicClientApplication.create(config)`.
 */
export async function openSdkPage(
  context: BrowserContext,
  webUrl: string,
  bundle: SdkPageBundle,
  config: SdkPageConfig,
): Promise<{ sdk: SdkPage; created: string }> {
  await context.route(`${webUrl}${SDK_PAGE_PATH}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: renderSdkPageHtml(SDK_SCRIPT_PATH),
    }),
  );
  await context.route(`${webUrl}${SDK_SCRIPT_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: bundle.script }),
  );
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('response', (response) => {
    requests.push(`${response.request().method()} ${response.url()} ${response.status()}`);
  });
  page.on('requestfailed', (request) => {
    requests.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`);
  });
  await page.goto(`${webUrl}${SDK_PAGE_PATH}`);
  await page.waitForFunction(() => typeof window.sdkPage === 'object');
  const { created } = await callSdkPage(page, 'init', config);
  const sdk: SdkPage = {
    page,
    requests,
    call: async (name, input) => sdkStepOutcome(await callSdkPage(page, name, input)),
  };
  return { sdk, created };
}
