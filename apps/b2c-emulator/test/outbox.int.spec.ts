import { ADMIN_KEY, startEmulator, type RunningEmulator } from './start-emulator';

const BAD_TO = {
  error: {
    code: 'BadRequest',
    message: '"to" must be given once: an address of 1 to 320 characters.',
  },
};

describe('b2c-emulator outbox route', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    // The flag must be one the bin knows, or it would not start.
    emulator = await startEmulator({ flags: ['--log-codes', 'on'] });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  function outbox(query: string, authorization = `Bearer ${ADMIN_KEY}`): Promise<Response> {
    return fetch(`${emulator.url}/.emulator/outbox${query}`, {
      headers: { Authorization: authorization },
    });
  }

  it('answers an address without messages an empty list, never cached', async () => {
    for (const to of ['alice@contoso.com', 'ALICE%40Contoso.com', 'nobody']) {
      const answer = await outbox(`?to=${to}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.json()).toEqual({ messages: [] });
    }
  });

  it('takes an address of up to 320 characters', async () => {
    const longest = `${'a'.repeat(308)}@contoso.com`;
    expect((await outbox(`?to=${encodeURIComponent(longest)}`)).status).toBe(200);
    const answer = await outbox(`?to=a${encodeURIComponent(longest)}`);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual(BAD_TO);
  });

  it('refuses a missing, empty, blank or repeated address in Graph error shape', async () => {
    for (const query of ['', '?to=', '?to=%20%20', '?to=a@contoso.com&to=b@contoso.com', '?To=a']) {
      const answer = await outbox(query);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(await answer.json()).toEqual(BAD_TO);
    }
  });

  it('needs the admin key', async () => {
    for (const authorization of ['', 'Bearer wrong-admin-key', `Basic ${ADMIN_KEY}`]) {
      const answer = await outbox('?to=alice@contoso.com', authorization);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="b2c-emulator"');
      expect(await answer.json()).toEqual({
        error: {
          code: 'InvalidAuthenticationToken',
          message: 'The admin key is missing or wrong.',
        },
      });
    }
  });
});
