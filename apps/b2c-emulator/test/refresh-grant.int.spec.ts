import { decodeJwt } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  CLIENT_ID,
  aliceSignIn,
  postForm,
  startEmulator,
  tokenUrl,
  type RunningEmulator,
} from './start-emulator';

const DAY = 24 * 3600;

describe('b2c-emulator refresh grant', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  beforeEach(async () => {
    expect((await emulator.admin('POST', '/.emulator/reset')).status).toBe(204);
  });

  const signIn = async (): Promise<string> => {
    const { status, body } = await postForm(tokenUrl(emulator), aliceSignIn());
    expect(status).toBe(200);
    return body['refresh_token'] as string;
  };

  const refresh = (refreshToken: string, extra: Record<string, string> = {}, policy?: string) =>
    postForm(tokenUrl(emulator, policy), {
      grant_type: 'refresh_token',
      client_id: CLIENT_ID,
      refresh_token: refreshToken,
      response_type: 'token id_token',
      ...extra,
    });

  const moveClock = async (offsetSeconds: number): Promise<void> => {
    expect((await emulator.admin('POST', '/.emulator/clock', { offsetSeconds })).status).toBe(200);
  };

  const codeOf = (body: Record<string, unknown>): string =>
    String(body['error_description']).slice(0, 11);

  it('answers the seed walkthrough refresh request (resource = client id) with both tokens and a new refresh token', async () => {
    const first = await signIn();
    const { status, body } = await postForm(tokenUrl(emulator), {
      grant_type: 'refresh_token',
      response_type: 'id_token',
      client_id: CLIENT_ID,
      resource: CLIENT_ID,
      refresh_token: first,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      resource: CLIENT_ID,
      expires_in: 3600,
      refresh_token_expires_in: 1209600,
    });
    expect(body['refresh_token']).not.toBe(first);
    expect(decodeJwt(body['id_token'] as string)['aud']).toBe(CLIENT_ID);
  });

  it('rotates on every use and keeps auth_time of the password sign-in', async () => {
    const first = await signIn();
    await moveClock(120);
    const second = await refresh(first);
    const third = await refresh(second.body['refresh_token'] as string);
    expect(new Set([first, second.body['refresh_token'], third.body['refresh_token']]).size).toBe(
      3,
    );
    const id = decodeJwt(third.body['id_token'] as string);
    expect((id['iat'] as number) - (id['auth_time'] as number)).toBeGreaterThanOrEqual(120);
  });

  it('gives a retry within the grace period the same successor, not a sibling', async () => {
    const first = await signIn();
    const a = await refresh(first);
    const b = await refresh(first);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body['refresh_token']).toBe(a.body['refresh_token']);
  });

  it('gives concurrent redemptions of one token the same successor', async () => {
    const first = await signIn();
    const answers = await Promise.all(Array.from({ length: 8 }, () => refresh(first)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((answer) => answer.body['refresh_token'])).size).toBe(1);
  });

  it('revokes the whole family when a rotated token is reused after the grace period', async () => {
    const first = await signIn();
    const second = (await refresh(first)).body['refresh_token'] as string;
    await moveClock(11);
    const reuse = await refresh(first);
    expect([reuse.status, reuse.body['error'], codeOf(reuse.body)]).toEqual([
      400,
      'invalid_grant',
      'AADB2C90129',
    ]);
    const successor = await refresh(second);
    expect([successor.status, codeOf(successor.body)]).toEqual([400, 'AADB2C90129']);
  });

  it('refuses another client with AADB2C90279 and another policy with AADB2C90088', async () => {
    const first = await signIn();
    const otherClient = await refresh(first, {
      client_id: '7d1c0e0a-1111-4a4a-9a9a-000000000003',
      response_type: 'id_token',
    });
    expect([otherClient.status, otherClient.body['error'], codeOf(otherClient.body)]).toEqual([
      400,
      'invalid_grant',
      'AADB2C90279',
    ]);
    const otherPolicy = await refresh(first, {}, 'B2C_1_Other');
    expect(otherPolicy.status).toBe(400);
    expect(String(otherPolicy.body['error_description']).split('\r\n')[0]).toBe(
      'AADB2C90088: The provided grant has not been issued for this endpoint. Actual Value : B2C_1_Other and Expected Value : B2C_1_ROPC_Auth',
    );
  });

  it('expires a refresh token after its 14-day lifetime with AADB2C90080', async () => {
    const first = await signIn();
    await moveClock(14 * DAY + 1);
    const { status, body } = await refresh(first);
    expect([status, body['error']]).toEqual([400, 'invalid_grant']);
    expect(String(body['error_description'])).toMatch(
      /^AADB2C90080: The provided grant has expired\. Please re-authenticate and try again\. Current time: \d+, Grant issued time: \d+, Grant expiration time: \d+\.\r\n/,
    );
  });

  it('ends the family at the 90-day sliding window however often it is refreshed', async () => {
    let token = await signIn();
    for (let day = 13; day < 90; day += 13) {
      await moveClock(day * DAY);
      const answer = await refresh(token);
      expect(answer.status).toBe(200);
      expect(answer.body['refresh_token_expires_in']).toBe(Math.min(14 * DAY, (90 - day) * DAY));
      token = answer.body['refresh_token'] as string;
    }
    await moveClock(90 * DAY);
    const { status, body } = await refresh(token);
    expect(status).toBe(400);
    expect(String(body['error_description'])).toMatch(
      /^AADB2C90080: .* Grant sliding window expiration time: \d+\.\r\n/,
    );
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['a tampered token', `${randomUUID()}.${'A'.repeat(43)}`],
    ['a token of the shape before family ids', randomBytes(32).toString('base64url')],
  ])('refuses %s with invalid_grant AADB2C90090 and never echoes it', async (_case, token) => {
    const { status, body } = await refresh(token);
    expect([status, body['error'], codeOf(body)]).toEqual([400, 'invalid_grant', 'AADB2C90090']);
    expect(JSON.stringify(body)).not.toContain(token);
  });
});
