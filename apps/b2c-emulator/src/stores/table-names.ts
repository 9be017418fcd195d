/**
 * The emulator's tables in the storage account named by STORAGE_CONNECTION_STRING, created on
 * first use. The `b2c` prefix keeps them apart from other apps' tables in a shared account.
 */
export const TABLE_NAMES = {
  users: 'b2cusers',
  refreshGrants: 'b2crefreshgrants',
  lockouts: 'b2clockouts',
  rateCounters: 'b2cratecounters',
  /** Native-authentication flows, sealed under their continuation tokens. */
  flows: 'b2cflows',
  /**
   * One-time codes sent instead of e-mail, under an HMAC of the address and sealed with a key
   * derived from the secrets table's `outbox-key`: a reader of this table alone learns no address
   * and no code.
   */
  outbox: 'b2coutbox',
  /**
   * Signing keys, the lockout fingerprint key, the one-time-code key and the outbox key: in Azure,
   * guard it as a secret store.
   */
  secrets: 'b2csecrets',
} as const;
