import { join } from 'node:path';

/**
 * This project's own short-lifetime tenant file (version 2): the B2C e2e tenant described here —
 * access and id tokens live 60 s, refresh tokens 300 s, and five distinct wrong passwords lock an
 * account for 60 s per client IP — and the External ID tenant of `external-id-tenant.ts`.
 */
export const E2E_TENANT_FILE = join(__dirname, '..', '..', 'fixtures', 'e2e-tenant.json');

export const TENANT_NAME = 'contoso.onmicrosoft.com';
export const POLICY = 'B2C_1_ROPC_Auth';
/** The web client (`ROPC_Auth_app`). */
export const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
/** The notes API (`notes-api`): the access token's audience. */
export const API_APP_ID = '0e842314-a3f9-451e-a34c-f22568d6db61';
export const NOTES_SCOPES = [
  'https://contoso.onmicrosoft.com/api/notes.read',
  'https://contoso.onmicrosoft.com/api/notes.write',
] as const;
/** As the tenant file says. */
export const ACCESS_TOKEN_SECONDS = 60;
export const REFRESH_TOKEN_SECONDS = 300;
export const LOCKOUT_THRESHOLD = 5;
/** The proxy's anonymous failure budget in the e2e stack: below the threshold, with margin. */
export const ANONYMOUS_FAILURE_BUDGET = 2;

/** A demo user of the tenant file. */
export interface DemoUser {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly objectId: string;
}

export const ALICE: DemoUser = {
  email: 'alice@contoso.com',
  password: 'Alice-Passw0rd!',
  displayName: 'Alice Contoso',
  objectId: '26926d34-dad3-45bb-8bff-84a5f01522d9',
};

export const BOB: DemoUser = {
  email: 'bob@contoso.com',
  password: 'Bob-Passw0rd!',
  displayName: 'Bob Contoso',
  objectId: '35b106c3-2988-4419-8766-0f839dd276bc',
};
