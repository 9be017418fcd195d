/**
 * The API's telemetry, started before its services (this module's hook is registered ahead of
 * main.ts's own): settings from the environment (docs/telemetry.md), Application Insights when
 * `APPLICATIONINSIGHTS_CONNECTION_STRING` is set, a span per invocation joining the caller's
 * trace. Off by default: then no SDK is loaded and no hook is registered.
 */
import { app } from '@azure/functions';
import {
  currentTelemetry,
  describeTelemetry,
  readTelemetrySettings,
  startTelemetry,
  traceInvocations,
} from '@ropc/telemetry';
import { startAzureMonitor } from '@ropc/telemetry/azure-monitor';

app.hook.appStart(async () => {
  const settings = readTelemetrySettings(process.env, 'api');
  // The distro itself is loaded only with a connection string (startAzureMonitor imports it).
  const telemetry = await startTelemetry(settings, { azureMonitor: startAzureMonitor });
  if (telemetry.enabled) traceInvocations();
  console.info(`api: ${describeTelemetry(settings)}`);
});

// What is still batched goes out before the worker stops.
app.hook.appTerminate(() => currentTelemetry().shutdown());
