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
   * One-time codes sent instead of e-mail, in clear as in a mailbox: in Azure, guard it as the
   * secrets table (a reader of it can finish a code sign-in for an address it knows).
   */
  outbox: 'b2coutbox',
  /**
   * Signing keys, the lockout fingerprint key and the one-time-code key: in Azure, guard it as a
   * secret store.
   */
  secrets: 'b2csecrets',
} as const;
