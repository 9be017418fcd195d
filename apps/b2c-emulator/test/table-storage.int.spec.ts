import { TableStorage } from '@ropc/table-storage';
import { startAzurite, type RunningAzurite } from '@ropc/table-storage/testing';
import { decodeJwt } from 'jose';
import { TABLE_NAMES } from '../src/stores/table-names';
import { hashRefreshToken } from '../src/tokens/refresh-token-codec';
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

/** A token row's partition key: its hash, behind the tenant's prefix (tenant-scoped-stores.ts). */
const grantKey = (refreshToken: string): string => `${TENANT_ID}|${hashRefreshToken(refreshToken)}`;

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

  const startOnAzurite = () =>
    startEmulator({
      env: { STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_TIMEOUT_MS: '1500' },
    });

  beforeAll(async () => {
    azurite = await startAzurite();
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
    const rows = await storage.table(TABLE_NAMES.refreshGrants).list();
    const keys = rows.map((row) => row.partitionKey);
    expect(keys).toEqual(expect.arrayContaining([grantKey(first), grantKey(second)]));
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(emulator.output()).toContain('state: Azure Table storage at http://127.0.0.1:');
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
    expect(erin).toMatch(/^[A-Za-z0-9_-]{43}$/u);
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
    expect(await grants.get(grantKey(refreshToken), 'token')).toBeDefined();
    expect(
      (await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 16 * DAY })).status,
    ).toBe(200);

    const run = await fetch(`${emulator.url}/admin/functions/cleanup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ input: '' }),
    });
    expect(run.status).toBe(202);
    expect(await grants.get(grantKey(refreshToken), 'token')).toBeUndefined();
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
