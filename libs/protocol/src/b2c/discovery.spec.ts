import { isOpenIdConfiguration, type B2CJsonWebKeySet } from './discovery';
import jwks from '../../test/fixtures/signing-key.jwks.json';
import { DISCOVERY_DOCUMENT } from '../../test/fixtures/reference-examples';

describe('isOpenIdConfiguration', () => {
  it('accepts the reference discovery example', () => {
    expect(isOpenIdConfiguration(DISCOVERY_DOCUMENT)).toBe(true);
  });

  it('accepts a ROPC policy document without end_session_endpoint', () => {
    const { end_session_endpoint: _omitted, ...ropc } = DISCOVERY_DOCUMENT;
    expect(isOpenIdConfiguration(ropc)).toBe(true);
  });

  it('refuses a document without jwks_uri', () => {
    const { jwks_uri: _omitted, ...broken } = DISCOVERY_DOCUMENT;
    expect(isOpenIdConfiguration(broken)).toBe(false);
  });
});

describe('B2CJsonWebKeySet', () => {
  it('describes a B2C key with exactly kid, nbf, use, kty, e, n', () => {
    const set: B2CJsonWebKeySet = jwks as B2CJsonWebKeySet;
    expect(Object.keys(set.keys[0]!).sort()).toEqual(['e', 'kid', 'kty', 'n', 'nbf', 'use']);
  });
});
