import { createPublicKey } from 'node:crypto';
import {
  SignJWT,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  type JWK,
} from 'jose';
import {
  ALICE,
  CLIENT_ID,
  NOTES_READ,
  TENANT,
  POLICY,
  apiEnv,
  signIn,
  startApi,
  startEmulator,
  type Started,
} from './start-stack';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** GET /api/me with an Authorization header; returns status and the challenge. */
async function callMe(
  api: Started,
  authorization?: string,
): Promise<{ status: number; challenge: string | null }> {
  const response = await fetch(`${api.url}/api/me`, {
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });
  await response.arrayBuffer();
  return { status: response.status, challenge: response.headers.get('www-authenticate') };
}

/** Counts the emulator's JWKS requests from its per-request log lines. */
const jwksFetches = (emulator: Emulator): number =>
  emulator
    .output()
    .split('\n')
    .filter((line) => line.includes('/discovery/v2.0/keys')).length;

describe('protected API under attack (tokens minted by the emulator and forged ones)', () => {
  let emulator: Emulator;
  let api: Started;
  let valid: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    api = await startApi(apiEnv(emulator.url));
    valid = String((await signIn(emulator.url, ALICE))['access_token']);
    expect((await callMe(api, `Bearer ${valid}`)).status).toBe(200);
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
  });

  it('answers a request without a token with a bare challenge (RFC 6750 §3.1)', async () => {
    expect(await callMe(api)).toEqual({ status: 401, challenge: 'Bearer realm="api"' });
  });

  it('treats another scheme as no bearer credentials', async () => {
    expect(await callMe(api, 'Basic YWxpY2U6cGFzcw==')).toEqual({
      status: 401,
      challenge: 'Bearer realm="api"',
    });
  });

  it.each(['Bearer', 'Bearer a b', 'Bearer not-a-jwt'])(
    'refuses the malformed header %j with 401',
    async (header) => {
      const { status, challenge } = await callMe(api, header);
      expect(status).toBe(401);
      expect(challenge).toMatch(/^Bearer realm="api", error="invalid_(token|request)"/);
    },
  );

  it('refuses alg none', async () => {
    const [, payload] = valid.split('.');
    expect(
      await callMe(api, `Bearer ${b64url({ typ: 'JWT', alg: 'none' })}.${payload ?? ''}.`),
    ).toEqual({ status: 401, challenge: expect.stringContaining('error="invalid_token"') });
  });

  it('refuses HS256 signed with the public key as the secret (algorithm confusion)', async () => {
    const jwks = (await (
      await fetch(`${emulator.url}/${TENANT}/${POLICY}/discovery/v2.0/keys`)
    ).json()) as { keys: JWK[] };
    const pem = createPublicKey({ key: jwks.keys[0] as never, format: 'jwk' }).export({
      type: 'spki',
      format: 'pem',
    });
    const forged = await new SignJWT(decodeJwt(valid))
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: decodeProtectedHeader(valid).kid ?? '' })
      .sign(new TextEncoder().encode(String(pem)));
    expect(await callMe(api, `Bearer ${forged}`)).toEqual({
      status: 401,
      challenge: expect.stringContaining('error="invalid_token"'),
    });
  });

  it('refuses a token signed by an unknown key, whether its kid is unknown or borrowed', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    for (const kid of ['unknown-kid', decodeProtectedHeader(valid).kid ?? '']) {
      const forged = await new SignJWT(decodeJwt(valid))
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
        .sign(privateKey);
      expect((await callMe(api, `Bearer ${forged}`)).status).toBe(401);
    }
    const embedded = await new SignJWT(decodeJwt(valid))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', jwk: await exportJWK(publicKey) })
      .sign(privateKey);
    expect((await callMe(api, `Bearer ${embedded}`)).status).toBe(401);
  });

  it('refuses a truncated token and an oversized header', async () => {
    expect((await callMe(api, `Bearer ${valid.slice(0, -12)}`)).status).toBe(401);
    expect((await callMe(api, `Bearer ${valid}${'A'.repeat(9000)}`)).status).toBe(401);
  });

  it('refuses expired and not-yet-valid tokens signed by the trusted key (emulator clock moved)', async () => {
    await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: -2 * 3600 });
    const expired = String((await signIn(emulator.url, ALICE))['access_token']);
    await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 2 * 3600 });
    const early = String((await signIn(emulator.url, ALICE))['access_token']);
    await emulator.admin('POST', '/.emulator/clock', { offsetSeconds: 0 });
    expect((await callMe(api, `Bearer ${expired}`)).challenge).toMatch(
      /error="invalid_token", error_description="[^"]*expire/i,
    );
    expect((await callMe(api, `Bearer ${early}`)).challenge).toMatch(
      /error="invalid_token", error_description="[^"]*not (yet )?valid/i,
    );
  });

  it('refuses a wrong issuer (the same tenant asked on another host name)', async () => {
    const otherHost = emulator.url.replace('127.0.0.1', 'localhost');
    const token = String((await signIn(otherHost, ALICE))['access_token']);
    expect(decodeJwt(token).iss).toContain('localhost');
    expect((await callMe(api, `Bearer ${token}`)).status).toBe(401);
  });

  it('refuses a wrong audience (a token for the client itself)', async () => {
    const token = String(
      (await signIn(emulator.url, ALICE, `openid ${CLIENT_ID}`))['access_token'],
    );
    expect(decodeJwt(token).aud).toBe(CLIENT_ID);
    expect((await callMe(api, `Bearer ${token}`)).status).toBe(401);
  });

  it('refuses a wrong policy (same issuer and key, another user flow)', async () => {
    const token = String(
      (await signIn(emulator.url, ALICE, undefined, 'B2C_1_Other'))['access_token'],
    );
    expect(decodeJwt(token)['tfp']).toBe('B2C_1_Other');
    expect((await callMe(api, `Bearer ${token}`)).status).toBe(401);
  });

  it('refuses a missing scope with 403 insufficient_scope naming it', async () => {
    const token = String(
      (await signIn(emulator.url, ALICE, `openid ${NOTES_READ}`))['access_token'],
    );
    const response = await fetch(`${api.url}/api/notes`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'x', body: '' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toMatch(
      /error="insufficient_scope".*scope="notes.write"/,
    );
  });

  it("refuses a token signed by another tenant's key", async () => {
    const other = await startEmulator();
    try {
      const token = String((await signIn(other.url, ALICE))['access_token']);
      expect((await callMe(api, `Bearer ${token}`)).status).toBe(401);
    } finally {
      await other.stop();
    }
  });

  it('never logs token content', () => {
    expect(api.output()).not.toContain(valid.split('.')[2] ?? 'x');
    expect(api.output()).not.toContain(valid.split('.')[1] ?? 'x');
  });
});

