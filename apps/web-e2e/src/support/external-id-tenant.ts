/**
 * The Entra External ID tenant of `fixtures/e2e-tenant.json` (the emulator's default External ID
 * tenant with short lifetimes): access and id tokens live 60 s, refresh tokens 600 s, and five
 * failed sign-ins lock an account for 60 s, whatever the client's address. The same person has
 * another object id here than in the B2C tenant. MSAL treats a token with under 300 s left as
 * expired: its SDK refreshes the 60-second access tokens on every `getAccessToken`, and could not
 * use a refresh token of 300 s at all.
 */

export const EXTERNAL_ID_TENANT_NAME = 'contosoid.onmicrosoft.com';
export const EXTERNAL_ID_TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';

/** `signInMethod` of the web client's config.json: the user flow its client app is linked to. */
export type ExternalIdSignInMethod = 'password' | 'email-otp';

/** A client app of the tenant with native authentication on. */
export interface ExternalIdApp {
  readonly name: string;
  readonly clientId: string;
  readonly signInMethod: ExternalIdSignInMethod;
  /** What MSAL's `customAuth.challengeTypes` declares for it (MSAL adds `redirect`). */
  readonly challengeTypes: readonly string[];
}

/** User flow "e-mail with password": sign-up on, `displayName` required, `city` optional. */
export const PASSWORD_APP: ExternalIdApp = {
  name: 'contoso-notes-spa',
  clientId: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45',
  signInMethod: 'password',
  // A new user's address is verified with a code, so the password app handles both.
  challengeTypes: ['password', 'oob'],
};

/** User flow "e-mail one-time passcode": every user, even one with a password, gets a code. */
export const OTP_APP: ExternalIdApp = {
  name: 'contoso-notes-otp',
  clientId: 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47',
  signInMethod: 'email-otp',
  challengeTypes: ['oob'],
};

export const EXTERNAL_ID_APPS: Readonly<Record<ExternalIdSignInMethod, ExternalIdApp>> = {
  password: PASSWORD_APP,
  'email-otp': OTP_APP,
};

/** The notes API (`notes-api`): the access token's audience; v2 tokens. */
export const EXTERNAL_ID_API_APP_ID = 'e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28';
export const EXTERNAL_ID_NOTES_SCOPES = [
  `api://${EXTERNAL_ID_API_APP_ID}/notes.read`,
  `api://${EXTERNAL_ID_API_APP_ID}/notes.write`,
] as const;

/** As the tenant file says. */
export const EXTERNAL_ID_ACCESS_TOKEN_SECONDS = 60;
export const EXTERNAL_ID_REFRESH_TOKEN_SECONDS = 600;
export const EXTERNAL_ID_LOCKOUT_THRESHOLD = 5;
/** Digits of every one-time code. */
export const CODE_LENGTH = 8;

/** A user of the External ID tenant who has a password. */
export interface ExternalIdPasswordUser {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly objectId: string;
}

/** A user of the External ID tenant without a password: signs in with e-mailed codes only. */
export interface ExternalIdCodeUser {
  readonly email: string;
  readonly displayName: string;
  readonly objectId: string;
}

/** alice in External ID: the B2C alice's address and password, another object id. */
export const EXTERNAL_ID_ALICE: ExternalIdPasswordUser = {
  email: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
  displayName: 'Alice Contoso',
  objectId: '5f0c2a7e-9b13-4d6a-8e21-3c7b9a4d1e58',
};

export const EXTERNAL_ID_BOB: ExternalIdPasswordUser = {
  email: 'bob@contoso.com',
  password: 'Bob-Passw0rd!',
  displayName: 'Bob Contoso',
  objectId: '8a3e6d1b-2c4f-4b97-a5e0-7d9c1f3b6a24',
};

export const CAROL: ExternalIdCodeUser = {
  email: 'carol@contoso.com',
  displayName: 'Carol Contoso',
  objectId: 'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13',
};
