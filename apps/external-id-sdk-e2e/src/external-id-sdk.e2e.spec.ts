import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { bundleTestPage } from './support/bundle-page';
import {
  ALICE,
  AUTHORITY,
  authApiProxyUrl,
  API_APP_ID,
  BOB,
  CAROL,
  NOTES_READ,
  OTP_APP,
  PASSWORD_APP,
  TENANT_ID,
} from './support/external-id-tenant';
import { launchChromium } from '@ropc/browser-testing';
import {
  Outbox,
  startBuiltEmulator,
  type OutboxMessage,
  type RunningEmulator,
  type SdkPageConfig,
  type StepReport,
} from '@ropc/native-auth-testing';
import { servePage, type PageServer } from './support/page-server';
import { ARTIFACTS_DIR } from './support/paths';
import { expectFailure, expectStep, jwtPayload, scenario } from './support/scenario';
import { SdkSession } from './support/sdk-session';

/**
 * Microsoft's own `@azure/msal-browser` 5.31.0 `CustomAuthPublicClientApplication`, unmodified,
 * in Chromium, against the built emulator's External ID native-authentication routes: sign-up,
 * sign-in with a password and with an email code, tokens and their refresh, password reset, and
 * the SDK's error helpers. The page is served from another origin than the emulator's, so every
 * call is a real cross-origin request.
 */

