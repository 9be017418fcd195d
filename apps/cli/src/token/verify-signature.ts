import {
  compactVerify,
  createLocalJWKSet,
  errors,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';
import { CliError } from '../cli/cli-error';
import { getJsonObject } from '../http/json-request';

/** Asymmetric algorithms only: a key set of public keys can verify nothing else. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
];

type KeyLookup = ReturnType<typeof createLocalJWKSet>;

async function verifyWithEach(token: string, keys: AsyncIterable<CryptoKey>): Promise<void> {
  for await (const key of keys) {
    try {
      await compactVerify(token, key, { algorithms: ALGORITHMS });
      return;
    } catch {
      // Try the next key that fits the header.
    }
  }
  throw new errors.JWSSignatureVerificationFailed();
}

async function verifyWithSet(token: string, keySet: KeyLookup): Promise<void> {
  try {
    await compactVerify(token, keySet, { algorithms: ALGORITHMS });
  } catch (error) {
    // Several keys fit a header without `kid`: the error iterates them.
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      await verifyWithEach(token, error);
      return;
    }
    throw error;
  }
}

function verificationFailure(
  error: unknown,
  header: JWSHeaderParameters,
  jwksUri: string,
): unknown {
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new CliError(
      'invalid_signature',
      `no key of ${jwksUri} matches the token (kid ${header.kid ?? 'none'}, alg ${header.alg ?? 'none'})`,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new CliError(
      'invalid_signature',
      `the token's algorithm ${header.alg ?? 'none'} is not an asymmetric signature algorithm`,
    );
  }
  if (error instanceof errors.JWKSInvalid) {
    return new CliError('unexpected_answer', `${jwksUri} holds a key that cannot be used`);
  }
  if (error instanceof errors.JOSEError) {
    return new CliError('invalid_signature', 'the signature does not match the token');
  }
  return error;
}

/**
 * Checks a token's signature against the key set at `jwksUri`. Only the signature: expiry is
 * the caller's, so that an expired but genuine token is told apart from a forged one.
 *
 * @throws CliError `invalid_signature` (exit 5), or `unreachable`/`unexpected_answer` when the
 *   key set cannot be read.
 */
export async function verifySignature(
  token: string,
  header: JWSHeaderParameters,
  jwksUri: string,
): Promise<void> {
  const document = await getJsonObject(jwksUri, 'the JWKS');
  let keySet: KeyLookup;
  try {
    keySet = createLocalJWKSet(document as unknown as JSONWebKeySet);
  } catch {
    throw new CliError('unexpected_answer', `${jwksUri} is not a JSON Web Key Set`);
  }
  try {
    await verifyWithSet(token, keySet);
  } catch (error) {
    throw verificationFailure(error, header, jwksUri);
  }
}
