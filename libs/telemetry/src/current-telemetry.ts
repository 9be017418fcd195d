import { disabledTelemetry, type Telemetry } from './telemetry';

let current: Telemetry = disabledTelemetry();

/**
 * The process's telemetry, as {@link startTelemetry} set it up (off until then). Read at each
 * use rather than kept: the services that record are built before or after the start, in either
 * order, and record into whatever is current.
 */
export function currentTelemetry(): Telemetry {
  return current;
}

/** Makes `telemetry` the process's telemetry (startTelemetry; tests). */
export function installTelemetry(telemetry: Telemetry): Telemetry {
  current = telemetry;
  return telemetry;
}

/** Back to no telemetry (after a shutdown). */
export function uninstallTelemetry(): void {
  current = disabledTelemetry();
}
