import { Injectable } from '@angular/core';
import { RopcAuthConfigError } from './ropc-auth-config-error';
import type { ResolvedRopcAuthConfig } from './ropc-auth-config';

/**
 * Holds the configuration once the app initializer has validated it. Internal: the configuration
 * may arrive after injection (from `config.json`), so consumers read it when they need it.
 */
@Injectable({ providedIn: 'root' })
export class AuthConfigHolder {
  private value: ResolvedRopcAuthConfig | undefined;

  /** The configuration, or undefined before it is loaded. */
  peek(): ResolvedRopcAuthConfig | undefined {
    return this.value;
  }

  /** @throws RopcAuthConfigError `ERR_AUTH_CONFIG_NOT_LOADED` before it is loaded. */
  get(): ResolvedRopcAuthConfig {
    if (!this.value) throw new RopcAuthConfigError('ERR_AUTH_CONFIG_NOT_LOADED');
    return this.value;
  }

  /** Called once by the app initializer with the validated configuration. */
  set(config: ResolvedRopcAuthConfig): void {
    this.value = config;
  }
}
