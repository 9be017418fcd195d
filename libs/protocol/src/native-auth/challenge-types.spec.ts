import { formatChallengeTypes, parseChallengeTypes, type ChallengeType } from './challenge-types';
import { CHALLENGE_TYPE_LISTS } from '../../test/fixtures/native-auth/reference-urls';

describe('formatChallengeTypes', () => {
  it.each(CHALLENGE_TYPE_LISTS)('sends $configured as "$sent"', ({ configured, sent }) => {
    expect(formatChallengeTypes(configured)).toBe(sent);
  });

  it('keeps redirect where the app put it', () => {
    expect(formatChallengeTypes(['redirect', 'oob'])).toBe('redirect oob');
  });

  it('refuses a value that is not a challenge type', () => {
    expect(() => formatChallengeTypes(['sms' as ChallengeType])).toThrow(TypeError);
    expect(() => formatChallengeTypes(['Password' as ChallengeType])).toThrow(TypeError);
  });
});

describe('parseChallengeTypes', () => {
  it('reads a space-separated list, ignoring case, repeats and extra spaces', () => {
    expect(parseChallengeTypes('oob  Password redirect oob')).toEqual({
      ok: true,
      types: ['oob', 'password', 'redirect'],
    });
    expect(parseChallengeTypes('')).toEqual({ ok: true, types: [] });
  });

  it('returns the first unknown value for the server to refuse', () => {
    expect(parseChallengeTypes('password otp redirect')).toEqual({ ok: false, unknown: 'otp' });
  });

  it('reads back what it formats', () => {
    for (const { configured } of CHALLENGE_TYPE_LISTS) {
      const parsed = parseChallengeTypes(formatChallengeTypes(configured));
      expect(parsed).toEqual({ ok: true, types: [...new Set([...configured, 'redirect'])] });
    }
  });
});
