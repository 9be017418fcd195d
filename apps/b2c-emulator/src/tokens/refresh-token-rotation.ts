import type { RefreshTokenSettings } from '../tenant/tenant-model';
import type { FoundRefreshGrant, RefreshGrantStore } from '../stores/refresh-grant-store';
import { refreshTokenKey, successorRefreshToken } from './refresh-token-codec';

/** What redeeming a refresh token gives: its successor, or a reuse that revoked the family. */
export type Redemption =
  | { readonly outcome: 'redeemed'; readonly token: string; readonly expiresAt: number }
  | { readonly outcome: 'reuse_detected' };

/**
 * Redeems `token`, whatever the authority kind: the first redemption stores its successor (derived
 * from the family's key, so a retry gets the same one); a later one within the grace period, or
 * any later one with reuse detection off, gets that successor again; otherwise the family is
 * revoked. `expiresAt` is the successor's end of life (epoch ms), as the kind's lifetimes decide.
 */
export async function redeemRefreshToken(
  grants: RefreshGrantStore,
  grant: FoundRefreshGrant,
  token: string,
  settings: RefreshTokenSettings,
  now: number,
  expiresAt: number,
): Promise<Redemption> {
  const successor = successorRefreshToken(grant.family.successorKey, token);
  const key = refreshTokenKey(successor);
  if (key?.familyId !== grant.family.id) throw new TypeError('a successor of another family');
  const record = { ...key, issuedAt: now, expiresAt };
  const rotatedAt =
    grant.token.rotatedAt ??
    (await grants
      .rotate(grant.token, record, now, grant)
      .then((outcome) => (outcome.outcome === 'already_rotated' ? outcome.rotatedAt : undefined)));
  if (rotatedAt === undefined) return { outcome: 'redeemed', token: successor, expiresAt };
  const withinGrace = now - rotatedAt <= settings.reuseGraceSeconds * 1000;
  if (withinGrace || !settings.reuseDetection) {
    const existing = await grants.find(key);
    return {
      outcome: 'redeemed',
      token: successor,
      expiresAt: existing?.token.expiresAt ?? expiresAt,
    };
  }
  await grants.revokeFamily(grant.family.id);
  return { outcome: 'reuse_detected' };
}