let browser: Browser | undefined;
let pageServer: PageServer | undefined;
let emulator: RunningEmulator | undefined;
const sessions: SdkSession[] = [];

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} did not start: see beforeAll`);
  return value;
}

const running = {
  get browser() {
    return started(browser, 'Chromium');
  },
  get pageUrl() {
    return started(pageServer, 'The page server').url;
  },
  get emulator() {
    return started(emulator, 'The emulator');
  },
  get outbox() {
    return new Outbox(this.emulator.url, this.emulator.adminKey);
  },
};

beforeAll(async () => {
  // Chromium first: when it is missing, fail before starting anything.
  browser = await launchChromium();
  pageServer = await servePage(await bundleTestPage());
  emulator = await startBuiltEmulator({ label: 'sdk-e2e', flags: ['--cors', 'permissive'] });
}, 60_000);

afterAll(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.close()));
  await browser?.close();
  await pageServer?.close();
  const output = emulator?.output();
  await emulator?.stop();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  if (output !== undefined) writeFileSync(join(ARTIFACTS_DIR, 'emulator.log'), output);
}, 30_000);

/** The emulator's output tail, for failure messages. */
function emulatorTail(lines = 60): string {
  const output = emulator?.output() ?? '(the emulator did not start)';
  return [
    `--- emulator output (last ${lines} lines) ---`,
    ...output.trimEnd().split('\n').slice(-lines),
  ].join('\n');
}

/** Opens a session of `app` and records it, so that its events go to the logs and failures. */
async function openSession(
  label: string,
  app: { readonly clientId: string; readonly challengeTypes: readonly string[] },
): Promise<{ session: SdkSession; created: string }> {
  const config: SdkPageConfig = {
    clientId: app.clientId,
    authority: AUTHORITY,
    authApiProxyUrl: authApiProxyUrl(running.emulator.url),
    challengeTypes: app.challengeTypes,
  };
  const opened = await SdkSession.open(
    running.browser,
    label,
    running.pageUrl,
    running.emulator.url,
    config,
  );
  sessions.push(opened.session);
  return opened;
}

async function diagnosticsOf(session: SdkSession | undefined): Promise<string> {
  const parts = [];
  if (session) {
    parts.push(await session.diagnostics());
    writeFileSync(
      join(mkdirAndReturn(ARTIFACTS_DIR), `${session.label}-browser.log`),
      session.recordedEvents().join('\n'),
    );
  }
  parts.push(emulatorTail());
  return parts.join('\n');
}

function mkdirAndReturn(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The handle of a step's state; throws when the state cannot go on. */
function handleOf(report: StepReport): string {
  if (report.handle === undefined)
    throw new Error(`no state to go on with: ${JSON.stringify(report)}`);
  return report.handle;
}

/** An 8-digit code that is not `code` (same length, so the SDK sends it instead of refusing it). */
function wrongCodeFor(code: string): string {
  const last = code.slice(-1);
  const other = /\d/.test(last) ? String((Number(last) + 1) % 10) : last === 'a' ? 'b' : 'a';
  return `${code.slice(0, -1)}${other}`;
}

/** Checks the id-token claims and account fields MSAL filed for a sign-in of `email`. */
function expectAccountOf(
  report: StepReport,
  email: string,
  clientId: string,
): Record<string, unknown> {
  const account = report.account;
  if (!account) throw new Error(`no account on ${report.result}: ${JSON.stringify(report)}`);
  const claims = account.idTokenClaims;
  expect(account.hasIdToken).toBe(true);
  expect(account.username).toBe(email);
  expect(claims).toMatchObject({ preferred_username: email, tid: TENANT_ID, aud: clientId });
  expect(typeof claims['oid']).toBe('string');
  // client_info (uid.utid) and the id token (oid, tid) name the same user (protocol doc §8).
  expect(account.homeAccountId).toBe(`${String(claims['oid'])}.${TENANT_ID}`);
  expect(account.localAccountId).toBe(claims['oid']);
  expect(account.tenantId).toBe(TENANT_ID);
  return claims;
}

it('harness: the emulator started with the default tenant file and its outbox answers with the admin key', async () => {
  const messages = await running.outbox.read(
    `nobody-${randomBytes(4).toString('hex')}@contoso.com`,
  );
  expect(messages).toEqual([]);
});

describe('contoso-notes-spa (email + password): a new user signs up, signs in, gets tokens and resets the password', () => {
  let session: SdkSession | undefined;
  const steps = scenario(() => diagnosticsOf(session));
  const dana = {
    email: `dana-${randomBytes(4).toString('hex')}@contoso.com`,
    password: 'Dana-Passw0rd!',
    newPassword: 'Dana-N3w-Passw0rd!',
    displayName: 'Dana Scully',
  };
  let handle = '';
  let code = '';
  let firstAccessToken = '';
  let before: OutboxMessage[] = [];
  const sdk = (): SdkSession => started(session, 'The session');

  steps.step(
    'create() takes the configuration (authApiProxyUrl = {emulator}/contosoid.onmicrosoft.com) and finds no account',
    async () => {
      const opened = await openSession('spa-dana', PASSWORD_APP);
      session = opened.session;
      expect(opened.created).toBe('CustomAuthPublicClientApplication');
      const account = await sdk().step('getCurrentAccount', {});
      expectFailure('getCurrentAccount before any sign-in', account, {
        state: 'GetAccountFailedState',
        helpers: ['isCurrentAccountNotFound'],
      });
    },
  );

  steps.step(
    'signUp(email, password, displayName) → SignUpCodeRequiredState (isCodeRequired), a sign-up code of codeLength digits in the outbox',
    async () => {
      before = await running.outbox.read(dana.email);
      expect(before).toEqual([]);
      const report = await sdk().step('signUp', {
        username: dana.email,
        password: dana.password,
        attributes: { displayName: dana.displayName },
      });
      expectStep('signUp', report, { state: 'SignUpCodeRequiredState', is: ['isCodeRequired'] });
      const message = await running.outbox.newCode(dana.email, 'sign-up', before);
      expect(message.to).toBe(dana.email);
      expect(message.code).toMatch(/^\d{8}$/);
      expect(report.codeLength).toBe(message.code.length);
      expect(report.codeResendInterval).toBeGreaterThan(0);
      handle = handleOf(report);
      code = message.code;
    },
  );

  steps.step('submitCode(the sign-up code) → SignUpCompletedState (isCompleted)', async () => {
    let report = await sdk().step('submitCode', { handle, code });
    // Password and displayName went with signUp, so the user flow needs nothing more; should the
    // emulator still ask, the SDK says so by its state, and the test answers as an app would.
    if (report.is.includes('isPasswordRequired')) {
      expectStep('sign-up submitCode', report, {
        state: 'SignUpPasswordRequiredState',
        is: ['isPasswordRequired'],
      });
      console.warn('sign-up asked for the password again after the code (credential_required)');
      report = await sdk().step('submitPassword', {
        handle: handleOf(report),
        password: dana.password,
      });
    }
    if (report.is.includes('isAttributesRequired')) {
      expectStep('sign-up', report, {
        state: 'SignUpAttributesRequiredState',
        is: ['isAttributesRequired'],
      });
      expect(report.requiredAttributes?.map((attribute) => attribute.name)).toContain(
        'displayName',
      );
      console.warn('sign-up asked for displayName again (attributes_required)');
      report = await sdk().step('submitAttributes', {
        handle: handleOf(report),
        attributes: { displayName: dana.displayName },
      });
    }
    expectStep('sign-up after the code', report, {
      state: 'SignUpCompletedState',
      is: ['isCompleted'],
    });
    handle = handleOf(report);
  });

  steps.step(
    'signIn() of the completed sign-up (continuation-token grant) → SignInCompletedState; the account is the new user, name = displayName',
    async () => {
      const report = await sdk().step('signInAfterFlow', { handle });
      expectStep('signIn after sign-up', report, {
        state: 'SignInCompletedState',
        is: ['isCompleted'],
      });
      const claims = expectAccountOf(report, dana.email, PASSWORD_APP.clientId);
      expect(claims['name']).toBe(dana.displayName);
      expect(report.account?.name).toBe(dana.displayName);
    },
  );

  steps.step(
    'getCurrentAccount → the new user; signOut → SignOutCompletedState; then no current account',
    async () => {
      const current = await sdk().step('getCurrentAccount', {});
      expectStep('getCurrentAccount', current, {
        state: 'GetAccountCompletedState',
        is: ['isCompleted'],
      });
      expectAccountOf(current, dana.email, PASSWORD_APP.clientId);
      const out = await sdk().step('signOut', {});
      expectStep('signOut', out, { state: 'SignOutCompletedState', is: ['isCompleted'] });
      const after = await sdk().step('getCurrentAccount', {});
      expectFailure('getCurrentAccount after signOut', after, {
        state: 'GetAccountFailedState',
        helpers: ['isCurrentAccountNotFound'],
      });
    },
  );

  steps.step(
    'signIn(email, password) → SignInCompletedState at once (initiate, password challenge, password grant)',
    async () => {
      const report = await sdk().step('signIn', { username: dana.email, password: dana.password });
      expectStep('signIn with the password', report, {
        state: 'SignInCompletedState',
        is: ['isCompleted'],
      });
      expectAccountOf(report, dana.email, PASSWORD_APP.clientId);
    },
  );

  steps.step(
    'getAccessToken(notes.read) → GetAccessTokenCompletedState with an access token for the notes API',
    async () => {
      const report = await sdk().step('getAccessToken', {
        scopes: [NOTES_READ],
        forceRefresh: false,
      });
      expectStep('getAccessToken', report, {
        state: 'GetAccessTokenCompletedState',
        is: ['isCompleted'],
      });
      const token = report.token;
      if (!token) throw new Error(`no token: ${JSON.stringify(report)}`);
      expect(token.tokenType).toBe('Bearer');
      expect(token.username).toBe(dana.email);
      expect(token.scopes).toContain(NOTES_READ);
      expect(token.expiresOn === null ? 0 : Date.parse(token.expiresOn)).toBeGreaterThan(
        Date.now(),
      );
      const claims = jwtPayload(token.accessToken);
      const idClaims = jwtPayload(token.idToken);
      expect(String(claims['scp']).split(' ')).toContain('notes.read');
      expect([API_APP_ID, `api://${API_APP_ID}`]).toContain(claims['aud']);
      expect(claims['tid']).toBe(TENANT_ID);
      expect(claims['oid']).toBe(idClaims['oid']);
      firstAccessToken = token.accessToken;
    },
  );

  steps.step(
    'getAccessToken(notes.read, forceRefresh: true) → a different access token, not from the cache (refresh-token grant)',
    async () => {
      const report = await sdk().step('getAccessToken', {
        scopes: [NOTES_READ],
        forceRefresh: true,
      });
      expectStep('getAccessToken forceRefresh', report, {
        state: 'GetAccessTokenCompletedState',
        is: ['isCompleted'],
      });
      const token = report.token;
      if (!token) throw new Error(`no token: ${JSON.stringify(report)}`);
      expect(token.fromCache).toBe(false);
      expect(token.accessToken).not.toBe(firstAccessToken);
      expect(String(jwtPayload(token.accessToken)['scp']).split(' ')).toContain('notes.read');
      const out = await sdk().step('signOut', {});
      expectStep('signOut', out, { state: 'SignOutCompletedState', is: ['isCompleted'] });
    },
  );

  steps.step(
    'resetPassword(email) → ResetPasswordCodeRequiredState (isCodeRequired), a password-reset code in the outbox',
    async () => {
      before = await running.outbox.read(dana.email);
      const report = await sdk().step('resetPassword', { username: dana.email });
      expectStep('resetPassword', report, {
        state: 'ResetPasswordCodeRequiredState',
        is: ['isCodeRequired'],
      });
      const message = await running.outbox.newCode(dana.email, 'password-reset', before);
      expect(report.codeLength).toBe(message.code.length);

      const afterCode = await sdk().step('submitCode', {
        handle: handleOf(report),
        code: message.code,
      });
      expectStep('resetPassword submitCode', afterCode, {
        state: 'ResetPasswordPasswordRequiredState',
        is: ['isPasswordRequired'],
      });
      handle = handleOf(afterCode);
    },
  );

  steps.step(
    'submitNewPassword → ResetPasswordCompletedState (isCompleted) once poll_completion says succeeded',
    async () => {
      const report = await sdk().step('submitNewPassword', { handle, password: dana.newPassword });
      expectStep('submitNewPassword', report, {
        state: 'ResetPasswordCompletedState',
        is: ['isCompleted'],
      });
    },
  );

  steps.step('signIn with the old password → SignInFailedState, isPasswordIncorrect', async () => {
    const report = await sdk().step('signIn', { username: dana.email, password: dana.password });
    const error = expectFailure('signIn with the old password', report, {
      state: 'SignInFailedState',
      helpers: ['isPasswordIncorrect'],
    });
    expect(error.error).toBe('invalid_grant');
    expect(error.errorCodes).toContain(50126);
  });

  steps.step('signIn with the new password → SignInCompletedState', async () => {
    const report = await sdk().step('signIn', { username: dana.email, password: dana.newPassword });
    expectStep('signIn with the new password', report, {
      state: 'SignInCompletedState',
      is: ['isCompleted'],
    });
    expectAccountOf(report, dana.email, PASSWORD_APP.clientId);
    const out = await sdk().step('signOut', {});
    expectStep('signOut', out, { state: 'SignOutCompletedState', is: ['isCompleted'] });
  });
});

