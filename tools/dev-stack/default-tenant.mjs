// @ts-check
// The names and ids of the emulator's default tenant file (apps/b2c-emulator/src/tenant/
// default-tenant.json) that `npm start` wires together: the API's settings, the web client's
// config.json and the banner's demo users all come from here, so they cannot disagree.

/** The Azure AD B2C tenant and its ROPC user flow. */
export const B2C_TENANT = 'contoso.onmicrosoft.com';
export const B2C_POLICY = 'B2C_1_ROPC_Auth';

/** The Entra External ID tenant (native authentication). */
export const EXTERNAL_ID_TENANT = 'contosoid.onmicrosoft.com';

/** @typedef {'password' | 'email-otp'} SignInMethod */

/**
 * An External ID client app: the one the web client and the native-auth proxy use.
 * @typedef {object} ExternalIdApp
 * @property {string} name
 * @property {string} clientId
 * @property {string} userFlow What the banner calls its user flow.
 */

/**
 * The External ID client app of each sign-in method.
 * @type {Readonly<Record<SignInMethod, ExternalIdApp>>}
 */
export const EXTERNAL_ID_APPS = {
  password: {
    name: 'contoso-notes-spa',
    clientId: 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45',
    userFlow: 'e-mail with password',
  },
  'email-otp': {
    name: 'contoso-notes-otp',
    clientId: 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47',
    userFlow: 'e-mail one-time passcode',
  },
};

/** The External ID notes API's scopes (`notes-api`, e8b4d1a6-…). */
export const EXTERNAL_ID_API_SCOPES = [
  'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.read',
  'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.write',
];

/** Development-only passwords of the demo users, the same in both tenants. */
export const ALICE = { email: 'alice@contoso.com', password: 'Alice-Passw0rd!' };
export const BOB = { email: 'bob@contoso.com', password: 'Bob-Passw0rd!' };
/** External ID only: no password, signs in with e-mailed codes. */
export const CAROL = { email: 'carol@contoso.com' };

/**
 * The External ID client app `npm start` uses, and its sign-in method: the one `--sign-in-method`
 * names; else the one the environment's EXTERNAL_ID_CLIENT_ID names (a client id the default
 * tenant does not know — a real tenant's — is taken as a password app); else the password app.
 * @param {SignInMethod | undefined} signInMethod
 * @param {string | undefined} configuredClientId
 * @returns {{ signInMethod: SignInMethod, app: ExternalIdApp }}
 */
export function chooseExternalIdApp(signInMethod, configuredClientId) {
  if (signInMethod) return { signInMethod, app: EXTERNAL_ID_APPS[signInMethod] };
  if (configuredClientId === undefined) {
    return { signInMethod: 'password', app: EXTERNAL_ID_APPS.password };
  }
  for (const method of /** @type {SignInMethod[]} */ (['password', 'email-otp'])) {
    const app = EXTERNAL_ID_APPS[method];
    if (app.clientId === configuredClientId) return { signInMethod: method, app };
  }
  return {
    signInMethod: 'password',
    app: {
      name: 'EXTERNAL_ID_CLIENT_ID',
      clientId: configuredClientId,
      userFlow: 'e-mail with password',
    },
  };
}
