/**
 * The b2c-emulator Functions app: a local Azure AD B2C tenant for the ROPC flow. Each module
 * registers its functions with `app.http(...)` or `app.timer(...)` when imported.
 */
import { app } from '@azure/functions';
import { isStorageError } from '@ropc/table-storage';
import { getEmulator } from './emulator-instance';
import { answerStorageFailure } from './http/storage-failure-response';
import './functions/token-endpoint';
import './functions/discovery-endpoint';
import './functions/jwks-endpoint';
import './functions/admin-endpoints';
import './functions/graph-users-endpoints';
import './functions/tenant-transfer-endpoints';
import './functions/cleanup-timer';

app.setup({ enableHttpStream: false });

// Load the tenant, hash its passwords and read the signing keys before the first request. With
// the storage service down the app still starts: requests answer 503 until it is back.
app.hook.appStart(async () => {
  try {
    await getEmulator();
  } catch (error) {
    if (!isStorageError(error)) throw error;
    console.warn(`[b2c-emulator] WARNING: ${error.message}; requests will retry`);
  }
});

app.hook.postInvocation(answerStorageFailure);
