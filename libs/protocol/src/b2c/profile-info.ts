import { decodeBase64UrlText, encodeBase64UrlText } from '../oauth/base64url';

/** The decoded `profile_info` of a user-flow token response (docs/b2c-ropc-protocol.md §3). */
export interface ProfileInfo {
  readonly ver: '1.0';
  /** The tenant id. */
  readonly tid: string;
  readonly sub: string | null;
  readonly name: string | null;
  readonly preferred_username: string | null;
  /** `LocalAccount` for ROPC. */
  readonly idp: string | null;
}

/** Encodes `profile_info` as B2C does: base64url of the JSON, without padding. */
export function encodeProfileInfo(info: ProfileInfo): string {
  return encodeBase64UrlText(JSON.stringify(info));
}

/** Decodes `profile_info`; returns undefined when it is not base64url JSON with a `tid`. */
export function decodeProfileInfo(encoded: string): ProfileInfo | undefined {
  try {
    const value: unknown = JSON.parse(decodeBase64UrlText(encoded));
    if (typeof value !== 'object' || value === null) return undefined;
    return typeof (value as Record<string, unknown>)['tid'] === 'string'
      ? (value as ProfileInfo)
      : undefined;
  } catch {
    return undefined;
  }
}
