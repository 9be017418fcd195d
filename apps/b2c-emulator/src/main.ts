/**
 * The b2c-emulator Functions app: a local Azure AD B2C tenant for the ROPC flow. Each module
 * registers its functions when imported (`registerHttpFunction` of @ropc/functions-edge, with each
 * function's answer to a storage failure, or `app.timer`). B2C's routes live in `b2c/`, External
 * ID's native authentication in `external-id/`, the paths both kinds share in `functions/`.
 */
import { app } from '@azure/functions';
import { isStorageError } from '@ropc/table-storage';
// First: its appStart hook starts telemetry before the emulator's services load.
import './telemetry/start-emulator-telemetry';
import { getEmulator } from './emulator-instance';
import './b2c/functions/token-endpoint';
import './b2c/functions/discovery-endpoint';
import './b2c/functions/jwks-endpoint';
import './external-id/functions/native-auth-endpoints';
import './functions/shared-tenant-routes';
import './functions/admin-endpoints';
import './functions/graph-users-endpoints';
import './functions/tenant-transfer-endpoints';
import './functions/outbox-endpoint';
import './functions/cleanup-timer';
import './functions/openapi-endpoint';
import './functions/console-routes';

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
