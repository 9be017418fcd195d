// @ts-check
// The peer for the emulator's token figures: oauth2-mock-server 8 (the last major for Node 20)
// issuing tokens from its own process on loopback, with one RS256 key. Run as a script; prints its
// URL. Its POST /token serves password and refresh_token grants (also client_credentials and
// authorization_code): it checks no credentials and looks up no refresh token, and answers an
// access token and an id token (two RS256 signatures) and a random refresh token.
import { OAuth2Server } from 'oauth2-mock-server';

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(0, '127.0.0.1');
console.log(`listening on http://127.0.0.1:${server.address().port}`);
// Keep-alive sockets of the load client would hold a graceful close open; nothing to flush.
process.once('SIGTERM', () => process.exit(0));
