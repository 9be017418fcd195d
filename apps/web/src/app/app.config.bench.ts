import { provideHttpClient, withFetch } from '@angular/common/http';
import type { ApplicationConfig } from '@angular/core';
import { appCoreProviders } from './app-core-providers';

/**
 * Benchmark only (`nx build web -c bench`): the app without the auth provider and interceptor, so
 * that `npm run bench` can measure what the auth library adds to the initial bundle. Never served.
 */
export const appConfig: ApplicationConfig = {
  providers: [...appCoreProviders(), provideHttpClient(withFetch())],
};
