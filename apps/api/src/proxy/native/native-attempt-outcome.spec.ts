import { nativeAttemptOutcome } from './native-attempt-outcome';
import type { NativeUpstreamAnswer } from './native-upstream';

const answered = (
  status: number,
  body: Record<string, unknown>,
  retryAfter?: string,
): NativeUpstreamAnswer => {
  const headers: Record<string, string> = {};
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  return { kind: 'answered', status, body, headers };
};

describe('what a forwarded credential attempt means for the budget', () => {
  it('frees the slot on tokens and on a flow going on after the code', () => {
    expect(nativeAttemptOutcome(answered(200, { access_token: 'x' }))).toEqual({
      kind: 'success',
    });
    expect(
      nativeAttemptOutcome(answered(400, { error: 'credential_required', error_codes: [55103] })),
    ).toEqual({ kind: 'success' });
  });

  it('counts a wrong password or code as a failure, a lockout as locked', () => {
    expect(
      nativeAttemptOutcome(answered(400, { error: 'invalid_grant', error_codes: [50126] })),
    ).toEqual({ kind: 'failure' });
    expect(
      nativeAttemptOutcome(answered(400, { error: 'invalid_grant', error_codes: [50053] }, '120')),
    ).toEqual({ kind: 'locked', retryAfterSeconds: 120 });
  });

  it('counts a 429, a failing or an unreachable authority as uncertain', () => {
    expect(nativeAttemptOutcome(answered(429, { error: 'temporarily_unavailable' }))).toEqual({
      kind: 'uncertain',
    });
    expect(nativeAttemptOutcome({ kind: 'failed' })).toEqual({ kind: 'uncertain' });
    expect(nativeAttemptOutcome({ kind: 'unreachable', retryAfter: null })).toEqual({
      kind: 'uncertain',
    });
  });
});
