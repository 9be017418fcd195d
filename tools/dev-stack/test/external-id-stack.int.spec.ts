// `npm start -- --authority external-id --sign-in-method email-otp` as a developer runs it: the web
// origin serves the External ID config.json, its client app is the one the API's native-auth
// proxy sends upstream, carol signs in with the code printed on the log, and the API accepts her
// External ID token beside a B2C one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExternalIdWebConfig } from '../external-id-web-config.mjs';
import {
  createDevStackEnv,
  pressCtrlC,
  startDevStack,
  type DevStack,
  type DevStackPorts,
} from './dev-stack-process';

const OTP_APP = 'f2d6a9c3-8e14-4b7a-9c52-6a1e3b8d0f47';
const EXTERNAL_ID_SCOPES = [
  'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.read',
  'api://e8b4d1a6-2f7c-4a93-b6e0-5c3d9f1a7b28/notes.write',
];
const B2C_CLIENT_ID = '360770b5-7e4f-4765-b292-87b8b2c5964d';
const B2C_NOTES_READ = 'https://contoso.onmicrosoft.com/api/notes.read';
const CAROL = 'carol@contoso.com';

/** Waits for the emulator's log line of a code sent to `address` (B2C_EMULATOR_LOG_CODES=on). */
async function codeOnTheLog(stack: DevStack, address: string, purpose: string): Promise<string> {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`one-time code (\\d{8}) for ${escaped} \\(${purpose}\\)`);
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = line.exec(stack.output())?.[1];
    if (code !== undefined) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no ${purpose} code for ${address} on the log:\n${stack.output()}`);
}

describe('npm start -- --authority external-id --sign-in-method email-otp', () => {
  let scratch: string;
  let ports: DevStackPorts;
  let stack: DevStack | undefined;
  const running = (): DevStack => {
    if (!stack) throw new Error('the stack did not start: see beforeAll');
    return stack;
  };

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'dev-stack-external-id-'));
    const run = await createDevStackEnv(scratch);
    ports = run.ports;
    stack = await startDevStack(
      ['--authority', 'external-id', '--sign-in-method', 'email-otp'],
      run.env,
    );
  });

  afterAll(async () => {
    if (stack) await pressCtrlC(stack);
    rmSync(scratch, { recursive: true, force: true });
  });

  const web = (path: string, init?: RequestInit): Promise<Response> =>
    fetch(`http://127.0.0.1:${ports.web}${path}`, init);

  /** One call of the native-auth proxy in the web client's cookie mode. */
  async function native(path: string, form: Record<string, string>): Promise<Response> {
    return web(`/api/auth/native/${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Requested-With': 'XMLHttpRequest',
      },
      body: new URLSearchParams(form).toString(),
    });
  }

  it('serves the External ID config.json of the e-mail code app on the web origin', async () => {
    const response = await web('/config.json');
    expect(response.status).toBe(200);
    // Its content is pinned by external-id-web-config.spec.ts; here, that the launcher serves it
    // whole for the app of --sign-in-method.
    expect(await response.json()).toEqual(createExternalIdWebConfig(OTP_APP, 'email-otp'));
  });

  it('says in its banner that the web client uses External ID, and who signs in there', () => {
    const output = running().output();
    const banner = output.slice(output.lastIndexOf('Ready.'));
    expect(banner).toContain(
      `  Web           http://localhost:${ports.web}  (Entra External ID, contosoid.onmicrosoft.com, app contoso-notes-otp: e-mail one-time passcode)\n` +
        `  Demo users    ${CAROL} (also alice@contoso.com, bob@contoso.com): an 8-digit code, printed on this log\n`,
    );
  });

  it("signs carol in through the web origin's native-auth proxy with the config's client id and the code from the log; the API accepts her token", async () => {
    const config = (await (await web('/config.json')).json()) as { clientId: string };
    const initiated = await native('oauth2/v2.0/initiate', {
      client_id: config.clientId,
      username: CAROL,
      challenge_type: 'oob redirect',
    });
    expect(initiated.status).toBe(200);
    const { continuation_token: initiateToken } = (await initiated.json()) as {
      continuation_token: string;
    };
    const challenged = await native('oauth2/v2.0/challenge', {
      client_id: config.clientId,
      continuation_token: initiateToken,
      challenge_type: 'oob redirect',
    });
    const challenge = (await challenged.json()) as {
      challenge_type: string;
      code_length: number;
      continuation_token: string;
    };
    expect([challenged.status, challenge.challenge_type, challenge.code_length]).toEqual([
      200,
      'oob',
      8,
    ]);
    const code = await codeOnTheLog(running(), CAROL, 'sign-in');

    const signedIn = await native('oauth2/v2.0/token', {
      client_id: config.clientId,
      continuation_token: challenge.continuation_token,
      grant_type: 'oob',
      oob: code,
      scope: EXTERNAL_ID_SCOPES.join(' '),
    });
    const tokens = (await signedIn.json()) as { access_token: string; refresh_token?: string };
    expect(signedIn.status).toBe(200);
    expect(tokens.refresh_token).toBeUndefined();
    expect(signedIn.headers.getSetCookie().map((cookie) => cookie.split('=')[0])).toContain(
      'ropc_session',
    );

    const me = await web('/api/me', {
      headers: { Authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      authority: `http://localhost:${ports.emulator}/contosoid.onmicrosoft.com`,
      policy: null,
      emails: [CAROL],
    });
  });

  it('still accepts B2C tokens: the API validates both authorities', async () => {
    const issued = await fetch(
      `http://localhost:${ports.emulator}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth/oauth2/v2.0/token`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: B2C_CLIENT_ID,
          username: 'alice@contoso.com',
          password: 'Alice-Passw0rd!',
          scope: `openid ${B2C_NOTES_READ}`,
          response_type: 'token id_token',
        }).toString(),
      },
    );
    expect(issued.status).toBe(200);
    const { access_token: token } = (await issued.json()) as { access_token: string };
    const me = await web('/api/me', { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      authority: `http://localhost:${ports.emulator}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`,
      policy: 'B2C_1_ROPC_Auth',
    });
  });
});