describe('contoso-notes-spa: refusals, each by its SDK error helper', () => {
  let session: SdkSession | undefined;
  const steps = scenario(() => diagnosticsOf(session));
  const sdk = (): SdkSession => started(session, 'The session');

  steps.step('create() for contoso-notes-spa', async () => {
    session = (await openSession('spa-refusals', PASSWORD_APP)).session;
  });

  steps.check(
    'signIn(alice, a wrong password) → SignInFailedState; isPasswordIncorrect is the only true helper (invalid_grant, 50126)',
    async () => {
      const report = await sdk().step('signIn', {
        username: ALICE.email,
        password: 'Not-Alices-Passw0rd!',
      });
      const error = expectFailure('signIn with a wrong password', report, {
        state: 'SignInFailedState',
        helpers: ['isPasswordIncorrect'],
      });
      expect(error.dataType).toBe('CustomAuthApiError');
      expect(error.error).toBe('invalid_grant');
      expect(error.errorCodes).toContain(50126);
      expect(error.correlationId).toEqual(expect.any(String));
    },
  );

  steps.check(
    'signIn(an unknown address) → SignInFailedState, isUserNotFound (user_not_found)',
    async () => {
      const report = await sdk().step('signIn', {
        username: `nobody-${randomBytes(4).toString('hex')}@contoso.com`,
        password: 'Whatever-Passw0rd!',
      });
      const error = expectFailure('signIn of an unknown user', report, {
        state: 'SignInFailedState',
        helpers: ['isUserNotFound'],
      });
      expect(error.error).toBe('user_not_found');
    },
  );

  steps.check(
    "signUp(alice's address) → SignUpFailedState, isUserAlreadyExists (user_already_exists)",
    async () => {
      const report = await sdk().step('signUp', {
        username: ALICE.email,
        password: 'Another-Passw0rd!',
        attributes: { displayName: 'Not Alice' },
      });
      const error = expectFailure('signUp of an existing user', report, {
        state: 'SignUpFailedState',
        helpers: ['isUserAlreadyExists'],
      });
      expect(error.error).toBe('user_already_exists');
    },
  );

  steps.check(
    'signIn(alice) and signIn(bob) with their passwords → SignInCompletedState each',
    async () => {
      for (const user of [ALICE, BOB]) {
        const report = await sdk().step('signIn', {
          username: user.email,
          password: user.password,
        });
        expectStep(`signIn ${user.email}`, report, {
          state: 'SignInCompletedState',
          is: ['isCompleted'],
        });
        expectAccountOf(report, user.email, PASSWORD_APP.clientId);
        const out = await sdk().step('signOut', {});
        expectStep('signOut', out, { state: 'SignOutCompletedState', is: ['isCompleted'] });
      }
    },
  );
});

