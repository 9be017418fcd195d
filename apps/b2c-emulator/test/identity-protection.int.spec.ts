import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALICE,
  TEST_TENANT_FILE,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

const codeOf = (body: Record<string, unknown>): string =>
  String(body['error_description']).slice(0, 11);

describe('b2c-emulator smart lockout', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    // One trusted hop: the test names the client IP in X-Forwarded-For, as a reverse proxy would.
    emulator = await startEmulator({ flags: ['--trusted-hops', '1'] });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
  });

  const attempt = (password: string, ip = '203.0.113.7', username = ALICE.username) =>
    postForm(tokenUrl(emulator), aliceSignIn({ password, username }), { 'X-Forwarded-For': ip });

  const moveClock = async (offsetSeconds: number): Promise<void> => {
    expect((await emulator.admin('POST', '/.emulator/clock', { offsetSeconds })).status).toBe(200);
  };

  const failDistinct = async (count: number, prefix: string): Promise<string[]> => {
    const codes: string[] = [];
    for (let index = 0; index < count; index++)
      codes.push(codeOf((await attempt(`${prefix}-${index}`)).body));
    return codes;
  };

  it('locks after 10 distinct wrong passwords, counting a repeated one once, and refuses even the right one', async () => {
    expect(await failDistinct(9, 'wrong')).toEqual(Array(9).fill('AADB2C90225'));
    for (let repeat = 0; repeat < 5; repeat++)
      expect(codeOf((await attempt('wrong-0')).body)).toBe('AADB2C90225');
    const tenth = await attempt('wrong-9');
    expect([tenth.status, tenth.body['error'], codeOf(tenth.body)]).toEqual([
      400,
      'access_denied',
      'AADB2C90114',
    ]);
    expect(tenth.headers.get('retry-after')).toBe('60');
    const right = await attempt(ALICE.password);
    expect(codeOf(right.body)).toBe('AADB2C90114');
  });

  it('locks per client IP: another IP still signs in', async () => {
    await failDistinct(10, 'wrong');
    expect((await attempt(ALICE.password, '198.51.100.20')).status).toBe(200);
  });

  it('unlocks after the period; a success resets the count', async () => {
    await failDistinct(10, 'wrong');
    await moveClock(61);
    expect((await attempt(ALICE.password)).status).toBe(200);
    expect(await failDistinct(9, 'again')).toEqual(Array(9).fill('AADB2C90225'));
  });

  it('locks again on the first failure after an automatic unlock', async () => {
    await failDistinct(10, 'wrong');
    await moveClock(61);
    const next = await attempt('another-wrong');
    expect([codeOf(next.body), next.headers.get('retry-after')]).toEqual(['AADB2C90114', '60']);
  });

  it('doubles the period after 10 lockouts, as B2C lengthens it', async () => {
    await failDistinct(10, 'wrong');
    let offset = 0;
    for (let lockout = 2; lockout <= 11; lockout++) {
      offset += 61;
      await moveClock(offset);
      const locked = await attempt(`relock-${lockout}`);
      expect(codeOf(locked.body)).toBe('AADB2C90114');
      expect(locked.headers.get('retry-after')).toBe(lockout <= 10 ? '60' : '120');
    }
  });

  it('compares usernames trimmed, NFC-normalised and case-insensitively', async () => {
    for (let index = 0; index < 10; index++)
      await attempt(
        `wrong-${index}`,
        '203.0.113.7',
        index % 2 ? ' ALICE@contoso.com ' : ALICE.username,
      );
    expect(codeOf((await attempt(ALICE.password)).body)).toBe('AADB2C90114');
  });
});

describe('b2c-emulator per-IP request limit', () => {
  let emulator: RunningEmulator;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'b2c-rate-'));
    const tenant = JSON.parse(readFileSync(TEST_TENANT_FILE, 'utf8')) as Record<string, unknown>;
    tenant['$schema'] = undefined;
    tenant['identityProtection'] = { ipRequestLimit: { requests: 3, windowSeconds: 60 } };
    const file = join(directory, 'tenant.json');
    writeFileSync(file, JSON.stringify(tenant));
    emulator = await startEmulator({ tenantFile: file });
  });

  afterAll(async () => {
    await emulator.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('answers 429 AADB2C90244 with Retry-After past the limit', async () => {
    const statuses = [];
    for (let index = 0; index < 3; index++)
      statuses.push((await postForm(tokenUrl(emulator), aliceSignIn())).status);
    const limited = await postForm(tokenUrl(emulator), aliceSignIn());
    expect(statuses).toEqual([200, 200, 200]);
    expect([limited.status, limited.body['error'], codeOf(limited.body)]).toEqual([
      429,
      'temporarily_unavailable',
      'AADB2C90244',
    ]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
