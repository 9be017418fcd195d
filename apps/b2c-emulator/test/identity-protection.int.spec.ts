import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALICE,
  TEST_TENANT_FILE,
  aliceSignIn,
  distinctWrongPassword,
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
      codes.push(codeOf((await attempt(distinctWrongPassword(prefix, index))).body));
    return codes;
  };

  it('locks after 10 distinct wrong passwords, counting a repeated one once, and refuses even the right one', async () => {
    expect(await failDistinct(9, 'wrong')).toEqual(Array(9).fill('AADB2C90225'));
    for (let repeat = 0; repeat < 5; repeat++)
      expect(codeOf((await attempt('wrong-a')).body)).toBe('AADB2C90225');
    const tenth = await attempt('wrong-j');
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

  it('verifies at most 10 of 40 concurrent distinct wrong passwords, and refuses the right one sent behind them', async () => {
    let firstRefusal: () => void = () => undefined;
    const refused = new Promise<void>((resolve) => (firstRefusal = resolve));
    const burst = Array.from({ length: 40 }, async (_, index) => {
      const answer = await attempt(distinctWrongPassword('burst', index));
      if (codeOf(answer.body) === 'AADB2C90114') firstRefusal();
      return codeOf(answer.body);
    });
    // Sent while the burst is still in flight, once it has filled the pair's places.
    const right = refused.then(() => attempt(ALICE.password));
    const codes = await Promise.all(burst);
    // Nine wrong passwords were verified and answered as such; the tenth verified one locked the
    // pair (AADB2C90114), and the other 30 were refused before any hashing.
    expect(codes.filter((code) => code === 'AADB2C90225')).toHaveLength(9);
    expect(codes.filter((code) => code === 'AADB2C90114')).toHaveLength(31);
    const late = await right;
    expect([late.status, codeOf(late.body), late.headers.get('retry-after')]).toEqual([
      400,
      'AADB2C90114',
      expect.stringMatching(/^(59|60)$/),
    ]);
  });

  it('counts near-identical wrong passwords once, up to three per counted failure', async () => {
    const nearIdentical = ['Summer2024!', 'SUMMER2024!', 'summer2025'];
    for (const password of nearIdentical) await attempt(password);
    expect(await failDistinct(8, 'other')).toEqual(Array(8).fill('AADB2C90225'));
    // Nine counted so far: a fourth variant of the stem counts anew, and locks.
    expect(codeOf((await attempt('Summer!')).body)).toBe('AADB2C90114');
  });

  it('compares usernames trimmed, NFC-normalised and case-insensitively', async () => {
    for (let index = 0; index < 10; index++)
      await attempt(
        distinctWrongPassword('wrong', index),
        '203.0.113.7',
        index % 2 ? ' ALICE@contoso.com ' : ALICE.username,
      );
    expect(codeOf((await attempt(ALICE.password)).body)).toBe('AADB2C90114');
  });
});

/**
 * An emulator whose tenant file is the test tenant with `identityProtection` replaced, started
 * before the calling describe's tests and stopped after them.
 */
function useEmulatorWith(
  identityProtection: Record<string, unknown>,
  flags: readonly string[] = [],
): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  let directory: string;
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'b2c-limits-'));
    const tenant = JSON.parse(readFileSync(TEST_TENANT_FILE, 'utf8')) as Record<string, unknown>;
    tenant['$schema'] = undefined;
    tenant['identityProtection'] = identityProtection;
    const file = join(directory, 'tenant.json');
    writeFileSync(file, JSON.stringify(tenant));
    emulator = await startEmulator({ tenantFile: file, flags });
  });
  afterAll(async () => {
    await emulator?.stop();
    rmSync(directory, { recursive: true, force: true });
  });
  return () => {
    if (!emulator) throw new Error('the emulator did not start: see beforeAll');
    return emulator;
  };
}

type Answer = Awaited<ReturnType<typeof postForm>>;

/** Three requests pass, the fourth is limited: 429 AADB2C90244 with Retry-After. */
async function expectLimitedAfterThree(send: (index: number) => Promise<Answer>): Promise<void> {
  const statuses = [];
  for (let index = 0; index < 3; index++) statuses.push((await send(index)).status);
  const limited = await send(3);
  expect(statuses).toEqual([200, 200, 200]);
  expect([limited.status, limited.body['error'], codeOf(limited.body)]).toEqual([
    429,
    'temporarily_unavailable',
    'AADB2C90244',
  ]);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('b2c-emulator per-IP request limit', () => {
  const emulator = useEmulatorWith({ ipRequestLimit: { requests: 3, windowSeconds: 60 } });

  it('answers 429 AADB2C90244 with Retry-After past the limit', async () => {
    await expectLimitedAfterThree(() => postForm(tokenUrl(emulator()), aliceSignIn()));
  });
});

describe('b2c-emulator per-tenant request limit', () => {
  const emulator = useEmulatorWith({ tenantRequestLimit: { requests: 3, windowSeconds: 60 } }, [
    '--trusted-hops',
    '1',
  ]);

  it('answers 429 AADB2C90244 with Retry-After past the limit, whichever IPs ask', async () => {
    await expectLimitedAfterThree((index) =>
      postForm(tokenUrl(emulator()), aliceSignIn(), { 'X-Forwarded-For': `198.51.100.${index}` }),
    );
  });
});
