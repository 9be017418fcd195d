// @ts-check
// @ropc/token-validation's validate() against a bare jose jwtVerify and a raw node:crypto verify
// of the same token and key, with the verified-token cache off (the cold path) and warm.
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { loadLibrary } from '../lib/bundle-library.mjs';
import { clocksFor } from '../lib/budget.mjs';
import { rateOf } from '../lib/measure.mjs';

/** @import { AddressInfo } from 'node:net' */
/** @import { BenchOptions } from '../lib/budget.mjs' */
/** @import { Figure } from '../lib/report.mjs' */

const AUDIENCE = '0e842314-a3f9-451e-a34c-f22568d6db61';

/**
 * A loopback authority serving discovery and JWKS for one RS256 key, and a token it signed.
 */
async function authority() {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  const server = createServer((request, response) => {
    const base = `http://127.0.0.1:${port()}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`;
    const body = request.url?.endsWith('openid-configuration')
      ? {
          issuer: `http://127.0.0.1:${port()}/tenant/v2.0/`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        }
      : { keys: [{ kid, nbf: 0, use: 'sig', kty: 'RSA', e: jwk.e, n: jwk.n }] };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  const port = () => /** @type {AddressInfo} */ (server.address()).port;
  await /** @type {Promise<void>} */ (
    new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  );
  const origin = `http://127.0.0.1:${port()}`;
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({
    iss: `${origin}/tenant/v2.0/`,
    aud: AUDIENCE,
    sub: 's',
    oid: 's',
    tfp: 'B2C_1_ROPC_Auth',
    scp: 'notes.read',
    azp: 'c',
    ver: '1.0',
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: 'Alice Contoso',
    emails: ['alice@contoso.com'],
  })
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid })
    .sign(privateKey);
  return { server, origin, token, publicKey };
}

/**
 * Figure id → time budget (seconds) at these options (each contender's own runs and warm-up).
 * @param {BenchOptions} options
 */
export function budgets({ runs, seconds }) {
  const each = 5 + runs * seconds;
  return {
    'jose-verify': each,
    'raw-verify': each,
    'validate-cold': each,
    'validate-warm': each,
  };
}

/**
 * @param {BenchOptions} options
 * @returns {Promise<Figure[]>}
 */
export async function run({ runs, seconds }) {
  const clocks = clocksFor(budgets({ runs, seconds }));
  const library = await loadLibrary('libs/token-validation/src/index.ts', 'token-validation');
  const { createTokenValidator } = /** @type {typeof import('@ropc/token-validation')} */ (library);
  const { server, origin, token, publicKey } = await authority();
  try {
    const authorities = [`${origin}/contoso.onmicrosoft.com/B2C_1_ROPC_Auth`];
    const cold = createTokenValidator({ authorities, audience: AUDIENCE, cache: false });
    const warm = createTokenValidator({ authorities, audience: AUDIENCE });
    await cold.validate(token);
    await warm.validate(token);
    const options = { issuer: `${origin}/tenant/v2.0/`, audience: AUDIENCE, algorithms: ['RS256'] };
    const [signingInput, signature] = [
      token.slice(0, token.lastIndexOf('.')),
      Buffer.from(/** @type {string} */ (token.split('.')[2]), 'base64url'),
    ];
    const keyObject = createPublicKey({ key: await exportJWK(publicKey), format: 'jwk' });
    // Interleaved runs, after a warm-up of each, so that drift (JIT, CPU frequency) hits all alike.
    const contenders = {
      'jose-verify': () => jwtVerify(token, publicKey, options),
      'raw-verify': () => verify('sha256', Buffer.from(signingInput), keyObject, signature),
      'validate-cold': () => cold.validate(token),
      'validate-warm': () => warm.validate(token),
    };
    const ids = /** @type {(keyof typeof contenders)[]} */ (Object.keys(contenders));
    for (const id of ids) await clocks[id].time(() => rateOf(contenders[id], 0.5));
    for (let run = 0; run < runs; run++) {
      for (const id of ids) await clocks[id].sample(() => rateOf(contenders[id], seconds));
    }
    const jose = clocks['jose-verify'].summary();
    const raw = clocks['raw-verify'].summary();
    return [
      {
        ...clocks['jose-verify'].fields(),
        title: 'jose 6 jwtVerify RS256, one at a time',
        unit: 'ops/s',
      },
      {
        ...clocks['raw-verify'].fields(),
        title: 'raw node:crypto RS256 verify of the same token',
        unit: 'ops/s',
      },
      // The goal: validate() costs at most 1.1× a bare jose jwtVerify (the ratio shown is the
      // cost).
      {
        ...clocks['validate-cold'].fields(),
        title: 'validate(), verified-token cache off (cold path)',
        unit: 'ops/s',
        baseline: { title: 'jose jwtVerify ops/s', value: jose?.median },
        goal: { maxCost: 1.1 },
      },
      {
        ...clocks['validate-warm'].fields(),
        title: 'validate(), verified-token cache warm',
        unit: 'ops/s',
        baseline: { title: 'raw node:crypto verify ops/s', value: raw?.median },
      },
    ];
  } finally {
    server.close();
  }
}
