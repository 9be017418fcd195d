// One fake authority, one signing key, an injected clock and a validator factory per test file.
import type { JWTHeaderParameters } from 'jose';
import {
  createTokenValidator,
  type AuthorityTokenValidatorOptions,
  type TokenValidationError,
  type TokenValidator,
} from '../src';
import {
  API_APP_ID,
  FakeB2CAuthority,
  accessTokenClaims,
  createSigningKey,
  signToken,
  type SigningKey,
} from './fake-b2c-authority';

/** A clock the tests move by hand (fake timers would stall real sockets). */
export class TestClock {
  /** Whole seconds, so `exp` arithmetic is exact. */
  ms = Math.floor(Date.now() / 1000) * 1000;

  readonly now = (): number => this.ms;

  get seconds(): number {
    return Math.floor(this.ms / 1000);
  }

  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface Harness {
  readonly authority: FakeB2CAuthority;
  readonly key: SigningKey;
  readonly clock: TestClock;
  /** A validator trusting the authority's default policy, on the harness clock. */
  validator(options?: Partial<AuthorityTokenValidatorOptions>): TokenValidator;
  /** Alice's access token at the harness clock, signed by `key` unless another is given. */
  mint(
    overrides?: Record<string, unknown>,
    header?: Partial<JWTHeaderParameters>,
    key?: Pick<SigningKey, 'kid' | 'privateKey'>,
  ): Promise<string>;
  stop(): Promise<void>;
}

export async function startHarness(policies?: string[]): Promise<Harness> {
  const key = await createSigningKey();
  const authority = await FakeB2CAuthority.start([key], policies);
  const clock = new TestClock();
  return {
    authority,
    key,
    clock,
    validator: (options = {}) =>
      createTokenValidator({
        authorities: [authority.authority()],
        audience: API_APP_ID,
        now: clock.now,
        ...options,
      }),
    mint: (overrides = {}, header = {}, signingKey = key) =>
      signToken(signingKey, accessTokenClaims(authority.issuer, clock.seconds, overrides), header),
    stop: () => authority.stop(),
  };
}

/** The error a promise rejects with, so tests can assert its code and fields. */
export async function rejectionOf(promise: Promise<unknown>): Promise<TokenValidationError> {
  try {
    await promise;
  } catch (error) {
    return error as TokenValidationError;
  }
  throw new Error('expected a rejection');
}
