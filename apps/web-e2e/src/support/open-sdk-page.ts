import type { BrowserContext, Page } from 'playwright-core';
import { SDK_PAGE_PATH, SDK_SCRIPT_PATH, type SdkPageBundle } from './bundle-sdk-page';
import type { SdkPageApi, SdkPageConfig } from './sdk-page/sdk-page-contract';

type Input<K extends keyof SdkPageApi> = Parameters<SdkPageApi[K]>[0];
type Output<K extends keyof SdkPageApi> = Awaited<ReturnType<SdkPageApi[K]>>;

/** The SDK test page open in a browser context, with one SDK application created in it. */
export interface SdkPage {
  readonly page: Page;
  /** Runs `window.sdkPage[name](input)` in the page. */
  call<K extends keyof SdkPageApi>(name: K, input: Input<K>): Promise<Output<K>>;
  /** Every request the page made, as `"POST http://…/path 200"`, for assertions and failures. */
  readonly requests: readonly string[];
}

/**
 * Serves the bundled SDK page on `webUrl` itself — the context answers `/sdk-test.html` and
 * `/sdk-test.js` from memory, so the page has the web origin and every other request (the SDK's
 * calls to `/api/auth/native/…`) reaches the real web server — opens it and runs
 * `CustomAuthPublicClientApplication.create(config)`.
 */
export async function openSdkPage(
  context: BrowserContext,
  webUrl: string,
  bundle: SdkPageBundle,
  config: SdkPageConfig,
): Promise<{ sdk: SdkPage; created: string }> {
  await context.route(`${webUrl}${SDK_PAGE_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: bundle.html }),
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
  function call<K extends keyof SdkPageApi>(name: K, input: Input<K>): Promise<Output<K>> {
    return page.evaluate(
      ([method, methodInput]) => {
        const api = window.sdkPage as unknown as Record<
          string,
          (input: unknown) => Promise<unknown>
        >;
        const step = api[method];
        if (typeof step !== 'function') throw new Error(`window.sdkPage has no ${method}()`);
        return step(methodInput);
      },
      [name, input] as const,
    ) as Promise<Output<K>>;
  }
  const sdk: SdkPage = { page, requests, call };
  const { created } = await sdk.call('init', config);
  return { sdk, created };
}
