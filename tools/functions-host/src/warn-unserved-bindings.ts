import { triggerBinding } from './core/trigger-binding';
import type { RegisteredFunction } from './core/worker-runtime';
import type { HostLogger } from './host-logger';

const SERVED_TRIGGERS = new Set(['httptrigger', 'timertrigger']);

/**
 * Warns about what this host registers but does not run: functions with other triggers, and
 * input/output bindings other than the HTTP response (their values are dropped).
 */
export function warnUnservedBindings(
  functions: readonly RegisteredFunction[],
  logger: HostLogger,
): void {
  for (const { metadata } of functions) {
    const trigger = triggerBinding(metadata);
    if (!SERVED_TRIGGERS.has(trigger.type)) {
      const type = trigger.binding.type ?? 'unknown';
      logger.warn(`Function "${metadata.name}" (${type}) is not served by this host.`);
      continue;
    }
    const ignored = Object.entries(metadata.bindings)
      .filter(([name, binding]) => name !== trigger.name && binding.type?.toLowerCase() !== 'http')
      .map(([name, binding]) => `${name} (${binding.type ?? 'unknown'})`);
    if (ignored.length > 0) {
      logger.warn(`Function "${metadata.name}": bindings ${ignored.join(', ')} are ignored.`);
    }
  }
}
