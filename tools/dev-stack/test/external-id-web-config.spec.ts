// The External ID web client's config.json that `npm start -- --authority external-id` serves,
// and which client app it names for each sign-in method.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { chooseExternalIdApp } from '../default-tenant.mjs';
import { createExternalIdWebConfig, writeTemporaryWebConfig } from '../external-id-web-config.mjs';

const PASSWORD_APP = 'c5a1e7d2-4b38-4f96-a0e3-9d1b6c2f8a45';
const OTP_APP = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
const API_SCOPES = [
  'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.read',
  'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.write',
];

describe('createExternalIdWebConfig', () => {
  it('describes the proxy deployment of an External ID app with the notes scopes on /api/', () => {
    expect(createExternalIdWebConfig(OTP_APP, 'email-otp')).toEqual({
      authorityKind: 'external-id',
      mode: 'proxy',
      tokenEndpoint: '/api/auth/token',
      nativeAuthBase: '/api/auth/native',
      signInMethod: 'email-otp',
      clientId: OTP_APP,
      scopes: ['openid', 'offline_access', ...API_SCOPES],
      protectedResources: [{ url: '/api/', scopes: API_SCOPES }],
    });
  });
});

describe('writeTemporaryWebConfig', () => {
  it('writes the configuration as JSON into a temporary config.json', () => {
    const config = createExternalIdWebConfig(PASSWORD_APP, 'password');
    const file = writeTemporaryWebConfig(config);
    try {
      expect(file).toMatch(/dev-stack-web-config-[^/]+\/config\.json$/);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(config);
    } finally {
      // The launcher removes it when it exits; a Jest worker may not run that hook.
      rmSync(dirname(file), { recursive: true, force: true });
    }
    expect(existsSync(file)).toBe(false);
  });
});

describe('chooseExternalIdApp', () => {
  it('takes the app of --sign-in-method, whatever the environment says', () => {
    expect(chooseExternalIdApp('email-otp', PASSWORD_APP)).toEqual({
      signInMethod: 'email-otp',
      app: { name: 'contoso-notes-otp', clientId: OTP_APP, userFlow: 'e-mail one-time passcode' },
    });
  });

  it('takes the password app when nothing names one', () => {
    expect(chooseExternalIdApp(undefined, undefined)).toEqual({
      signInMethod: 'password',
      app: { name: 'contoso-notes-spa', clientId: PASSWORD_APP, userFlow: 'e-mail with password' },
    });
  });

  it("takes the environment's EXTERNAL_ID_CLIENT_ID, with its method when the default tenant knows it", () => {
    expect(chooseExternalIdApp(undefined, OTP_APP).signInMethod).toBe('email-otp');
    expect(chooseExternalIdApp(undefined, '11111111-2222-4333-8444-555555555555')).toEqual({
      signInMethod: 'password',
      app: {
        name: 'EXTERNAL_ID_CLIENT_ID',
        clientId: '11111111-2222-4333-8444-555555555555',
        userFlow: 'e-mail with password',
      },
    });
  });
});
