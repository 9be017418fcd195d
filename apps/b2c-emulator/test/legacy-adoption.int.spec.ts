import { TableStorage } from '@ropc/table-storage';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { decodeProtectedHeader } from 'jose';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateStoredSigningKey,
  importSigningKey,
  type StoredSigningKeySet,
} from '../src/keys/signing-key';
import { TABLE_NAMES } from '../src/stores/table-names';
import type { StoredUser } from '../src/stores/user-store';
import { hashPassword } from '../src/tenant/password-hasher';
import {
  TENANT,
  TENANT_ID,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';
import { LEGACY_PARTITION, LEGACY_SEEDED_ROW, legacyUserRows } from './stores/legacy-user-rows';
import {
  CONTOSOID,
  CONTOSOID_ID,
  CONTOSOID_USER_IDS,
  TWO_KIND_TENANT_FILE,
  contosoKids,
  contosoidKids,
} from './two-kind-tenant';

/**
 * Upgrading from an emulator with one tenant (tenant file version 1): what it kept — users in the
 * `users` partition, signing keys in `signing-keys.json` or the `signing-keys` secrets row — now
 * belongs to the first B2C tenant of the file, and tokens it signed keep verifying.
 */

const LARRY_ID = '3b8e1f0a-5c2d-4e7f-9a1b-6d4c2e8f0a13';
const LARRY = { username: 'larry@contoso.com', password: 'Larry-Passw0rd!' };

/** A key set as the older emulator stored it, and the kid its JWKS published. */
async function legacyKeySet(): Promise<{ json: string; kid: string }> {
  const current = await generateStoredSigningKey(Math.floor(Date.now() / 1000) - 3600);
  const set: StoredSigningKeySet = { current };
  return { json: JSON.stringify(set), kid: (await importSigningKey(current)).kid };
}

/** Larry, a user the older emulator's Graph API created: not in the tenant file. */
async function larry(): Promise<StoredUser> {
  return {
    id: LARRY_ID,
    displayName: 'Larry Legacy',
    identities: [{ signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: LARRY.username }],
    passwordHash: await hashPassword(LARRY.password),
    accountEnabled: true,
    attributes: {},
    forceChangePasswordNextSignIn: false,
    refreshTokensValidFrom: 0,
  };
}

async function listUserIds(emulator: RunningEmulator, query = ''): Promise<string[]> {
  const response = await emulator.admin('GET', `/v1.0/users${query}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { value: { id: string }[] };
  return body.value.map((user) => user.id).sort();
}

describe('upgrading a Table storage state of one tenant (Azurite)', () => {
  let azurite: RunningAzurite;
  let storage: TableStorage;
  let emulator: RunningEmulator | undefined;
  let legacyKid: string;

  beforeAll(async () => {
    azurite = await startAzurite();
    storage = new TableStorage(azurite.connectionString);
    const users = storage.table(TABLE_NAMES.users);
    for (const row of [...legacyUserRows(await larry()), LEGACY_SEEDED_ROW]) {
      expect((await users.create(row)).ok).toBe(true);
    }
    const legacy = await legacyKeySet();
    legacyKid = legacy.kid;
    const secrets = storage.table(TABLE_NAMES.secrets);
    expect(
      (await secrets.create({ partitionKey: 'secrets', rowKey: 'signing-keys', keys: legacy.json }))
        .ok,
    ).toBe(true);
    emulator = await startEmulator({
      tenantFile: TWO_KIND_TENANT_FILE,
      env: { STORAGE_CONNECTION_STRING: azurite.connectionString },
    });
  }, 60_000);

  afterAll(async () => {
    await emulator?.stop();
    await azurite.stop();
  });

  it('serves the legacy users from the first B2C tenant and deletes the legacy rows', async () => {
    const running = emulator!;
    // The legacy store was seeded: its users stay as they were, the file seeds none into it.
    expect(await listUserIds(running)).toEqual([LARRY_ID]);
    expect(running.output()).toContain(`${TENANT}: users kept as stored`);
    const signIn = await postForm(
      tokenUrl(running),
      aliceSignIn({ username: LARRY.username, password: LARRY.password }),
    );
    expect(signIn.status).toBe(200);
    const legacyRows = await storage
      .table(TABLE_NAMES.users)
      .list(`PartitionKey eq '${LEGACY_PARTITION}'`);
    expect(legacyRows).toEqual([]);
    // The External ID tenant was seeded from the file, in its own partition.
    expect(await listUserIds(running, `?tenant=${CONTOSOID}`)).toEqual(
      [...CONTOSOID_USER_IDS].sort(),
    );
  });

  it("signs the B2C tenant's tokens with the legacy key and deletes the legacy row", async () => {
    const running = emulator!;
    expect((await contosoKids(running))[0]).toBe(legacyKid);
    const signIn = await postForm(
      tokenUrl(running),
      aliceSignIn({ username: LARRY.username, password: LARRY.password }),
    );
    expect(decodeProtectedHeader(String(signIn.body['id_token'])).kid).toBe(legacyKid);
    const secrets = storage.table(TABLE_NAMES.secrets);
    expect(await secrets.get('secrets', 'signing-keys')).toBeUndefined();
    expect(await secrets.get('secrets', `signing-keys-${TENANT_ID}`)).toBeDefined();
  });

  it('gives the External ID tenant a key of its own', async () => {
    const running = emulator!;
    const kids = await contosoidKids(running);
    expect(kids).toHaveLength(1);
    expect(kids).not.toContain(legacyKid);
    const secrets = storage.table(TABLE_NAMES.secrets);
    expect(await secrets.get('secrets', `signing-keys-${CONTOSOID_ID}`)).toBeDefined();
  });
});

describe('upgrading a data directory of one tenant (in-memory state)', () => {
  let dataDir: string;
  let emulator: RunningEmulator | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'b2c-emulator-legacy-'));
  });

  afterAll(async () => {
    await emulator?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the kid of signing-keys.json for the B2C tenant; the External ID tenant gets its own', async () => {
    const legacy = await legacyKeySet();
    writeFileSync(join(dataDir, 'signing-keys.json'), legacy.json, { mode: 0o600 });

    emulator = await startEmulator({ tenantFile: TWO_KIND_TENANT_FILE, dataDir });

    expect(await contosoKids(emulator)).toEqual([legacy.kid]);
    const signIn = await postForm(tokenUrl(emulator), aliceSignIn());
    expect(signIn.status).toBe(200);
    expect(decodeProtectedHeader(String(signIn.body['id_token'])).kid).toBe(legacy.kid);
    const externalIdKids = await contosoidKids(emulator);
    expect(externalIdKids).toHaveLength(1);
    expect(externalIdKids).not.toContain(legacy.kid);
    const own = join(dataDir, `signing-keys-${TENANT_ID}.json`);
    expect(JSON.parse(readFileSync(own, 'utf8'))).toEqual(JSON.parse(legacy.json));
    expect(existsSync(join(dataDir, `signing-keys-${CONTOSOID_ID}.json`))).toBe(true);

    // A restart reads the tenants' own files: both kids stay.
    await emulator.stop();
    emulator = await startEmulator({ tenantFile: TWO_KIND_TENANT_FILE, dataDir });
    expect(await contosoKids(emulator)).toEqual([legacy.kid]);
    expect(await contosoidKids(emulator)).toEqual(externalIdKids);
  });
});
