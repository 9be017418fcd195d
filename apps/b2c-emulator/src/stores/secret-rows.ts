/** The secrets table holds one partition with a row per secret. */
export const SECRETS_PARTITION = 'secrets';

/**
 * The signing keys: current and previous private JWKs as JSON, one row per tenant
 * (`signing-keys-{tenant id}`); the bare name is the row written before tenants had their own.
 */
export const SIGNING_KEYS_ROW_KEY = 'signing-keys';

/** The key of smart-lockout password fingerprints, base64url. */
export const FINGERPRINT_KEY_ROW_KEY = 'lockout-fingerprint-key';
