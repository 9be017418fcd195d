import { parseIntrospectResponse } from './introspect-response';

describe('parseIntrospectResponse', () => {
  it('reads the methods, login_hint optional', () => {
    expect(
      parseIntrospectResponse({
        continuation_token: 't',
        methods: [{ id: 'm1', challenge_type: 'oob', challenge_channel: 'email', extra: 1 }],
      }),
    ).toEqual({
      ok: true,
      body: {
        continuation_token: 't',
        methods: [{ id: 'm1', challenge_type: 'oob', challenge_channel: 'email' }],
      },
    });
  });

  it('refuses a missing list or a malformed method', () => {
    expect(parseIntrospectResponse({ continuation_token: 't' })).toEqual({
      ok: false,
      problem: 'invalid_methods',
    });
    expect(
      parseIntrospectResponse({
        continuation_token: 't',
        methods: [{ id: 'm1', challenge_type: 'oob' }],
      }),
    ).toEqual({
      ok: false,
      problem: 'invalid_methods',
    });
    expect(parseIntrospectResponse({ continuation_token: 't', methods: [null] })).toEqual({
      ok: false,
      problem: 'invalid_methods',
    });
    expect(parseIntrospectResponse({ methods: [] })).toEqual({
      ok: false,
      problem: 'continuation_token_missing',
    });
  });
});
