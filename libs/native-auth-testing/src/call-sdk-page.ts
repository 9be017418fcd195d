import type { Page } from 'playwright-core';
import type { SdkPageApi, StepReport } from './sdk-page/sdk-page-contract';

/** What `window.sdkPage[K]` takes. */
export type SdkPageInput<K extends keyof SdkPageApi> = Parameters<SdkPageApi[K]>[0];

/** What `window.sdkPage[K]` answers, once settled. */
export type SdkPageOutput<K extends keyof SdkPageApi> = Awaited<ReturnType<SdkPageApi[K]>>;

/** The page functions that run one SDK step (each answers a {@link StepReport}). */
export type SdkStepName = {
  [K in keyof SdkPageApi]: SdkPageOutput<K> extends StepReport ? K : never;
}[keyof SdkPageApi];

/**
 * Runs `window.sdkPage[name](input)` in `page` (the SDK test page, loaded) and answers its JSON.
 * The method is looked up by name inside the page, because functions cannot cross
 * `page.evaluate`; a page without it fails naming the method.
 */
export function callSdkPage<K extends keyof SdkPageApi>(
  page: Page,
  name: K,
  input: SdkPageInput<K>,
): Promise<SdkPageOutput<K>> {
  return page.evaluate(
    ([method, methodInput]) => {
      const api = window.sdkPage as unknown as Record<string, (input: unknown) => Promise<unknown>>;
      if (typeof api[method] !== 'function') throw new Error(`window.sdkPage has no ${method}()`);
      return api[method](methodInput);
    },
    [name, input] as const,
  ) as Promise<SdkPageOutput<K>>;
}
