/**
 * Told what a validator did that an operator may want to count — verified-token cache lookups
 * and signing-key set fetches — so that an app can feed its metrics without this library
 * knowing any telemetry library. Called synchronously; what a callback throws is ignored.
 */
export interface TokenValidationObserver {
  /** A token was looked up in the verified-token cache: `hit` when its cached verdict served. */
  readonly cacheLookup?: (hit: boolean) => void;
  /** A fetch of an authority's signing-key set (JWKS) ended, with discovery if it was due. */
  readonly keySetFetched?: (succeeded: boolean) => void;
}

/** Calls an observer's callback, never letting it break a validation. */
export function notify<T>(callback: ((value: T) => void) | undefined, value: T): void {
  if (!callback) return;
  try {
    callback(value);
  } catch {
    // An observer counts; it never decides.
  }
}
