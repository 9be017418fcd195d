import type { JWTPayload } from 'jose';
import { describeExpiry, describeMoment, isoSeconds } from './relative-time';

/** The claims that hold NumericDate values (RFC 7519 §2), shown as dates. */
export const TIME_CLAIMS = ['exp', 'nbf', 'iat', 'auth_time'] as const;

/** A time claim as a date and in words. */
export interface TokenTime {
  /** ISO 8601. */
  readonly at: string;
  /** "expires in 59 minutes", "3 hours ago". */
  readonly words: string;
}

/** Allowed difference between the issuer's clock and this one for `nbf`, as validators allow. */
export const NOT_BEFORE_SKEW_SECONDS = 300;

const isNumericDate = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Each time claim the token has, as a date and in words. */
export function tokenTimes(
  claims: JWTPayload,
  nowMs: number,
): Readonly<Partial<Record<(typeof TIME_CLAIMS)[number], TokenTime>>> {
  const times: Partial<Record<(typeof TIME_CLAIMS)[number], TokenTime>> = {};
  for (const name of TIME_CLAIMS) {
    const value: unknown = claims[name];
    if (!isNumericDate(value)) continue;
    times[name] = {
      at: isoSeconds(value),
      words: name === 'exp' ? describeExpiry(value, nowMs) : describeMoment(value, nowMs),
    };
  }
  return times;
}

/** What the clock says of a token: usable now, expired, or not yet valid. */
export type TokenTimeStatus = 'current' | 'expired' | 'not_yet_valid';

export function tokenTimeStatus(claims: JWTPayload, nowMs: number): TokenTimeStatus {
  const now = nowMs / 1000;
  if (isNumericDate(claims.exp) && claims.exp <= now) return 'expired';
  if (isNumericDate(claims.nbf) && claims.nbf > now + NOT_BEFORE_SKEW_SECONDS)
    return 'not_yet_valid';
  return 'current';
}
