import type { Attributes } from '@opentelemetry/api';
import { normaliseUsername } from '@ropc/identity-protection';
import { createHmac } from 'node:crypto';
import { TELEMETRY_ATTRIBUTES } from './telemetry-attributes';

/**
 * Names an account in telemetry without naming the person: HMAC-SHA-256 of the normalised
 * username under `TELEMETRY_HASH_KEY`, in hex. Keyed, because an unkeyed hash of an e-mail
 * address is reversed by hashing a list of addresses; without a key there is no account
 * attribute at all.
 */
export class AccountPseudonyms {
  constructor(private readonly key: Uint8Array | undefined) {}

  /** Whether spans can name accounts (a key is configured). */
  get enabled(): boolean {
    return this.key !== undefined;
  }

  /** The pseudonym of `username`, or undefined without a key. */
  of(username: string): string | undefined {
    if (this.key === undefined) return undefined;
    return createHmac('sha256', this.key).update(normaliseUsername(username), 'utf8').digest('hex');
  }

  /** `{ 'enduser.pseudo.id': hmac }`, or no attribute at all without a key. */
  attributesOf(username: string | undefined): Attributes {
    const pseudonym = username === undefined ? undefined : this.of(username);
    return pseudonym === undefined ? {} : { [TELEMETRY_ATTRIBUTES.account]: pseudonym };
  }
}
