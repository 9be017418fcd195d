import type { Counter, Meter } from '@opentelemetry/api';
import { TELEMETRY_ATTRIBUTES as ATTR, type AuthorityKind } from '../telemetry-attributes';

/**
 * The protected API's token validation: `ropc.token_validation.cache_lookups` (verified-token
 * cache hits and misses: a miss costs a signature check) and `ropc.jwks.fetches` (signing-key
 * set fetches, by result: a run of failures means tokens will soon be refused).
 */
export class TokenValidationInstruments {
  static readonly CACHE_LOOKUPS = 'ropc.token_validation.cache_lookups';
  static readonly JWKS_FETCHES = 'ropc.jwks.fetches';
  private readonly cacheLookups: Counter;
  private readonly jwksFetches: Counter;

  constructor(meter: Meter) {
    this.cacheLookups = meter.createCounter(TokenValidationInstruments.CACHE_LOOKUPS, {
      description: 'Verified-token cache lookups, by hit or miss',
      unit: '{lookup}',
    });
    this.jwksFetches = meter.createCounter(TokenValidationInstruments.JWKS_FETCHES, {
      description: 'Signing-key set (JWKS) fetches, by result',
      unit: '{fetch}',
    });
  }

  cacheLookup(kind: AuthorityKind, hit: boolean): void {
    this.cacheLookups.add(1, {
      [ATTR.authorityKind]: kind,
      [ATTR.cacheResult]: hit ? 'hit' : 'miss',
    });
  }

  jwksFetched(kind: AuthorityKind, succeeded: boolean): void {
    this.jwksFetches.add(1, {
      [ATTR.authorityKind]: kind,
      [ATTR.fetchResult]: succeeded ? 'success' : 'failure',
    });
  }
}
