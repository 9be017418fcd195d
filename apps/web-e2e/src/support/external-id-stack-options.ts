import type { ExternalIdSignInMethod } from './external-id-tenant';
import { PROXY_STACK_OPTIONS } from './proxy-stack-options';
import type { TestStackOptions } from './test-stack';
import { createExternalIdRuntimeConfig } from './web-runtime-config';

/**
 * A stack whose web client signs in with the External ID tenant through the native-auth proxy
 * (cookie mode), with the client app of `signInMethod` in both the API (`EXTERNAL_ID_CLIENT_ID`)
 * and `config.json`. As {@link PROXY_STACK_OPTIONS}: `refreshAheadSeconds: 10` for the 60-second
 * tokens, and the proxy's failure budgets below the e2e tenants' lockout threshold (5, both
 * tenants). `apiEnv` adds or overrides API settings (e.g. `AUTH_NATIVE_RESET_ACCOUNT`).
 */
export function createExternalIdStackOptions(
  signInMethod: ExternalIdSignInMethod,
  apiEnv: Readonly<Record<string, string>> = {},
): TestStackOptions {
  return {
    externalIdSignInMethod: signInMethod,
    runtimeConfig: () => createExternalIdRuntimeConfig(signInMethod, { refreshAheadSeconds: 10 }),
    apiEnv: { ...PROXY_STACK_OPTIONS.apiEnv, ...apiEnv },
  };
}

/** The web client on `contoso-notes-spa`: e-mail with password, sign-up, password reset. */
export const EXTERNAL_ID_PASSWORD_STACK_OPTIONS = createExternalIdStackOptions('password');

/** The web client on `contoso-notes-otp`: e-mail one-time passcode. */
export const EXTERNAL_ID_EMAIL_OTP_STACK_OPTIONS = createExternalIdStackOptions('email-otp');
