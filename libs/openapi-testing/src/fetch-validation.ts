import { receivedFromFetch } from './received-response';
import { isRegisteredOrigin, recordResponse, validationState } from './validation-registry';

function methodOf(input: string | URL | Request, init: RequestInit | undefined): string {
  return init?.method ?? (input instanceof Request ? input.method : 'GET');
}

function urlOf(input: string | URL | Request): string {
  if (input instanceof Request) return input.url;
  return input instanceof URL ? input.href : input;
}

/**
 * Wraps `globalThis.fetch` so that every response from a registered origin is checked (on a
 * clone, before the caller gets the original, untouched) and its violations kept. Idempotent.
 */
export function installFetchValidation(): void {
  const state = validationState();
  if (state.installed) return;
  state.originalFetch = globalThis.fetch;
  const original = state.originalFetch;
  const validating = async (
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> => {
    const method = methodOf(input, init);
    const response = await original(input, init);
    // The response's own URL (after any redirect), else the one asked for.
    const url = response.url || urlOf(input);
    // Only a registered origin's bodies are read: a fake server's may never end, on purpose.
    if (isRegisteredOrigin(url)) recordResponse(await receivedFromFetch(method, response, url));
    return response;
  };
  globalThis.fetch = validating;
  state.installed = true;
}

/** Puts the original fetch back. */
export function uninstallFetchValidation(): void {
  const state = validationState();
  if (!state.installed) return;
  globalThis.fetch = state.originalFetch;
  state.installed = false;
}
