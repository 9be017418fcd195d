/**
 * The emulator's telemetry, started before its services (this module's hook is registered
 * ahead of main.ts's own): `TELEMETRY_EXPORTER` (console or OTLP, docs/telemetry.md), a span per
 * invocation joining the caller's trace — the API's call to it, say. Off by default. Application
 * Insights is the API's alone: the Azure Monitor distro would quadruple this package, which is
 * a development and CI tool; a connection string (the Functions host sets one in Azure) is
 * therefore left to the host's own logging, and said so once.
 */
import { app } from '@azure/functions';
import {
  currentTelemetry,
  describeTelemetry,
  readTelemetrySettings,
  startTelemetry,
  traceInvocations,
} from '@ropc/telemetry';

app.hook.appStart(async () => {
  const env = { ...process.env };
  const ignored = (env['APPLICATIONINSIGHTS_CONNECTION_STRING'] ?? '').trim() !== '';
  delete env['APPLICATIONINSIGHTS_CONNECTION_STRING'];
  const settings = readTelemetrySettings(env, 'b2c-emulator');
  const telemetry = await startTelemetry(settings);
  if (telemetry.enabled) traceInvocations();
  if (telemetry.enabled || ignored)
    console.info(
      `[b2c-emulator] ${describeTelemetry(settings)}${ignored ? ' (APPLICATIONINSIGHTS_CONNECTION_STRING is for the API; the emulator exports to OTLP or the console)' : ''}`,
    );
});

// What is still batched goes out before the worker stops.
app.hook.appTerminate(() => currentTelemetry().shutdown());
