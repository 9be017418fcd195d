import type { RopcAuthConfig } from '@ropc/angular-auth';

/** Where the runtime configuration is served, next to `index.html`. */
export const RUNTIME_CONFIG_URL = 'config.json';

/** The app's own sign-in route, where the guard sends signed-out people. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * Fetches `config.json` at start-up, so one build runs against the emulator or a real tenant.
 * `provideRopcAuth` validates the fields and fails bootstrap listing every bad one; this only
 * makes sure there is a JSON object to validate, and says which file was at fault when not.
 * `signInPath` is always the app's own route: it belongs to the build, not to the tenant.
 *
 * `no-cache` still revalidates, so a changed configuration takes effect on the next load.
 * `fetch` rather than `HttpClient`: this runs before the auth interceptor has a configuration.
 */
export async function loadRuntimeConfig(
  fetchConfig: typeof fetch = fetch,
  url: string = RUNTIME_CONFIG_URL,
): Promise<RopcAuthConfig> {
  let response: Response;
  try {
    response = await fetchConfig(url, {
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
    });
  } catch {
    throw new Error(`Could not load ${url}: the server is unreachable`);
  }
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  const value: unknown = await response.json().catch(() => undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`Could not load ${url}: it must hold a JSON object`);
  }
  return { ...(value as RopcAuthConfig), signInPath: SIGN_IN_PATH };
}
