// `npm start -- --azurite` as a new user runs it: a note created a moment before Ctrl+C is still
// there after the next start, because the stack stops Azurite the way it saves its data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevStackEnv, freePort, pressCtrlC, startDevStack } from './dev-stack-process';

const CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
const NOTES_WRITE = 'https://contoso.onmicrosoft.com/api/notes.write';
const NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';

describe('npm start -- --azurite', () => {
  let scratch: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'dev-stack-'));
    const stack = await createDevStackEnv(scratch);
    env = {
      ...stack.env,
      AZURITE_TABLE_PORT: String(await freePort()),
      AZURITE_LOCATION: join(scratch, 'azurite'),
    };
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Alice's access token, from the emulator on `localhost` (the issuer the API trusts). */
  async function accessToken(): Promise<string> {
    const response = await fetch(
      `http://localhost:${env['B2C_EMULATOR_PORT']}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: CLIENT_ID,
          username: 'alice@contoso.com',
          password: 'Alice-Passw0rd!',
          scope: `openid ${NOTES_READ} ${NOTES_WRITE}`,
          response_type: 'token id_token',
        }).toString(),
      },
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  }

  const notes = (token: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${env['API_PORT']}/api/notes`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });

  it('keeps a note created a moment before Ctrl+C', async () => {
    const first = await startDevStack(['--azurite'], env);
    let id: string;
    try {
      // B2C stays the default authority of the web client.
      expect(first.output()).toContain(
        `  Web           http://localhost:${env['WEB_PORT']}  (Azure AD B2C, contoso.onmicrosoft.com B2C_1_ROPC_Auth; npm start -- --authority external-id for Entra External ID)\n` +
          '  Demo users    alice@contoso.com / Alice-Passw0rd!    bob@contoso.com / Bob-Passw0rd!\n',
      );
      const created = await notes(await accessToken(), {
        method: 'POST',
        body: JSON.stringify({ title: 'Written just before Ctrl+C', body: '' }),
      });
      expect(created.status).toBe(201);
      id = ((await created.json()) as { id: string }).id;
    } finally {
      expect(await pressCtrlC(first)).toBe(0);
    }

    const second = await startDevStack(['--azurite'], env);
    try {
      const listed = await notes(await accessToken());
      const { items } = (await listed.json()) as { items: { id: string; title: string }[] };
      expect(items).toEqual([expect.objectContaining({ id, title: 'Written just before Ctrl+C' })]);
    } finally {
      await pressCtrlC(second);
    }
  });
});
