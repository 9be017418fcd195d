import { TokenValidationError } from '@ropc/token-validation';
import { checkExternalIdClaims } from './external-id-claims';

const TENANT_ID = '7d3f2b9e-61c4-4e8a-b5d0-2c9a8f4e1b37';
const ISSUER = `https://${TENANT_ID}.ciamlogin.com/${TENANT_ID}/v2.0`;

/** The code of the refusal, or `accepted`. */
function verdict(claims: Record<string, unknown>): string {
  try {
    checkExternalIdClaims({ iss: ISSUER, tid: TENANT_ID, ver: '2.0', ...claims });
    return 'accepted';
  } catch (error) {
    if (error instanceof TokenValidationError) return error.code;
    throw error;
  }
}

describe('checkExternalIdClaims', () => {
  it("accepts a v2.0 token whose tid is the issuer's tenant, in either case", () => {
    expect(verdict({})).toBe('accepted');
    expect(verdict({ tid: TENANT_ID.toUpperCase() })).toBe('accepted');
    expect(verdict({ iss: `http://localhost:7072/${TENANT_ID}/v2.0` })).toBe('accepted');
  });

  it("refuses a tid that is missing, not a string or another tenant's, as an untrusted issuer", () => {
    for (const tid of [undefined, 42, '04fbcc13-aa6a-4630-aacc-9c6a9e838418']) {
      expect(verdict({ tid })).toBe('ERR_ISSUER_INVALID');
    }
  });

  it('refuses an issuer that names no tenant id in its path', () => {
    for (const iss of [
      'https://contosoid.ciamlogin.com/contosoid.onmicrosoft.com/v2.0',
      `${ISSUER}/`,
      `https://${TENANT_ID}.ciamlogin.com/v2.0`,
    ]) {
      expect(verdict({ iss })).toBe('ERR_ISSUER_INVALID');
    }
  });

  it('refuses any version but 2.0', () => {
    for (const ver of [undefined, '1.0', 2]) expect(verdict({ ver })).toBe('ERR_TOKEN_MALFORMED');
  });
});
