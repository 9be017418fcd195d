import { join } from 'node:path';
import { POLICY, TENANT, type RunningEmulator } from './start-emulator';

/** A copy of the default tenant file: contoso (B2C) first, then contosoid (External ID). */
export const TWO_KIND_TENANT_FILE = join(__dirname, 'fixtures', 'two-kind-tenant.json');
export const CONTOSOID = 'contosoid.onmicrosoft.com';
export const CONTOSOID_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
/** contosoid's users, in file order: alice, bob, and carol (e-mail codes only). */
export const CONTOSOID_USER_IDS = [
  '5f0c2a7e-9b13-4d6a-8e21-3c7b9a4d1e58',
  '8a3e6d1b-2c4f-4b97-a5e0-7d9c1f3b6a24',
  'c1d9f4a2-7e3b-4a68-9b05-2f6e8d4c7a13',
];
/** contoso's users of the file: alice and bob. */
export const CONTOSO_USER_IDS = [
  '26926d34-dad3-45bb-8bff-84a5f01522d9',
  '35b106c3-2988-4419-8766-0f839dd276bc',
];

async function kidsAt(url: string): Promise<string[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { keys: { kid: string }[] };
  return body.keys.map((key) => key.kid);
}

/** The kids contoso's B2C JWKS publishes, the signing key's first. */
export function contosoKids(emulator: RunningEmulator): Promise<string[]> {
  return kidsAt(`${emulator.url}/${TENANT}/${POLICY}/discovery/v2.0/keys`);
}

/** The kids contosoid's External ID JWKS publishes, the signing key's first. */
export function contosoidKids(emulator: RunningEmulator): Promise<string[]> {
  return kidsAt(`${emulator.url}/${CONTOSOID}/discovery/v2.0/keys`);
}
