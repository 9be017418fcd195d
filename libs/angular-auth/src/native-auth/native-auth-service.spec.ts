import { TestBed } from '@angular/core/testing';
import { AUTH_SLEEP } from '../auth-clock';
import { NativeAuthService } from './native-auth-service';
import { setUpAuth, type AuthTest } from '../../test/auth-test-bed';
import { jsonResponse } from '../../test/fake-fetch';
import {
  ALICE_EXTERNAL_ID,
  EXTERNAL_ID_CLIENT_ID,
  EXTERNAL_ID_CONFIG,
  EXTERNAL_ID_NOTES_READ,
  TRACE_ID,
  codeSent,
  continuation,
  nativeError,
  nativeTokenBody,
  nativeUrl,
} from '../../test/native-auth-fixtures';
import { PROXY_CONFIG } from '../../test/token-fixtures';

const SCOPE = `openid offline_access ${EXTERNAL_ID_NOTES_READ}`;

/** The form fields of the n-th call to `url`. */
function formOf(test: AuthTest, path: string, index = 0): Record<string, string> {
  const call = test.fetch.calls.filter((c) => c.url === nativeUrl(path))[index];
  if (call === undefined) throw new Error(`no call ${index} to ${path}`);
  return Object.fromEntries(new URLSearchParams(call.body));
}

