import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import {
  PreloadAllModules,
  provideRouter,
  withComponentInputBinding,
  withPreloading,
} from '@angular/router';
import { authInterceptor, provideRopcAuth } from '@ropc/angular-auth';
import { routes } from './app.routes';
import { loadRuntimeConfig } from './config/load-runtime-config';

/**
 * The app's providers. The auth configuration is loaded from `config.json` at start-up rather than
 * compiled in, so one build serves the emulator and a real tenant.
 */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // Pages are lazy chunks; fetching them once the app is idle means signing in does not wait
    // for the next page's code to download.
    provideRouter(routes, withComponentInputBinding(), withPreloading(PreloadAllModules)),
    provideHttpClient(withInterceptors([authInterceptor]), withFetch()),
    provideRopcAuth(() => loadRuntimeConfig()),
  ],
};
