import { randomUUID } from 'node:crypto';
import type { RpcInvocationRequest } from '../core/core-types';
import { triggerBinding } from '../core/trigger-binding';
import type { RegisteredFunction } from '../core/worker-runtime';

/** The last and next occurrences to report to the handler. */
export interface TimerStatus {
  readonly last: Date | undefined;
  readonly next: Date | undefined;
  readonly isPastDue: boolean;
}

/** .NET's `DateTime.MinValue`, which the host reports for "never". */
const NEVER = '0001-01-01T00:00:00';

/**
 * Builds the invocation request the host sends for a timer trigger: the timer info as JSON in the
 * host's PascalCase (the library camel-cases it into `Timer`).
 */
export function toTimerInvocationRequest(
  fn: RegisteredFunction,
  status: TimerStatus,
): RpcInvocationRequest {
  const timerInfo = {
    Schedule: { AdjustForDST: true },
    ScheduleStatus: {
      Last: status.last?.toISOString() ?? NEVER,
      Next: status.next?.toISOString() ?? NEVER,
      LastUpdated: new Date().toISOString(),
    },
    IsPastDue: status.isPastDue,
  };
  return {
    invocationId: randomUUID(),
    functionId: fn.metadata.functionId,
    inputData: [
      { name: triggerBinding(fn.metadata).name, data: { json: JSON.stringify(timerInfo) } },
    ],
    triggerMetadata: {},
  };
}
