/**
 * The api Functions app: protected resources (`/api/me`, `/api/notes`) validating B2C and Entra
 * External ID tokens via JWKS, the browser sign-in proxy (`/api/auth/*`), and the `cleanup` timer.
 * Each module registers its functions when imported (`registerHttpFunction` of
 * @ropc/functions-edge, with each function's answer to a storage failure, or `app.timer`).
 */
import { app } from '@azure/functions';
// First: its appStart hook starts telemetry before the services below are built.
import './telemetry/start-api-telemetry';
import { getApi } from './api-instance';
import './functions/health';
import './functions/me';
import './functions/notes-collection';
import './functions/note-item';
import './functions/auth-token';
import './functions/auth-refresh';
import './functions/auth-sign-out';
import './functions/auth-native';
import './functions/cleanup';
import './functions/openapi';

export { apiClock } from './api-clock';

app.setup({ enableHttpStream: false });

// Fail at start, with every bad setting listed, rather than on the first request; say whose tokens
// are accepted and where the shared state lives (an endpoint, never a key).
app.hook.appStart(async () => {
  const { config, state } = await getApi();
  const trusted = [
    ...(config.b2c ? [`Azure AD B2C ${config.b2c.authority}`] : []),
    ...(config.externalId ? [`Entra External ID ${config.externalId.authority}`] : []),
  ];
  console.info(`api: accepting access tokens of ${trusted.join(' and ')}`);
  console.info(`api: shared state ${state.description}`);
});
