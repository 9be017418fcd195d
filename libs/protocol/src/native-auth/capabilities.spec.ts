import { capabilitiesField, parseCapabilities } from './capabilities';

describe('capabilitiesField', () => {
  it('sends configured capabilities space-separated, and nothing when there are none', () => {
    expect(capabilitiesField(['mfa_required', 'registration_required'])).toEqual({
      capabilities: 'mfa_required registration_required',
    });
    expect(capabilitiesField([])).toEqual({});
    expect(capabilitiesField(undefined)).toEqual({});
  });
});

describe('parseCapabilities', () => {
  it('reads the SDKs’ spaces and the published example’s comma', () => {
    expect(parseCapabilities('mfa_required registration_required')).toEqual([
      'mfa_required',
      'registration_required',
    ]);
    expect(parseCapabilities('mfa_required,registration_required,mfa_required')).toEqual([
      'mfa_required',
      'registration_required',
    ]);
    expect(parseCapabilities(undefined)).toEqual([]);
  });
});
