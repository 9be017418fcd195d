import { isPlatformBrowser } from '@angular/common';
import {
  PLATFORM_ID,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
  type EnvironmentProviders,
} from '@angular/core';
import { AuthConfigHolder } from './auth-config-holder';
import { AuthSession } from './auth-session';
import type { RopcAuthConfig } from './ropc-auth-config';
import { validateRopcAuthConfig } from './validate-ropc-auth-config';

/**
 * Sets up ROPC sign-in for an application. Give the configuration, or a loader for the runtime
 * `config.json` so one build runs against the emulator or a real tenant:
 *
 * ```ts
 * provideRopcAuth(() => fetch('config.json').then((r) => r.json())),
 * provideHttpClient(withInterceptors([authInterceptor])),
 * ```
 *
 * An app initializer loads and validates the configuration (bootstrap fails with a
 * `RopcAuthConfigError` listing every bad field), then starts the silent refresh that
 * `AuthStore.ready` reports on without making bootstrap wait for it. On the server the silent
 * refresh and tab messaging are skipped (signed out).
 */
export function provideRopcAuth(
  config: RopcAuthConfig | (() => Promise<RopcAuthConfig>),
): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(async () => {
      const holder = inject(AuthConfigHolder);
      const session = inject(AuthSession);
      const inBrowser = isPlatformBrowser(inject(PLATFORM_ID));
      holder.set(validateRopcAuthConfig(typeof config === 'function' ? await config() : config));
      void session.start(inBrowser);
    }),
  ]);
}
