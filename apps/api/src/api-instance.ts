import { createTokenValidator, type TokenValidator } from '@ropc/token-validation';
import { apiClock } from './api-clock';
import { loadConfig, type ApiConfig } from './config';
import { SignInProxy } from './proxy/sign-in-proxy';
import { createApiState, type ApiState } from './state/api-state';

/** Everything the API's functions share: configuration, token validation, state. */
export interface Api {
  readonly config: ApiConfig;
  readonly validator: TokenValidator;
  /** Notes, ended sessions and throttle counters: in memory or on Table storage. */
  readonly state: ApiState;
  readonly proxy: SignInProxy;
}

let instance: Api | undefined;

function createApi(): Api {
  const config = loadConfig();
  const validator = createTokenValidator({
    authorities: [config.authority],
    audience: config.audiences,
    keys: {
      refreshIntervalMs: config.jwksRefreshSeconds * 1000,
      refetchCooldownMs: config.jwksRefetchCooldownSeconds * 1000,
    },
    // AUTH_TOKEN_CACHE=off: every request verifies its token's signature (the benchmarks'
    // baseline).
    ...(config.tokenCache ? {} : { cache: false as const }),
  });
  const state = createApiState(config.storage);
  const proxy = new SignInProxy(config, state, () => apiClock.now());
  return { config, validator, state, proxy };
}

/**
 * The process's API services, created on first use from the environment; asynchronous like the
 * emulator's `getEmulator()`, so both apps reach their services the same way. A configuration
 * error rejects every call (listing every bad setting) rather than being cached as a broken instance.
 */
export function getApi(): Promise<Api> {
  // The executor runs at once, so the first call builds the services synchronously; what it
  // throws rejects this call's promise.
  return new Promise((resolve) => {
    instance ??= createApi();
    resolve(instance);
  });
}
