// @ts-check
// The web client's config.json for Entra External ID (docs/architecture.md, "Web runtime
// configuration"; tools/dev-stack/external-id-web-config.mjs writes the same for `npm start`):
// password sign-in through the API's native-auth proxy as contoso-notes-spa of the emulator's
// default tenant. The build's own config.json is B2C's, so B2C needs none.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOTES_API_ID, SPA_CLIENT_ID } from './external-id-emulator.mjs';

/** What notes-api exposes, as the web client asks for it. */
const API_SCOPES = [`api://${NOTES_API_ID}/notes.read`, `api://${NOTES_API_ID}/notes.write`];

/**
 * A config.json written for one benchmark, and how to remove it.
 * @typedef {object} WrittenWebConfig
 * @property {string} file
 * @property {() => void} remove
 */

/** The configuration; its clientId must be the API's EXTERNAL_ID_CLIENT_ID (the proxy's own). */
export function externalIdWebConfig() {
  return {
    authorityKind: 'external-id',
    mode: 'proxy',
    tokenEndpoint: '/api/auth/token',
    nativeAuthBase: '/api/auth/native',
    signInMethod: 'password',
    clientId: SPA_CLIENT_ID,
    scopes: ['openid', 'offline_access', ...API_SCOPES],
    protectedResources: [{ url: '/api/', scopes: API_SCOPES }],
  };
}

/**
 * Writes the configuration into a new temporary folder, never into the build, which other runs
 * and engineers use.
 * @returns {WrittenWebConfig}
 */
export function writeExternalIdWebConfig() {
  const folder = mkdtempSync(join(tmpdir(), 'bench-web-config-'));
  const file = join(folder, 'config.json');
  writeFileSync(file, `${JSON.stringify(externalIdWebConfig(), null, 2)}\n`);
  return {
    file,
    remove: () => {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
