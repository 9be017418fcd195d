import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type ApplicationConfig,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
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
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([authInterceptor]), withFetch()),
    provideRopcAuth(() => loadRuntimeConfig()),
  ],
};
