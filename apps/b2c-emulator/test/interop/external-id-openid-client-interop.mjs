// A standard OpenID Connect client (openid-client 6, on oauth4webapi) against the emulator's
// Microsoft Entra External ID tenant, with its default validation on and non-repudiation checks
// added, so that every id token's signature is verified against the JWKS the discovery document
// names: discovery from the full URL over HTTPS, native authentication's password grant (the
// continuation token of a password challenge, through genericGrantRequest), then the refresh
// grant. Run in its own process so that NODE_EXTRA_CA_CERTS makes Node trust the emulator's
// generated certificate. Prints one JSON line of results.
import * as client from 'openid-client';

const [discoveryUrl, clientId, continuationToken, password, scope] = process.argv.slice(2);

const config = await client.discovery(new URL(discoveryUrl), clientId, undefined, client.None(), {
  execute: [client.enableNonRepudiationChecks],
});
const signIn = await client.genericGrantRequest(config, 'password', {
  continuation_token: continuationToken,
  password,
  scope,
  client_info: '1',
});
const refreshed = await client.refreshTokenGrant(config, signIn.refresh_token, {
  scope,
  client_info: '1',
});
const kidOf = (jwt) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8')).kid;
console.log(
  JSON.stringify({
    issuer: config.serverMetadata().issuer,
    tokenEndpoint: config.serverMetadata().token_endpoint,
    jwksUri: config.serverMetadata().jwks_uri,
    signIn: {
      tokenType: signIn.token_type,
      expiresIn: signIn.expiresIn(),
      claims: signIn.claims(),
      kid: kidOf(signIn.id_token),
    },
    refreshed: {
      rotated: refreshed.refresh_token !== signIn.refresh_token,
      claims: refreshed.claims(),
    },
  }),
);
