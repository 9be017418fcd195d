import type { Counter, Meter } from '@opentelemetry/api';
import { TELEMETRY_ATTRIBUTES as ATTR, type AuthorityKind } from '../telemetry-attributes';

/**
 * `ropc.proxy.refusals`: attempts the proxies refused themselves, never forwarded, by reason
 * (`client_throttled`, `account_protected`, `device_budget_spent`, `authority_locked`,
 * `attempts_in_flight`, `authority_backoff`).
 */
export class RefusalCounter {
  static readonly NAME = 'ropc.proxy.refusals';
  private readonly counter: Counter;

  constructor(meter: Meter) {
    this.counter = meter.createCounter(RefusalCounter.NAME, {
      description: 'Attempts the proxies refused without forwarding, by reason',
      unit: '{attempt}',
    });
  }

  record(kind: AuthorityKind, reason: string): void {
    this.counter.add(1, { [ATTR.authorityKind]: kind, [ATTR.refusalReason]: reason });
  }
}
