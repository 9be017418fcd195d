import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import {
  PreloadAllModules,
  provideRouter,
  withComponentInputBinding,
  withPreloading,
} from '@angular/router';
import { routes } from './app.routes';

/**
 * What every build of the app has, with or without authentication: zoneless change detection,
 * global error listeners and the router. The production and bench configurations add the rest,
 * so that the bench build differs from the real one only by the auth library.
 */
export function appCoreProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // Pages are lazy chunks; fetching them once the app is idle means signing in does not wait
    // for the next page's code to download.
    provideRouter(routes, withComponentInputBinding(), withPreloading(PreloadAllModules)),
  ];
}
