import { decodeProfileInfo } from './profile-info';
import seedRefreshResponse from '../../test/fixtures/seed-refresh-response.json';
import { TENANT_ID } from '../../test/fixtures/reference-examples';

describe('decodeProfileInfo', () => {
  it('decodes the profile_info of the seed refresh response', () => {
    expect(decodeProfileInfo(seedRefreshResponse.profile_info)).toEqual({
      ver: '1.0',
      tid: TENANT_ID,
      sub: null,
      name: 'Alice Contoso',
      preferred_username: null,
      idp: 'LocalAccount',
    });
  });

  it('returns undefined for garbage', () => {
    expect(decodeProfileInfo('!!!')).toBeUndefined();
    expect(decodeProfileInfo('e30')).toBeUndefined();
  });
});
