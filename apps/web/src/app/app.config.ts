import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import type { ApplicationConfig } from '@angular/core';
import { authInterceptor, provideRopcAuth } from '@ropc/angular-auth';
import { appCoreProviders } from './app-core-providers';
import { loadRuntimeConfig } from './config/load-runtime-config';

/**
 * The app's providers. The auth configuration is loaded from `config.json` at start-up rather than
 * compiled in, so one build serves the emulator and a real tenant.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    ...appCoreProviders(),
    provideHttpClient(withInterceptors([authInterceptor]), withFetch()),
    provideRopcAuth(() => loadRuntimeConfig()),
  ],
};
