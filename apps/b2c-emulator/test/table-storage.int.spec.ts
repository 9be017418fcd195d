import { epochMs, TableStorage } from '@ropc/table-storage';
import { AzuriteRequestLog, startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { decodeJwt } from 'jose';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { TABLE_NAMES } from '../src/stores/table-names';
import { refreshTokenKey } from '../src/tokens/refresh-token-codec';
import {
  ALICE,
  BOB,
  CLIENT_ID,
  POLICY,
  TENANT,
  TENANT_ID,
  aliceSignIn,
  distinctWrongPassword,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

const ALICE_ID = '26926d34-dad3-45bb-8bff-84a5f01522d9';
const DAY = 24 * 3600;

/** Where a refresh token's rows are: its family's partition, and its hash as the store keeps it. */
function grantKeys(refreshToken: string): { partition: string; hash: string } {
  const key = refreshTokenKey(refreshToken);
  if (!key) throw new Error('not a refresh token the emulator issues');
  // Behind the tenant's prefix (tenant-scoped-stores.ts).
  return { partition: `${TENANT_ID}|${key.familyId}`, hash: `${TENANT_ID}|${key.hash}` };
}

/** The part of a refresh token that makes it a secret (the family id before it is not one). */
const secretOf = (refreshToken: string): string => refreshToken.split('.')[1] ?? '';

const codeOf = (body: Record<string, unknown>): string =>
  String(body['error_description']).slice(0, 11);

const refreshForm = (refreshToken: string): Record<string, string> => ({
  grant_type: 'refresh_token',
  client_id: CLIENT_ID,
  refresh_token: refreshToken,
  response_type: 'token id_token',
});

async function jwksKids(emulator: RunningEmulator): Promise<string[]> {
  const response = await fetch(`${emulator.url}/${TENANT}/${POLICY}/discovery/v2.0/keys`);
  const body = (await response.json()) as { keys: { kid: string }[] };
  return body.keys.map((key) => key.kid);
}

async function signIn(
  emulator: RunningEmulator,
  overrides: Record<string, string> = {},
): Promise<string> {
  const { status, body } = await postForm(tokenUrl(emulator), aliceSignIn(overrides));
  expect(status).toBe(200);
  return body['refresh_token'] as string;
}

describe('b2c-emulator on Azure Table storage (Azurite)', () => {
  let azurite: RunningAzurite;
  let storage: TableStorage;
  let emulator: RunningEmulator;
  /** Every request Azurite answered, from its access log. */
  const log = new AzuriteRequestLog();

  const startOnAzurite = () =>
    startEmulator({
      env: { STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_TIMEOUT_MS: '1500' },
    });

  beforeAll(async () => {
    azurite = await startAzurite({ onRequest: log.record });
    storage = new TableStorage(azurite.connectionString);
    emulator = await startOnAzurite();
  }, 60_000);

  afterAll(async () => {
    await emulator.stop();
    await azurite.stop();
  });

  beforeEach(async () => {
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
  });

  it('signs in with a password and refreshes, keeping only token hashes in the table', async () => {
    const first = await signIn(emulator);
    const refreshed = await postForm(tokenUrl(emulator), refreshForm(first));
    expect(refreshed.status).toBe(200);
    const second = refreshed.body['refresh_token'] as string;
    expect(grantKeys(second).partition).toBe(grantKeys(first).partition);
    const rows = await storage.table(TABLE_NAMES.refreshGrants).list<Record<string, unknown>>();
    // One partition per family: its row, holding its latest token, and the redeemed token's row.
    expect(rows.map((row) => [row.partitionKey, row.rowKey, row['latestHash']])).toEqual([
      [grantKeys(first).partition, 'family', grantKeys(second).hash],
      [grantKeys(first).partition, `token.${grantKeys(first).hash}`, undefined],
    ]);
    expect(JSON.stringify(rows)).not.toContain(secretOf(first));
    expect(JSON.stringify(rows)).not.toContain(secretOf(second));
    expect(emulator.output()).toContain('state: Azure Table storage at http://127.0.0.1:');
  });

  it('sends three storage requests per refresh grant: the family row, the user, one transaction', async () => {
    let token = await signIn(emulator);
    for (let refresh = 0; refresh < 3; refresh++) {
      const answered = await log.during(async () => {
        const refreshed = await postForm(tokenUrl(emulator), refreshForm(token));
        expect(refreshed.status).toBe(200);
        token = String(refreshed.body['refresh_token']);
      });
      const requests = answered
        .map(({ method, path }) => `${method} ${decodeURIComponent(path)}`)
        // Signing keys are read again at most every 5 s, by whichever request comes first.
        .filter((request) => !request.includes(`/${TABLE_NAMES.secrets}(`));
      const inTable = (table: string) =>
        requests.filter((request) => request.includes(`/${table}(`) || request.endsWith(table));
      // The test tenant's service limits (per IP, per tenant) count every token request, each a
      // read, a write and a sum of its window's shards; the bench tenant has them off.
      expect(inTable(TABLE_NAMES.rateCounters)).toHaveLength(6);
      expect(
        requests.filter((request) => !inTable(TABLE_NAMES.rateCounters).includes(request)),
      ).toEqual([
        `GET /devstoreaccount1/${TABLE_NAMES.refreshGrants}(PartitionKey='${grantKeys(token).partition}',RowKey='family')`,
        expect.stringMatching(new RegExp(`^GET /devstoreaccount1/${TABLE_NAMES.users}\\(`, 'u')),
        'POST /devstoreaccount1/$batch',
      ]);
    }
  });

  it('answers a refresh token of the layout before family ids as unknown (AADB2C90090), not 500', async () => {
    // A token as the emulator issued them before (43 characters), with its rows as they were kept.
    const oldToken = randomBytes(32).toString('base64url');
    const oldHash = createHash('sha256').update(oldToken).digest('base64url');
    const familyId = randomUUID();
    const grants = storage.table(TABLE_NAMES.refreshGrants);
    const expiresAt = epochMs(Date.now() + 15 * DAY * 1000);
    await grants.create({
      partitionKey: `${TENANT_ID}|${familyId}`,
      rowKey: 'family',
      userId: ALICE_ID,
      clientId: CLIENT_ID,
      policy: POLICY,
      scope: `openid offline_access ${CLIENT_ID}`,
      authTime: epochMs(Date.now()),
      successorKey: randomBytes(32).toString('base64url'),
      revoked: false,
      expiresAt,
    });
    await grants.create({
      partitionKey: `${TENANT_ID}|${oldHash}`,
      rowKey: 'token',
      familyId: `${TENANT_ID}|${familyId}`,
      issuedAt: epochMs(Date.now()),
      tokenExpiresAt: expiresAt,
      expiresAt,
    });
    const refused = await postForm(tokenUrl(emulator), refreshForm(oldToken));
    expect([refused.status, refused.body['error'], codeOf(refused.body)]).toEqual([
      400,
      'invalid_grant',
      'AADB2C90090',
    ]);
    // The same family id in front of the old token reads as unknown too: no row has its hash.
    const prefixed = await postForm(tokenUrl(emulator), refreshForm(`${familyId}.${oldToken}`));
    expect([prefixed.status, codeOf(prefixed.body)]).toEqual([400, 'AADB2C90090']);
  });

  it("refuses a family's latest token once the family row says revoked (AADB2C90129)", async () => {
    const first = await signIn(emulator);
    const refreshed = await postForm(tokenUrl(emulator), refreshForm(first));
    const second = String(refreshed.body['refresh_token']);
    const { partition } = grantKeys(first);
    await storage
      .table(TABLE_NAMES.refreshGrants)
      .merge({ partitionKey: partition, rowKey: 'family', revoked: true });
    const refused = await postForm(tokenUrl(emulator), refreshForm(second));
    expect([refused.status, codeOf(refused.body)]).toEqual([400, 'AADB2C90129']);
  });

  it('keeps Graph changes, refresh tokens and the signing key across a restart', async () => {
    const refreshToken = await signIn(emulator);
    const kids = await jwksKids(emulator);
    const renamed = await emulator.admin('PATCH', `/v1.0/users/${ALICE_ID}`, {
      displayName: 'Alice Restarted',
    });
    expect(renamed.status).toBe(204);
    const created = await emulator.admin('POST', '/v1.0/users', {
      displayName: 'Erin',
      identities: [
        { signInType: 'emailAddress', issuer: TENANT, issuerAssignedId: 'erin@contoso.com' },
      ],
      passwordProfile: { password: 'Erin-Passw0rd!', forceChangePasswordNextSignIn: false },
    });
    expect(created.status).toBe(201);

    await emulator.stop();
    emulator = await startOnAzurite();

    expect(emulator.output()).toContain('users kept as stored');
    expect(await jwksKids(emulator)).toEqual(kids);
    const refreshed = await postForm(tokenUrl(emulator), refreshForm(refreshToken));
    expect(refreshed.status).toBe(200);
    expect(decodeJwt(refreshed.body['id_token'] as string)['name']).toBe('Alice Restarted');
    const erin = await signIn(emulator, {
      username: 'erin@contoso.com',
      password: 'Erin-Passw0rd!',
    });
    expect(refreshTokenKey(erin)).toBeDefined();
  }, 30_000);

  it('answers 503 with Retry-After while the storage is down, and serves again when it is back', async () => {
    await signIn(emulator);
    azurite.pause();
    try {
      const token = await postForm(tokenUrl(emulator), aliceSignIn());
      expect([
        token.status,
        token.headers.get('retry-after'),
        token.headers.get('cache-control'),
      ]).toEqual([503, '5', 'no-store']);
      expect(token.body['error']).toBe('temporarily_unavailable');
      expect(token.body['error_description']).toMatch(
        /^AADB2C90035: The service is temporarily unavailable\. Please retry after a few minutes\.\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: /u,
      );
      const users = await emulator.admin('GET', '/v1.0/users');
      expect([users.status, users.headers.get('retry-after')]).toEqual([503, '5']);
      expect(await users.json()).toEqual({
        error: {
          code: 'serviceNotAvailable',
          message: "The emulator's state storage is unavailable. Retry after 5 seconds.",
        },
      });
    } finally {
      azurite.resume();
    }
    expect((await postForm(tokenUrl(emulator), aliceSignIn())).status).toBe(200);
    expect(emulator.output()).toMatch(/503 storage_unavailable .*correlationId=/u);
    expect(emulator.output()).not.toContain('AccountKey');
  }, 30_000);

  it('deletes refresh-token rows on the cleanup timer once the clock passes their expiry', async () => {
    const refreshToken = await signIn(emulator);
    const grants = storage.table(TABLE_NAMES.refreshGrants);
    expect(await grants.get(grantKeys(refreshToken).partition, 'family')).toBeDefined();
    expect(
      (await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 16 * DAY })).status,
    ).toBe(200);

    const run = await fetch(`${emulator.url}/admin/functions/cleanup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(run.status).toBe(202);
    expect(await grants.get(grantKeys(refreshToken).partition, 'family')).toBeUndefined();
    expect(await grants.list()).toEqual([]);
    expect(emulator.output()).toMatch(
      /cleanup: deleted 2 refresh-grant, 0 lockout and \d+ rate-counter entries/u,
    );
    const late = await postForm(tokenUrl(emulator), refreshForm(refreshToken));
    expect([late.status, codeOf(late.body)]).toEqual([400, 'AADB2C90090']);
  });

  it('answers what the admin cleanup route deleted', async () => {
    await postForm(tokenUrl(emulator), aliceSignIn({ password: 'wrong-1' }));
    expect(
      (await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 2 * DAY })).status,
    ).toBe(200);
    const answer = await emulator.admin('POST', '/.emulator/cleanup');
    expect(answer.status).toBe(200);
    // The per-IP and the per-tenant window of the one request.
    expect(await answer.json()).toEqual({
      refreshGrants: 0,
      lockouts: 1,
      rateCounters: 2,
      flows: 0,
      outboxMessages: 0,
    });
  });
});

describe('two b2c-emulator instances on one Azurite', () => {
  let azurite: RunningAzurite;
  let first: RunningEmulator;
  let second: RunningEmulator;

  beforeAll(async () => {
    azurite = await startAzurite();
    const env = { STORAGE_CONNECTION_STRING: azurite.connectionString };
    [first, second] = await Promise.all([startEmulator({ env }), startEmulator({ env })]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await azurite.stop();
  });

  it('start together with one signing key and one copy of each user', async () => {
    expect(await jwksKids(second)).toEqual(await jwksKids(first));
    const listed = await first.admin('GET', '/v1.0/users');
    const body = (await listed.json()) as { value: { id: string }[] };
    const ids = body.value.map((user) => user.id);
    expect(ids).toContain(ALICE_ID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('redeem on one instance the refresh token the other issued, once', async () => {
    const refreshToken = await signIn(first);
    const [a, b] = await Promise.all([
      postForm(tokenUrl(second), refreshForm(refreshToken)),
      postForm(tokenUrl(first), refreshForm(refreshToken)),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // Within the reuse grace period both get the one successor.
    expect(a.body['refresh_token']).toBe(b.body['refresh_token']);
  });

  it('count a wrong password once whichever instance sees it, and lock on both', async () => {
    const attempt = (emulator: RunningEmulator, password: string) =>
      postForm(tokenUrl(emulator), aliceSignIn({ password }));
    for (let index = 1; index <= 9; index++) {
      const answer = await attempt(
        index % 2 ? first : second,
        distinctWrongPassword('wrong', index),
      );
      expect(codeOf(answer.body)).toBe('AADB2C90225');
    }
    expect(codeOf((await attempt(first, distinctWrongPassword('wrong', 9))).body)).toBe(
      'AADB2C90225',
    );
    expect(codeOf((await attempt(second, distinctWrongPassword('wrong', 10))).body)).toBe(
      'AADB2C90114',
    );
    expect(codeOf((await attempt(first, ALICE.password)).body)).toBe('AADB2C90114');
  });

  it('verify at most the threshold of 40 concurrent distinct wrong passwords spread over both, and refuse the right one behind them', async () => {
    const attempt = (emulator: RunningEmulator, password: string) =>
      postForm(tokenUrl(emulator), aliceSignIn({ password, username: BOB.username }));
    let firstRefusal: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
    const burst = Array.from({ length: 40 }, async (_, index) => {
      const answer = await attempt(
        index % 2 ? first : second,
        distinctWrongPassword('burst', index),
      );
      if (codeOf(answer.body) === 'AADB2C90114') firstRefusal();
      return answer;
    });
    // Sent while the burst is still in flight, once it has filled the pair's places.
    const right = refused.then(() => attempt(first, BOB.password));
    const codes = (await Promise.all(burst)).map((answer) => codeOf(answer.body));
    expect(codes.filter((code) => code === 'AADB2C90225').length).toBeLessThanOrEqual(9);
    expect(codes.filter((code) => code !== 'AADB2C90225')).toEqual(
      Array(codes.filter((code) => code !== 'AADB2C90225').length).fill('AADB2C90114'),
    );
    expect(codeOf((await right).body)).toBe('AADB2C90114');
    expect(codeOf((await attempt(second, BOB.password)).body)).toBe('AADB2C90114');
  });
});
