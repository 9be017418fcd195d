import { normaliseUsername } from '@ropc/identity-protection';
import { hashedKey, type RowToWrite } from '@ropc/table-storage';
import type { StoredUser } from '../../src/stores/user-store';

/**
 * The users table as an emulator before tenant file version 2 wrote it: every row in the one
 * partition `users`, with the row layout of that version's `table-user-rows.ts` copied here (not
 * imported), so that a change of today's layout cannot hide a broken adoption.
 */
export const LEGACY_PARTITION = 'users';

/** The rows of one user: the user row (JSON in one chunk) and a row per sign-in name. */
export function legacyUserRows(user: StoredUser): RowToWrite[] {
  const id = user.id.toLowerCase();
  return [
    {
      partitionKey: LEGACY_PARTITION,
      rowKey: `user:${id}`,
      format: 1,
      jsonChunks: 1,
      json0: JSON.stringify(user),
    },
    ...user.identities.map((identity) => ({
      partitionKey: LEGACY_PARTITION,
      rowKey: `name:${hashedKey(normaliseUsername(identity.issuerAssignedId))}`,
      userId: id,
    })),
  ];
}

/** The marker row of a seeded store. */
export const LEGACY_SEEDED_ROW: RowToWrite = {
  partitionKey: LEGACY_PARTITION,
  rowKey: 'seeded',
  seeded: true,
};
