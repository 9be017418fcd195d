import { pickSetting } from './resolve-settings';

describe('pickSetting: flag > environment > profile', () => {
  const profile = { authority: 'https://profile.example/t/p' };

  it('takes the first level that has a non-empty value', () => {
    const env = { ROPC_AUTHORITY: 'https://env.example/t/p' };
    expect(
      pickSetting('authority', { authority: 'https://flag.example/t/p' }, env, profile),
    ).toEqual({
      value: 'https://flag.example/t/p',
      source: 'flag',
    });
    expect(pickSetting('authority', {}, env, profile)).toEqual({
      value: env.ROPC_AUTHORITY,
      source: 'environment',
    });
    expect(pickSetting('authority', { authority: '' }, { ROPC_AUTHORITY: '' }, profile)).toEqual({
      value: profile.authority,
      source: 'profile',
    });
    expect(pickSetting('clientId', {}, {}, profile)).toBeUndefined();
  });
});