describe('protected API key handling', () => {
  let emulator: Emulator;
  let api: Started;

  beforeAll(async () => {
    emulator = await startEmulator();
    api = await startApi(apiEnv(emulator.url));
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
  });

  it('accepts tokens signed after a key rotation without a restart', async () => {
    const before = String((await signIn(emulator.url, ALICE))['access_token']);
    expect((await callMe(api, `Bearer ${before}`)).status).toBe(200);
    // An immediate switch: the new kid must be fetched on its first token.
    const rotation = await emulator.admin('POST', '/.emulator/keys/rotate', { delaySeconds: 0 });
    expect(rotation.status).toBe(200);
    const after = String((await signIn(emulator.url, ALICE))['access_token']);
    expect(decodeProtectedHeader(after).kid).not.toBe(decodeProtectedHeader(before).kid);
    expect((await callMe(api, `Bearer ${after}`)).status).toBe(200);
    expect((await callMe(api, `Bearer ${before}`)).status).toBe(200);
  });

  it('survives 10,000 bogus kids in a burst: bounded JWKS fetches, valid tokens keep working', async () => {
    const valid = String((await signIn(emulator.url, ALICE))['access_token']);
    const claims = decodeJwt(valid);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: `bogus-${index}` })
          .sign(privateKey),
      ),
    );
    const fetchesBefore = jwksFetches(emulator);
    let next = 0;
    const statuses = new Map<number, number>();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < 10_000) {
          const token = forged[next++ % forged.length] ?? '';
          const { status } = await callMe(api, `Bearer ${token}`);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    expect(Object.fromEntries(statuses)).toEqual({ 401: 10_000 });
    expect(jwksFetches(emulator) - fetchesBefore).toBeLessThanOrEqual(2);
    expect((await callMe(api, `Bearer ${valid}`)).status).toBe(200);
  }, 120_000);

  it('keeps accepting valid tokens while the emulator is stopped after warm-up', async () => {
    const warm = String((await signIn(emulator.url, ALICE))['access_token']);
    const other = String(
      (await signIn(emulator.url, ALICE, `openid offline_access ${NOTES_READ}`))['access_token'],
    );
    expect((await callMe(api, `Bearer ${warm}`)).status).toBe(200);
    emulator.pause();
    try {
      expect((await callMe(api, `Bearer ${warm}`)).status).toBe(200);
      expect((await callMe(api, `Bearer ${other}`)).status).toBe(200);
    } finally {
      emulator.resume();
    }
  });
});

describe('a key rotation during a steady stream of unknown kids', () => {
  let emulator: Emulator;
  let api: Started;

  beforeAll(async () => {
    emulator = await startEmulator();
    // Short intervals, so that the test sees in seconds what takes minutes with the defaults.
    api = await startApi(
      apiEnv(emulator.url, {
        AUTH_JWKS_REFRESH_SECONDS: '1',
        AUTH_JWKS_REFETCH_COOLDOWN_SECONDS: '2',
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await api.stop();
    await emulator.stop();
  });

  it('turns away no legitimate token: the next key is published, and read, before it signs', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const claims = decodeJwt(String((await signIn(emulator.url, ALICE))['access_token']));
    const legitimate: { kid: string | undefined; status: number }[] = [];
    let bogus = 0;
    /** Bogus kids as fast as they come back, and a fresh legitimate token every round. */
    const stream = async (milliseconds: number): Promise<void> => {
      const end = Date.now() + milliseconds;
      while (Date.now() < end) {
        const forged = await new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: `unknown-${bogus++}` })
          .sign(privateKey);
        expect((await callMe(api, `Bearer ${forged}`)).status).toBe(401);
        const token = String((await signIn(emulator.url, ALICE))['access_token']);
        const { status } = await callMe(api, `Bearer ${token}`);
        legitimate.push({ kid: decodeProtectedHeader(token).kid, status });
      }
    };
    await stream(500);
    // The next key signs 4 s after it is published: two cooldowns, in which the validator reads it
    // (the default rollover is 600 s against a 30 s cooldown and a 300 s refresh).
    const rotation = await emulator.admin('POST', '/.emulator/keys/rotate', { delaySeconds: 4 });
    const rotated = (await rotation.json()) as { kid: string };
    await stream(6000);
    expect(legitimate.filter((call) => call.status !== 200)).toEqual([]);
    expect(legitimate.some((call) => call.kid === rotated.kid)).toBe(true);
    expect(bogus).toBeGreaterThan(20);
  }, 60_000);
});
