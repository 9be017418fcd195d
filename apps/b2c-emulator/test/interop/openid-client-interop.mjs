// A standard OpenID Connect client (openid-client 6, on oauth4webapi) against the emulator, with
// its default validation on: discovery from the full URL over HTTPS, the password grant through
// genericGrantRequest, then the refresh grant. Run in its own process so that NODE_EXTRA_CA_CERTS
// makes Node trust the emulator's generated certificate. Prints one JSON line of results.
import * as client from 'openid-client';

const [discoveryUrl, clientId, username, password, scope] = process.argv.slice(2);

const config = await client.discovery(new URL(discoveryUrl), clientId, undefined, client.None());
const signIn = await client.genericGrantRequest(config, 'password', {
  username,
  password,
  scope,
  response_type: 'token id_token',
});
// B2C sends an id token only when response_type asks for one (docs/b2c-ropc-protocol.md §8.1), on
// refresh too.
const refreshed = await client.refreshTokenGrant(config, signIn.refresh_token, {
  scope,
  response_type: 'token id_token',
});
console.log(
  JSON.stringify({
    issuer: config.serverMetadata().issuer,
    tokenEndpoint: config.serverMetadata().token_endpoint,
    signIn: {
      tokenType: signIn.token_type,
      expiresIn: signIn.expiresIn(),
      claims: signIn.claims(),
    },
    refreshed: {
      rotated: refreshed.refresh_token !== signIn.refresh_token,
      claims: refreshed.claims(),
    },
  }),
);