describe('contoso-notes-otp (email one-time code): carol signs in with a code', () => {
  let session: SdkSession | undefined;
  const steps = scenario(() => diagnosticsOf(session));
  const sdk = (): SdkSession => started(session, 'The session');
  let handle = '';
  let code = '';
  let before: OutboxMessage[] = [];

  steps.step("create() for contoso-notes-otp with challengeTypes ['oob']", async () => {
    session = (await openSession('otp-carol', OTP_APP)).session;
  });

  steps.step(
    'signIn(carol) → SignInCodeRequiredState (isCodeRequired), a sign-in code in the outbox',
    async () => {
      before = await running.outbox.read(CAROL.email);
      const report = await sdk().step('signIn', { username: CAROL.email });
      expectStep('signIn with a code', report, {
        state: 'SignInCodeRequiredState',
        is: ['isCodeRequired'],
      });
      const message = await running.outbox.newCode(CAROL.email, 'sign-in', before);
      expect(report.codeLength).toBe(message.code.length);
      handle = handleOf(report);
      code = message.code;
    },
  );

  steps.step(
    'submitCode(a wrong code of the same length) → SignInFailedState, isInvalidCode (invalid_grant / invalid_oob_value)',
    async () => {
      const report = await sdk().step('submitCode', { handle, code: wrongCodeFor(code) });
      const error = expectFailure('submitCode with a wrong code', report, {
        state: 'SignInFailedState',
        helpers: ['isInvalidCode'],
      });
      // From the emulator, not the SDK's own length check (which raises InvalidArgumentError).
      expect(error.dataType).toBe('CustomAuthApiError');
      expect(error.error).toBe('invalid_grant');
      expect(error.subError).toBe('invalid_oob_value');
    },
  );

  steps.step('resendCode → SignInCodeRequiredState, a new sign-in code in the outbox', async () => {
    before = await running.outbox.read(CAROL.email);
    const report = await sdk().step('resendCode', { handle });
    expectStep('resendCode', report, { state: 'SignInCodeRequiredState', is: ['isCodeRequired'] });
    const message = await running.outbox.newCode(CAROL.email, 'sign-in', before);
    expect(report.codeLength).toBe(message.code.length);
    handle = handleOf(report);
    code = message.code;
  });

  steps.step(
    "submitCode(the new code) → SignInCompletedState; the id token's preferred_username is carol@contoso.com",
    async () => {
      const report = await sdk().step('submitCode', { handle, code });
      expectStep('submitCode', report, { state: 'SignInCompletedState', is: ['isCompleted'] });
      const claims = expectAccountOf(report, CAROL.email, OTP_APP.clientId);
      expect(claims['preferred_username']).toBe('carol@contoso.com');
      const out = await sdk().step('signOut', {});
      expectStep('signOut', out, { state: 'SignOutCompletedState', is: ['isCompleted'] });
    },
  );
});
