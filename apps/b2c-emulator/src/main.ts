/**
 * The b2c-emulator Functions app: a local Azure AD B2C tenant for the ROPC flow. Each module
 * registers its functions with `app.http(...)` when imported.
 */
import { app } from '@azure/functions';
import { getEmulator } from './emulator-instance';
import './functions/token-endpoint';
import './functions/discovery-endpoint';
import './functions/jwks-endpoint';
import './functions/admin-endpoints';
import './functions/graph-users-endpoints';
import './functions/tenant-transfer-endpoints';

app.setup({ enableHttpStream: false });

// Load the tenant, hash its passwords and read the signing keys before the first request.
app.hook.appStart(async () => {
  await getEmulator();
});
