// @ts-check
// The web client's config.json for `npm start -- --authority external-id` (docs/architecture.md,
// "Web runtime configuration"). B2C needs none: the built app's own config.json is B2C's. No
// signUpUrl or passwordResetUrl: those link to B2C's hosted user flows, which the emulator does not
// serve, and External ID signs up and resets in the app itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTERNAL_ID_API_SCOPES } from './default-tenant.mjs';

/** @import { SignInMethod } from './default-tenant.mjs' */

/**
 * The web runtime configuration of an External ID deployment.
 * @typedef {object} ExternalIdWebConfig
 * @property {'external-id'} authorityKind
 * @property {'proxy'} mode
 * @property {string} tokenEndpoint The B2C-shaped endpoint refresh and sign-out derive from.
 * @property {string} nativeAuthBase Where the native-auth proxy answers, on the web origin.
 * @property {SignInMethod} signInMethod
 * @property {string} clientId Must be the API's EXTERNAL_ID_CLIENT_ID: the proxy refuses others.
 * @property {string[]} scopes
 * @property {{ url: string, scopes: string[] }[]} protectedResources
 */

/**
 * @param {string} clientId The API's `EXTERNAL_ID_CLIENT_ID`.
 * @param {SignInMethod} signInMethod
 * @returns {ExternalIdWebConfig}
 */
export function createExternalIdWebConfig(clientId, signInMethod) {
  return {
    authorityKind: 'external-id',
    mode: 'proxy',
    tokenEndpoint: '/api/auth/token',
    nativeAuthBase: '/api/auth/native',
    signInMethod,
    clientId,
    scopes: ['openid', 'offline_access', ...EXTERNAL_ID_API_SCOPES],
    protectedResources: [{ url: '/api/', scopes: [...EXTERNAL_ID_API_SCOPES] }],
  };
}

/**
 * Writes `config` as config.json into a new temporary folder (never into the build or the
 * sources, which other runs use) and removes the folder when this process exits.
 * @param {ExternalIdWebConfig} config
 * @returns {string} The file's path.
 */
export function writeTemporaryWebConfig(config) {
  const folder = mkdtempSync(join(tmpdir(), 'dev-stack-web-config-'));
  const file = join(folder, 'config.json');
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  process.once('exit', () => {
    rmSync(folder, { recursive: true, force: true });
  });
  return file;
}
