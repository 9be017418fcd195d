import { policyOfClaims } from './claims';

describe('policyOfClaims', () => {
  it('reads tfp, else acr', () => {
    expect(policyOfClaims({ tfp: 'B2C_1_ROPC_Auth' })).toBe('B2C_1_ROPC_Auth');
    expect(policyOfClaims({ acr: 'b2c_1a_resourceownerv2' })).toBe('b2c_1a_resourceownerv2');
    expect(policyOfClaims({})).toBeUndefined();
  });
});
