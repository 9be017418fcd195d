import type { TokenValidator, ValidatedToken } from '@ropc/token-validation';
import { apiClock } from './api-clock';
import { createTokenAuthorities, type TrustedAuthority } from './auth/token-authorities';
import { loadConfig, type ApiConfig } from './config';
import { NativeAuthProxy } from './proxy/native/native-auth-proxy';
import { SignInProxy } from './proxy/sign-in-proxy';
import { createApiState, type ApiState } from './state/api-state';
import { tracedTokenValidator } from './telemetry/token-validation-telemetry';

/** Everything the API's functions share: configuration, token validation, state. */
export interface Api {
  readonly config: ApiConfig;
  /** Every configured authority's tokens, each checked by its own validator (chosen by `iss`). */
  readonly validator: TokenValidator;
  /** The configured authority that issued a token the validator accepted. */
  readonly authorityOf: (token: ValidatedToken) => TrustedAuthority;
  /** Notes, ended sessions and throttle counters: in memory or on Table storage. */
  readonly state: ApiState;
  /** The sign-in proxy; `undefined` without the B2C settings (it forwards to B2C only). */
  readonly proxy: SignInProxy | undefined;
  /** The native-authentication proxy; `undefined` without the External ID settings. */
  readonly nativeProxy: NativeAuthProxy | undefined;
}

let instance: Api | undefined;

function createApi(): Api {
  const config = loadConfig();
  const authorities = createTokenAuthorities(config);
  const { authorityOf } = authorities;
  const validator = tracedTokenValidator(authorities.validator, (token) => authorityOf(token).kind);
  const state = createApiState(config.storage);
  const proxy = config.b2c ? new SignInProxy(config, state, () => apiClock.now()) : undefined;
  const nativeProxy = config.externalId
    ? new NativeAuthProxy(config, state, () => apiClock.now())
    : undefined;
  return { config, validator, authorityOf, state, proxy, nativeProxy };
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
