/**
 * The External ID tenant of the emulator's default tenant file, as this test expects it: the
 * names, ids, apps and users the emulator's External ID routes are built to serve.
 */

export const TENANT_NAME = 'contosoid.onmicrosoft.com';
export const TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';

/**
 * What a real app configures: the bare ciamlogin.com host. MSAL adds `contosoid.onmicrosoft.com`
 * itself and never calls it: every call goes to `customAuth.authApiProxyUrl`.
 */
export const AUTHORITY = 'https://contosoid.ciamlogin.com/';

/** `customAuth.authApiProxyUrl`: MSAL appends `oauth2/v2.0/initiate`, `signup/v1.0/start`, …. */
export function authApiProxyUrl(emulatorUrl: string): string {
  return `${emulatorUrl}/${TENANT_NAME}`;
}

/** Email + password, sign-up on, displayName required. */
export const PASSWORD_APP = {
  name: 'contoso-notes-spa',
  clientId: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45',
  // An email + password app verifies the address of a new user with a code, so it declares both.
  challengeTypes: ['password', 'oob'],
} as const;

/** Email one-time code only. */
export const OTP_APP = {
  name: 'contoso-notes-otp',
  clientId: 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47',
  challengeTypes: ['oob'],
} as const;

export const API_APP_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
export const NOTES_READ = `api://${API_APP_ID}/notes.read`;
export const NOTES_WRITE = `api://${API_APP_ID}/notes.write`;

export const ALICE = { email: 'alice@contoso.com', password: 'Alice-Passw0rd!' } as const;
export const BOB = { email: 'bob@contoso.com', password: 'Bob-Passw0rd!' } as const;
/** No password: signs in with a code only. */
export const CAROL = { email: 'carol@contoso.com' } as const;
