import { HttpRequest } from '@azure/functions';
import type { Emulator } from '../emulator';
import { getEmulator } from '../emulator-instance';
import { MemoryOutboxStore } from '../outbox/memory-outbox-store';
import { outbox } from './outbox-endpoint';

// Registration needs the Functions host; here the handler is called directly, on an emulator
// that holds only what the route reads, its outbox filled here directly (the flows that send codes
// are tested over HTTP in test/external-id/).
jest.mock('@azure/functions', () => ({
  ...jest.requireActual<typeof import('@azure/functions')>('@azure/functions'),
  app: { http: jest.fn() },
}));
jest.mock('../emulator-instance', () => ({ getEmulator: jest.fn() }));

const ADMIN_KEY = 'test-admin-key-0123';
const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function request(query: string): HttpRequest {
  return new HttpRequest({
    method: 'GET',
    url: `http://localhost/.emulator/outbox${query}`,
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
  });
}

describe('GET /.emulator/outbox', () => {
  let store: MemoryOutboxStore;

  beforeEach(() => {
    store = new MemoryOutboxStore(() => T0);
    const emulator = { config: { adminKey: ADMIN_KEY }, stores: { outbox: store } };
    jest.mocked(getEmulator).mockResolvedValue(emulator as unknown as Emulator);
  });

  it("answers the address's messages newest first, with ISO 8601 times", async () => {
    await store.deliver({
      to: 'carol@contoso.com',
      code: '11111111',
      purpose: 'sign-up',
      sentAt: T0 - 60_000,
    });
    await store.deliver({
      to: 'Carol@Contoso.com',
      code: '22222222',
      purpose: 'sign-in',
      sentAt: T0,
    });
    await store.deliver({
      to: 'bob@contoso.com',
      code: '33333333',
      purpose: 'sign-in',
      sentAt: T0,
    });
    const answer = await outbox(request('?to=CAROL%40contoso.com'));
    expect(answer).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
      jsonBody: {
        messages: [
          {
            to: 'carol@contoso.com',
            code: '22222222',
            purpose: 'sign-in',
            sentAt: '2026-11-25T12:00:00.000Z',
          },
          {
            to: 'carol@contoso.com',
            code: '11111111',
            purpose: 'sign-up',
            sentAt: '2026-11-25T11:59:00.000Z',
          },
        ],
      },
    });
  });

  it('refuses a repeated address even when the host joins the values', async () => {
    const answer = await outbox(request('?to=a@contoso.com&to=b@contoso.com'));
    expect(answer.status).toBe(400);
  });
});