describe('NativeAuthService and External ID sign-in', () => {
  let test: AuthTest;
  let native: NativeAuthService;
  let sleeps: number[];

  beforeEach(async () => {
    sleeps = [];
    test = await setUpAuth({
      config: EXTERNAL_ID_CONFIG,
      providers: [
        {
          provide: AUTH_SLEEP,
          useValue: (ms: number) => {
            sleeps.push(ms);
            return Promise.resolve();
          },
        },
      ],
    });
    native = TestBed.inject(NativeAuthService);
  });

  describe('password sign-in through AuthService', () => {
    it('makes initiate, challenge and the password grant in cookie mode, then is signed in', async () => {
      test.fetch
        .when(nativeUrl('oauth2/v2.0/initiate'), jsonResponse(200, continuation('ct-1')))
        .when(
          nativeUrl('oauth2/v2.0/challenge'),
          jsonResponse(200, { continuation_token: 'ct-2', challenge_type: 'password' }),
        )
        .when(nativeUrl('oauth2/v2.0/token'), jsonResponse(200, nativeTokenBody('at-1')));
      await test.auth.signIn('alice@contoso.com', 'Alice-Passw0rd!');

      expect(formOf(test, 'oauth2/v2.0/initiate')).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        challenge_type: 'password redirect',
        username: 'alice@contoso.com',
      });
      expect(formOf(test, 'oauth2/v2.0/challenge')).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        challenge_type: 'password redirect',
        continuation_token: 'ct-1',
      });
      expect(formOf(test, 'oauth2/v2.0/token')).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        grant_type: 'password',
        continuation_token: 'ct-2',
        password: 'Alice-Passw0rd!',
        scope: SCOPE,
        client_info: '1',
      });
      const nativeCalls = test.fetch.calls.filter((c) => c.url.includes('/api/auth/native/'));
      expect(nativeCalls.map((c) => [c.headers['X-Requested-With'], c.credentials])).toEqual([
        ['XMLHttpRequest', 'same-origin'],
        ['XMLHttpRequest', 'same-origin'],
        ['XMLHttpRequest', 'same-origin'],
      ]);
      expect(test.store.status()).toBe('signed-in');
      expect(test.store.user()?.oid).toBe(ALICE_EXTERNAL_ID.oid);
      expect(await test.auth.accessToken()).toBe('at-1');
    });

    it('says "wrong email or password" for an unknown user, as for a wrong password', async () => {
      test.fetch.when(
        nativeUrl('oauth2/v2.0/initiate'),
        jsonResponse(400, nativeError('user_not_found', [50034])),
      );
      await expect(test.auth.signIn('nobody@contoso.com', 'x')).rejects.toMatchObject({
        kind: 'invalid_credentials',
        correlationId: TRACE_ID,
      });
      expect(test.store.status()).toBe('signed-out');
    });

    it('tells a code-only account that it cannot sign in with a password here', async () => {
      test.fetch.when(
        nativeUrl('oauth2/v2.0/initiate'),
        jsonResponse(200, { challenge_type: 'redirect' }),
      );
      await expect(test.auth.signIn('carol@contoso.com', 'x')).rejects.toMatchObject({
        kind: 'not_supported',
      });
    });

    it('keeps the proxy’s refusal of an account under attack, with its wait', async () => {
      test.fetch.when(nativeUrl('oauth2/v2.0/initiate'), jsonResponse(200, continuation('ct-1')));
      test.fetch.when(
        nativeUrl('oauth2/v2.0/challenge'),
        jsonResponse(200, { continuation_token: 'ct-2', challenge_type: 'password' }),
      );
      test.fetch.when(
        nativeUrl('oauth2/v2.0/token'),
        jsonResponse(
          429,
          nativeError('temporarily_unavailable', [90055], { suberror: 'account_protected' }),
          { 'Retry-After': '120' },
        ),
      );
      await expect(test.auth.signIn('alice@contoso.com', 'guess')).rejects.toMatchObject({
        kind: 'account_protected',
        retryAfterSeconds: 120,
      });
    });
  });

  describe('code sign-in', () => {
    beforeEach(() => {
      test.fetch
        .when(nativeUrl('oauth2/v2.0/initiate'), jsonResponse(200, continuation('ct-1')))
        .when(nativeUrl('oauth2/v2.0/challenge'), jsonResponse(200, codeSent('ct-2')));
    });

    it('sends a code, refuses a wrong one, keeps the step and signs in with the right one', async () => {
      const step = await native.startCodeSignIn('carol@contoso.com');
      expect([step.sentTo, step.codeLength, step.resendAvailableAt - test.clock.now]).toEqual([
        'a***e@co*****.com',
        8,
        30_000,
      ]);
      expect(formOf(test, 'oauth2/v2.0/initiate')['challenge_type']).toBe('oob redirect');

      test.fetch.when(
        nativeUrl('oauth2/v2.0/token'),
        jsonResponse(400, nativeError('invalid_grant', [50181], { suberror: 'invalid_oob_value' })),
        jsonResponse(200, nativeTokenBody('at-code')),
      );
      await expect(step.submitCode('00000000')).rejects.toMatchObject({ kind: 'invalid_code' });
      expect(test.store.status()).toBe('signed-out');
      await step.submitCode('12345678');

      expect(formOf(test, 'oauth2/v2.0/token', 1)).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        grant_type: 'oob',
        continuation_token: 'ct-2',
        oob: '12345678',
        scope: SCOPE,
        client_info: '1',
      });
      expect(test.store.status()).toBe('signed-in');
      expect(await test.auth.accessToken()).toBe('at-code');
    });

    it('resends with the last token and goes on with the new one; the countdown restarts', async () => {
      const step = await native.startCodeSignIn('carol@contoso.com');
      test.clock.advance(45);
      test.fetch.when(nativeUrl('oauth2/v2.0/challenge'), jsonResponse(200, codeSent('ct-3')));
      await step.resend();
      expect(formOf(test, 'oauth2/v2.0/challenge', 1)['continuation_token']).toBe('ct-2');
      expect(step.resendAvailableAt).toBe(test.clock.now + 30_000);
      test.fetch.when(nativeUrl('oauth2/v2.0/token'), jsonResponse(200, nativeTokenBody('at')));
      await step.submitCode('12345678');
      expect(formOf(test, 'oauth2/v2.0/token')['continuation_token']).toBe('ct-3');
    });

    it('says the flow expired when the proxy refuses its continuation token', async () => {
      const step = await native.startCodeSignIn('carol@contoso.com');
      test.fetch.when(
        nativeUrl('oauth2/v2.0/token'),
        jsonResponse(400, nativeError('invalid_grant', [55200])),
      );
      await expect(step.submitCode('12345678')).rejects.toMatchObject({ kind: 'flow_expired' });
    });

    it('says no account was found for an unknown address (a code cannot be sent)', async () => {
      TestBed.resetTestingModule();
      const fresh = await setUpAuth({ config: EXTERNAL_ID_CONFIG });
      fresh.fetch.when(
        nativeUrl('oauth2/v2.0/initiate'),
        jsonResponse(400, nativeError('user_not_found', [50034])),
      );
      await expect(
        TestBed.inject(NativeAuthService).startCodeSignIn('nobody@contoso.com'),
      ).rejects.toMatchObject({ kind: 'user_not_found' });
    });
  });

  describe('sign-up', () => {
    const details = { email: 'dave@contoso.com', password: 'Dave-Passw0rd!', displayName: 'Dave' };

    it('sends the password and display name first, verifies the code, then signs in', async () => {
      test.fetch
        .when(nativeUrl('signup/v1.0/start'), jsonResponse(200, continuation('su-1')))
        .when(
          nativeUrl('signup/v1.0/challenge'),
          jsonResponse(200, codeSent('su-2', { interval: 300 })),
        )
        .when(nativeUrl('signup/v1.0/continue'), jsonResponse(200, continuation('su-3')))
        .when(nativeUrl('oauth2/v2.0/token'), jsonResponse(200, nativeTokenBody('at-new')));
      const step = await native.startSignUp(details);
      // The server's 300 s is capped: see MAX_RESEND_INTERVAL_SECONDS.
      expect(step.resendAvailableAt - test.clock.now).toBe(60_000);
      await step.submitCode('87654321');

      expect(formOf(test, 'signup/v1.0/start')).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        username: 'dave@contoso.com',
        password: 'Dave-Passw0rd!',
        attributes: JSON.stringify({ displayName: 'Dave' }),
        challenge_type: 'oob password redirect',
      });
      expect(formOf(test, 'signup/v1.0/continue')).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        continuation_token: 'su-2',
        grant_type: 'oob',
        oob: '87654321',
      });
      expect(formOf(test, 'oauth2/v2.0/token')).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        continuation_token: 'su-3',
        grant_type: 'continuation_token',
        scope: SCOPE,
        client_info: '1',
      });
      expect(test.store.status()).toBe('signed-in');
    });

    it.each([
      ['password_too_weak', 'password_too_weak'],
      ['password_too_short', 'password_too_short'],
      ['password_banned', 'password_banned'],
    ])('names the password rule the server applied (%s)', async (suberror, kind) => {
      test.fetch.when(
        nativeUrl('signup/v1.0/start'),
        jsonResponse(400, nativeError('invalid_grant', [399246], { suberror })),
      );
      await expect(native.startSignUp(details)).rejects.toMatchObject({ kind });
    });

    it('says the account exists', async () => {
      test.fetch.when(
        nativeUrl('signup/v1.0/start'),
        jsonResponse(400, nativeError('user_already_exists', [1003037])),
      );
      await expect(native.startSignUp(details)).rejects.toMatchObject({ kind: 'user_exists' });
    });

    it('says the flow is not supported when the user flow wants more details', async () => {
      test.fetch
        .when(nativeUrl('signup/v1.0/start'), jsonResponse(200, continuation('su-1')))
        .when(nativeUrl('signup/v1.0/challenge'), jsonResponse(200, codeSent('su-2')))
        .when(
          nativeUrl('signup/v1.0/continue'),
          jsonResponse(
            400,
            nativeError('attributes_required', [55106], { continuation_token: 'x' }),
          ),
        );
      const step = await native.startSignUp(details);
      await expect(step.submitCode('87654321')).rejects.toMatchObject({ kind: 'not_supported' });
      expect(test.store.status()).toBe('signed-out');
    });
  });

  describe('password reset', () => {
    beforeEach(() => {
      test.fetch
        .when(nativeUrl('resetpassword/v1.0/start'), jsonResponse(200, continuation('rp-1')))
        .when(nativeUrl('resetpassword/v1.0/challenge'), jsonResponse(200, codeSent('rp-2')))
        .when(
          nativeUrl('resetpassword/v1.0/continue'),
          jsonResponse(200, { continuation_token: 'rp-3', expires_in: 600 }),
        );
    });

    it('checks the code, sets the password, polls until done, then signs in', async () => {
      test.fetch
        .when(
          nativeUrl('resetpassword/v1.0/submit'),
          jsonResponse(
            400,
            nativeError('invalid_grant', [399246], { suberror: 'password_recently_used' }),
          ),
          jsonResponse(200, { continuation_token: 'rp-4', poll_interval: 2 }),
        )
        .when(
          nativeUrl('resetpassword/v1.0/poll_completion'),
          jsonResponse(200, { status: 'in_progress' }),
          jsonResponse(200, { status: 'succeeded', continuation_token: 'rp-5' }),
        )
        .when(nativeUrl('oauth2/v2.0/token'), jsonResponse(200, nativeTokenBody('at-reset')));
      const codeStep = await native.startPasswordReset('alice@contoso.com');
      const passwordStep = await codeStep.submitCode('11223344');
      await expect(passwordStep.submitNewPassword('Alice-Passw0rd!')).rejects.toMatchObject({
        kind: 'password_recently_used',
      });
      const checks: number[] = [];
      await passwordStep.submitNewPassword('Alice-N3w-Passw0rd!', (check) => checks.push(check));

      expect(checks).toEqual([1, 2]);
      expect(sleeps).toEqual([2000]);
      expect(formOf(test, 'resetpassword/v1.0/submit', 1)).toEqual({
        client_id: EXTERNAL_ID_CLIENT_ID,
        continuation_token: 'rp-3',
        new_password: 'Alice-N3w-Passw0rd!',
      });
      expect(formOf(test, 'resetpassword/v1.0/poll_completion', 1)['continuation_token']).toBe(
        'rp-4',
      );
      expect(formOf(test, 'oauth2/v2.0/token')['continuation_token']).toBe('rp-5');
      expect(test.store.status()).toBe('signed-in');
    });

    it('fails plainly when the reset fails on the server', async () => {
      test.fetch
        .when(
          nativeUrl('resetpassword/v1.0/submit'),
          jsonResponse(200, { continuation_token: 'rp-4', poll_interval: 2 }),
        )
        .when(
          nativeUrl('resetpassword/v1.0/poll_completion'),
          jsonResponse(200, { status: 'failed' }),
        );
      const passwordStep = await (
        await native.startPasswordReset('alice@contoso.com')
      ).submitCode('11223344');
      await expect(passwordStep.submitNewPassword('Alice-N3w-Passw0rd!')).rejects.toMatchObject({
        kind: 'server_error',
      });
    });

    it('maps a call that got no answer to a network error', async () => {
      const codeStep = await native.startPasswordReset('alice@contoso.com');
      test.fetch.when(nativeUrl('resetpassword/v1.0/challenge'), new TypeError('Failed to fetch'));
      await expect(codeStep.resend()).rejects.toMatchObject({ kind: 'network' });
    });
  });
});

describe('NativeAuthService with B2C', () => {
  it('refuses to start, since ROPC has no such flows', async () => {
    await setUpAuth({ config: PROXY_CONFIG });
    expect(() =>
      TestBed.inject(NativeAuthService).startSignUp({
        email: 'a@contoso.com',
        password: 'x',
        displayName: 'A',
      }),
    ).toThrow(TypeError);
  });
});
