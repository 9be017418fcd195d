/**
 * The api Functions app: protected resources (`/api/me`, `/api/notes`) validating B2C tokens via
 * JWKS, and the browser sign-in proxy (`/api/auth/*`). Each module registers its functions with
 * `app.http(...)` when imported.
 */
import { app } from '@azure/functions';
import { getApi } from './api-instance';
import './functions/health';
import './functions/me';
import './functions/notes-collection';
import './functions/note-item';
import './functions/auth-token';
import './functions/auth-refresh';
import './functions/auth-sign-out';

app.setup({ enableHttpStream: false });

// Fail at start, with every bad setting listed, rather than on the first request.
app.hook.appStart(() => {
  getApi();
});
