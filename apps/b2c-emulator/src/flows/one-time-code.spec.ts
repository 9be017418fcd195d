import { randomBytes } from 'node:crypto';
import {
  MAX_CODE_SENDS,
  MAX_WRONG_CODE_TRIES,
  ONE_TIME_CODE_LIFETIME_MS,
  checkOneTimeCode,
  issueOneTimeCode,
  type IssuedCode,
  type OneTimeCodeState,
} from './one-time-code';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);
const KEY = randomBytes(32);

function issued(result: IssuedCode): { code: string; state: OneTimeCodeState } {
  if (result.outcome !== 'issued') throw new Error(`not issued: ${result.outcome}`);
  return result;
}

/** A code of the right shape that is not `code`. */
function otherCode(code: string): string {
  return String((Number(code) + 1) % 1e8).padStart(8, '0');
}

describe('one-time codes', () => {
  it('issues 8 CSPRNG digits valid for 10 minutes, kept only as a keyed hash', () => {
    const { code, state } = issued(issueOneTimeCode(undefined, T0, KEY));
    expect(code).toMatch(/^\d{8}$/);
    expect(state).toEqual({
      hash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown,
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) as unknown,
      expiresAt: T0 + 600_000,
      wrongTries: 0,
      sends: 1,
    });
    expect(JSON.stringify(state)).not.toContain(code);
    expect(ONE_TIME_CODE_LIFETIME_MS).toBe(600_000);
  });

  it('draws codes across the whole range, leading zeros included', () => {
    const codes = Array.from(
      { length: 2000 },
      () => issued(issueOneTimeCode(undefined, T0, KEY)).code,
    );
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((code) => code.startsWith('0'))).toBe(true);
    expect(codes.some((code) => code.startsWith('9'))).toBe(true);
  });

  it('hashes equal codes of two flows differently, and under the key only', () => {
    const first = issued(issueOneTimeCode(undefined, T0, KEY));
    const second = issued(issueOneTimeCode(undefined, T0, KEY));
    expect(second.state.hash).not.toBe(first.state.hash);
    const otherKey = randomBytes(32);
    expect(checkOneTimeCode(first.state, first.code, T0, otherKey).outcome).toBe('wrong');
  });

  it('verifies the right code once, within its ten minutes', () => {
    const { code, state } = issued(issueOneTimeCode(undefined, T0, KEY));
    const verified = checkOneTimeCode(state, code, T0 + 599_999, KEY);
    expect(verified).toEqual({
      outcome: 'verified',
      state: { expiresAt: T0 + 600_000, wrongTries: 0, sends: 1 },
    });
    if (verified.outcome !== 'verified') throw new Error('not verified');
    expect(checkOneTimeCode(verified.state, code, T0 + 1000, KEY)).toEqual({ outcome: 'none' });
  });

  it('answers expired from the tenth minute on, counting nothing', () => {
    const { code, state } = issued(issueOneTimeCode(undefined, T0, KEY));
    expect(checkOneTimeCode(state, code, T0 + 600_000, KEY)).toEqual({ outcome: 'expired' });
    expect(checkOneTimeCode(state, otherCode(code), T0 + 600_000, KEY)).toEqual({
      outcome: 'expired',
    });
  });

  it('spends the code on the third wrong try, after which even the right one fails', () => {
    const { code, state } = issued(issueOneTimeCode(undefined, T0, KEY));
    const first = checkOneTimeCode(state, otherCode(code), T0, KEY);
    expect(first).toEqual({ outcome: 'wrong', triesLeft: 2, state: { ...state, wrongTries: 1 } });
    if (first.outcome !== 'wrong') throw new Error('not wrong');
    // Anything but the code is a wrong try: another length, letters, nothing.
    const second = checkOneTimeCode(first.state, `${code}0`, T0, KEY);
    if (second.outcome !== 'wrong') throw new Error('not wrong');
    expect(second.triesLeft).toBe(1);
    const third = checkOneTimeCode(second.state, '', T0, KEY);
    expect(third).toEqual({
      outcome: 'wrong',
      triesLeft: 0,
      state: { expiresAt: T0 + 600_000, wrongTries: MAX_WRONG_CODE_TRIES, sends: 1 },
    });
    if (third.outcome !== 'wrong') throw new Error('not wrong');
    expect(checkOneTimeCode(third.state, code, T0, KEY)).toEqual({ outcome: 'none' });
  });

  it('replaces the code on a resend: the old one stops working, its wrong tries are forgotten', () => {
    const first = issued(issueOneTimeCode(undefined, T0, KEY));
    const wrong = checkOneTimeCode(first.state, otherCode(first.code), T0, KEY);
    if (wrong.outcome !== 'wrong') throw new Error('not wrong');
    const second = issued(issueOneTimeCode(wrong.state, T0 + 60_000, KEY));
    expect(second.state).toMatchObject({ expiresAt: T0 + 660_000, wrongTries: 0, sends: 2 });
    if (second.code !== first.code) {
      expect(checkOneTimeCode(second.state, first.code, T0 + 60_000, KEY).outcome).toBe('wrong');
    }
    expect(checkOneTimeCode(second.state, second.code, T0 + 60_000, KEY).outcome).toBe('verified');
  });

  it('sends at most 5 codes per flow, even after the last one was spent', () => {
    let state: OneTimeCodeState | undefined;
    for (let send = 1; send <= MAX_CODE_SENDS; send++) {
      state = issued(issueOneTimeCode(state, T0, KEY)).state;
      expect(state.sends).toBe(send);
    }
    expect(issueOneTimeCode(state, T0, KEY)).toEqual({ outcome: 'send_limit' });
    const spent = checkOneTimeCode(state, 'wrong', T0, KEY);
    if (spent.outcome !== 'wrong') throw new Error('not wrong');
    expect(issueOneTimeCode(spent.state, T0, KEY)).toEqual({ outcome: 'send_limit' });
  });

  it('answers none when no code was sent', () => {
    expect(checkOneTimeCode(undefined, '12345678', T0, KEY)).toEqual({ outcome: 'none' });
  });

  it('keeps a state that survives JSON, so that it can travel in flow data', () => {
    const { code, state } = issued(issueOneTimeCode(undefined, T0, KEY));
    const travelled = JSON.parse(JSON.stringify(state)) as OneTimeCodeState;
    expect(checkOneTimeCode(travelled, code, T0, KEY).outcome).toBe('verified');
  });
});
