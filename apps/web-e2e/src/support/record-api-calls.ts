import type { Page } from 'playwright-core';

/** One answered `/api/...` call, as `"POST /api/auth/refresh 200"`. */
export type ApiCall = `${string} /api/${string} ${number}`;

/**
 * Records the page's same-origin `/api/` calls as they are answered, in order. The returned array
 * keeps filling; take `calls.length` as a mark to look only at what came after it.
 */
export function recordApiCalls(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/')) return;
    const path = url.pathname.slice('/api/'.length);
    calls.push(`${response.request().method()} /api/${path} ${response.status()}`);
  });
  return calls;
}
