import { parseScope, formatScope, parseResponseType } from './scope';

describe('scope values', () => {
  it('splits on spaces, dropping empties and duplicates', () => {
    expect(parseScope('openid  offline_access openid x')).toEqual([
      'openid',
      'offline_access',
      'x',
    ]);
    expect(parseScope(undefined)).toEqual([]);
    expect(formatScope(['openid', '', 'openid', 'a'])).toBe('openid a');
    expect(parseResponseType('token id_token')).toEqual(new Set(['token', 'id_token']));
  });
});
