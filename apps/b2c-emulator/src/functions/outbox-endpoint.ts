import { registerHttpFunction } from '@ropc/functions-edge';
import { adminError } from '../admin/admin-error';
import { adminJson, adminRoute } from '../admin/admin-route';
import { adminStorageFailure } from '../admin/admin-storage-failure';
import { isOutboxAddress } from '../outbox/outbox-address';
import { MAX_OUTBOX_ADDRESS_LENGTH } from '../outbox/outbox-store';

/**
 * GET /.emulator/outbox?to={address}: the one-time codes sent to an address instead of e-mail,
 * newest first, at most 20, each `{ to, code, purpose, sentAt }` with `sentAt` in ISO 8601. `to`
 * compares case-insensitively; it is required, once, and at most 320 characters. One mailbox per
 * address whichever tenant sent, as with e-mail. Admin key required: the codes let anyone in.
 */
export const outbox = adminRoute(async (emulator, request) => {
  // From the URL itself: the Functions host hands a repeated key over comma-joined.
  const addresses = new URL(request.url).searchParams.getAll('to');
  const to = addresses[0];
  if (addresses.length !== 1 || to === undefined || !isOutboxAddress(to)) {
    return adminError(
      400,
      'BadRequest',
      `"to" must be given once: an address of 1 to ${MAX_OUTBOX_ADDRESS_LENGTH} characters.`,
    );
  }
  const messages = await emulator.stores.outbox.list(to);
  return adminJson(200, {
    messages: messages.map(({ to: address, code, purpose, sentAt }) => ({
      to: address,
      code,
      purpose,
      sentAt: new Date(sentAt).toISOString(),
    })),
  });
});

registerHttpFunction('emulator-outbox', {
  route: '.emulator/outbox',
  methods: ['GET'],
  handler: outbox,
  storageFailure: adminStorageFailure,
});
